/**
 * The JSON contract of the county exit metrics (`npm run metrics`): shape and ranges via zod,
 * then cross-field rules. Every error names its field as a dotted path (population.rural,
 * sample.3.finding) and the rule in zh-CN and English.
 */
import { z } from "zod";
import { APPROVALS, SAMPLE_FINDINGS, SAMPLE_STATUSES, type CountyPopulation, type SampleRow } from "@/lib/domain/exit-metrics";
import type { RegionZone } from "@/lib/domain/policy";
import { err, zodErrors, type InputError, type ParseResult } from "./household-input";

const people = z.number().int().min(0).max(2_000_000_000);

const sampleRowSchema = z.strictObject({
  registeredStatus: z.enum(SAMPLE_STATUSES),
  people: z.number().int().min(1).max(1000),
  finding: z.enum(SAMPLE_FINDINGS),
  approval: z.enum(APPROVALS).nullable().optional(),
});

export const countyMetricsInputSchema = z.strictObject({
  zone: z.enum(["east", "central", "west"]),
  year: z.number().int().min(2014).max(2100).optional(),
  population: z.strictObject({
    rural: people,
    registeredPoor: people,
    lifted: people,
    /** default: rural - registeredPoor - lifted */
    notRegistered: people.optional(),
  }),
  sample: z.array(sampleRowSchema),
});

export interface CountyMetricsInput {
  zone: RegionZone;
  year?: number;
  population: CountyPopulation;
  sample: SampleRow[];
}

export function parseCountyMetricsInput(json: unknown): ParseResult<CountyMetricsInput> {
  const parsed = countyMetricsInputSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error.issues) };
  const v = parsed.data;
  const errors: InputError[] = [];
  const pop = v.population;
  const notRegistered = pop.notRegistered ?? pop.rural - pop.registeredPoor - pop.lifted;
  if (pop.registeredPoor + pop.lifted + Math.max(0, notRegistered) > pop.rural) {
    errors.push(
      err("population.rural", {
        zh: `农村人口 ${pop.rural} 少于建档贫困、已脱贫与非建档立卡人口之和`,
        en: `rural population ${pop.rural} is less than registered poor + lifted + not registered`,
      }),
    );
  }
  v.sample.forEach((r, i) => {
    if (r.finding === "wrongly_lifted" && r.registeredStatus !== "lifted") {
      errors.push(
        err(`sample.${i}.finding`, {
          zh: "只有已脱贫户可能是错退（wrongly_lifted）",
          en: "only a lifted household can be wrongly_lifted",
        }),
      );
    }
    if (r.finding === "missed" && r.registeredStatus !== "not_registered") {
      errors.push(
        err(`sample.${i}.finding`, {
          zh: "只有未建档立卡户可能是漏评（missed）",
          en: "only a not_registered household can be missed",
        }),
      );
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      zone: v.zone,
      year: v.year,
      population: { rural: pop.rural, registeredPoor: pop.registeredPoor, lifted: pop.lifted, notRegistered },
      sample: v.sample,
    },
  };
}
