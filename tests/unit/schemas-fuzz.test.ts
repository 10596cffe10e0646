// Bad input, fuzzed (issue #9 part 6): every zod schema a server action parses is fed valid
// inputs and hostile ones — wrong types, extra keys that try mass assignment, 100,000-character
// strings, full-width digits and zero-width characters in national IDs and numbers, spreadsheet
// formulas in names. A schema must never throw, never keep a key it does not declare, never fix
// anything up silently, and every refusal must name the field it is about with a message that
// exists in both languages. CSV export neutralises what names may legitimately contain.
//
// Reproduce a failure: FC_SEED=<seed printed by fast-check> npx vitest run --project unit tests/unit/schemas-fuzz.test.ts
// (the seed is fixed: tests/support/fuzz.ts; FC_RUNS=<n> runs each property n times)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { z } from "zod";
import { messages } from "@/i18n/messages";
import { makeNationalId } from "@/lib/national-id";
import { csvCell, csvRow, type CsvValue } from "@/lib/csv";
import { ROLES } from "@/lib/auth/roles";
import { rejectedVisitSchema } from "@/lib/offline/report-schema";
import { numberInput, numberType, unstorableText } from "@/lib/validation/plain-text";
import * as admin from "@/lib/validation/admin";
import * as county from "@/lib/validation/county";
import * as evaluation from "@/lib/validation/evaluation";
import * as help from "@/lib/validation/help";
import * as changes from "@/lib/validation/household-changes";
import * as edit from "@/lib/validation/household-edit";
import * as input from "@/lib/validation/household-input";
import * as metricsInput from "@/lib/validation/metrics-input";
import * as importV from "@/lib/validation/import";
import * as register from "@/lib/validation/household-register";
import * as measure from "@/lib/validation/measure";
import * as planV from "@/lib/validation/plan";
const { MEASURE_ANSWERS } = measure;
import * as policy from "@/lib/validation/policy";
import * as procedure from "@/lib/validation/procedure";
import * as visit from "@/lib/validation/visit";
import * as calendar from "@/lib/validation/calendar";
import * as notify from "@/lib/validation/notify";
import * as sync from "@/lib/validation/sync";
import * as search from "@/lib/validation/search";
import * as auditV from "@/lib/validation/audit";
import * as relocationV from "@/lib/validation/relocation";
import * as residentV from "@/lib/validation/resident";
import * as villageExitV from "@/lib/validation/village-exit";
import * as incomeV from "@/lib/validation/income-record";
import * as feedsV from "@/lib/validation/feeds";
import {
  FORMULAS,
  HUGE,
  HUGE_DIGITS,
  HUGE_HAN,
  MASS_KEYS,
  clone,
  declaredAt,
  fcOptions,
  getAt,
  hostile,
  massValue,
  objects,
  pick,
  positions,
  setAt,
  show,
  toPath,
  type Path,
} from "../support/fuzz";

const opts = (numRuns = 60, name = "") => fcOptions(numRuns, name);

// ─────────────────────────── inputs ───────────────────────────

const HAN = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤大山小红明华国英秀兰",
];
const han = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...HAN), minLength: min, maxLength: max });
const uuid = fc.uuid();
const day = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / 864e5, max: Date.parse(`${to}T00:00:00Z`) / 864e5 })
    .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
const pastDay = day("2019-01-01", "2024-12-31");
const birthDay = day("1940-01-01", "2020-12-31");
const formBool = fc.constantFrom<boolean | string>(true, false, "true", "false", "on");
const intText = (min: number, max: number) => fc.oneof(fc.integer({ min, max }), fc.integer({ min, max }).map(String));
const yuan = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }),
    fc.tuple(fc.integer({ min: 0, max: max - 1 }), fc.integer({ min: 0, max: 99 })).map(([a, c]) => `${a}.${String(c).padStart(2, "0")}`),
  );
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const DANYANG = "520603201200";

/** A person whose national ID, birth date and sex agree. */
const person = fc.record({ birthDate: birthDay, seq: fc.integer({ min: 1, max: 999 }) }).map(({ birthDate, seq }) => ({
  birthDate,
  sex: seq % 2 === 1 ? "male" : "female",
  nationalId: makeNationalId("520603", birthDate, seq),
}));
const RELATIONS = ["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"] as const;
const newMember = fc
  .record({
    p: person,
    name: han(2, 4),
    relation: fc.constantFrom(...RELATIONS),
    withId: fc.boolean(),
    school: opt(fc.constantFrom(...changes.SCHOOL)),
  })
  .map(({ p, name, relation, withId, school }) => ({
    name,
    sex: p.sex,
    birthDate: p.birthDate,
    relation,
    ...(withId ? { nationalId: p.nationalId } : {}),
    ...(school ? { schoolStatus: school } : {}),
  }));
const indicators = fc.record(
  {
    food: formBool,
    clothing: formBool,
    housingGrade: fc.constantFrom("A", "B", "C", "D"),
    electricity: formBool,
    waterLitres: yuan(500),
    waterScarceArea: formBool,
    waterPiped: formBool,
    waterRoundTripMin: fc.option(intText(0, 1440), { nil: null }),
    waterHorizontalM: fc.option(intText(0, 5000), { nil: null }),
    waterVerticalM: fc.option(intText(0, 500), { nil: null }),
    waterQualitySafe: formBool,
    waterOutageDays: intText(0, 366),
  },
  { requiredKeys: [] },
);
const income = fc.record(
  {
    incomeWages: yuan(1_000_000),
    incomeBusiness: yuan(1_000_000),
    incomeBusinessCosts: yuan(100_000),
    incomeProperty: yuan(100_000),
    incomeTransfers: yuan(100_000),
    rigidExpenditure: yuan(100_000),
    previousYearIncome: fc.option(yuan(1_000_000), { nil: null }),
  },
  { requiredKeys: [] },
);
const memberChange = fc.record(
  {
    id: uuid,
    schoolStatus: fc.constantFrom(...changes.SCHOOL),
    medicalInsurance: formBool,
    laborCapacity: fc.constantFrom(...changes.LABOR),
    health: fc.constantFrom(...changes.HEALTH),
    leave: fc.constantFrom("deceased", "moved_out"),
    counted: formBool,
    notCountedReason: fc.option(fc.constantFrom(...changes.NOT_COUNTED), { nil: null }),
  },
  { requiredKeys: ["id"] },
);
const householdChanges = fc.record(
  {
    indicators,
    income,
    members: fc.array(memberChange, { maxLength: 3 }),
    newMembers: fc.uniqueArray(newMember, { maxLength: 3, selector: (m) => m.nationalId ?? m.name }),
  },
  { requiredKeys: [] },
);
const uniqueMembers = (min: number, max: number) =>
  fc.uniqueArray(newMember, { minLength: min, maxLength: max, selector: (m) => m.nationalId ?? Math.random() });
const regionCode = fc.constantFrom("52", "5206", "520603", "520603201", DANYANG, "520602", "520602100200");
const username = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/);
const password = fc.string({ unit: fc.constantFrom(..."abcdefghijkXYZ0123456789-_@#!"), minLength: 10, maxLength: 40 });
const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
const publicText = (max: number) => han(1, Math.min(max, 40));
const seenList = (k: keyof typeof evaluation.EVIDENCE_FOR) => fc.subarray([...evaluation.EVIDENCE_FOR[k]]);
const checked = (k: keyof typeof evaluation.EVIDENCE_FOR) => fc.record({ met: formBool, evidence: seenList(k) });
const file = (bytes: number[], name: string, type: string) => fc.constant(new File([new Uint8Array(bytes)], name, { type }));
const png = file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], "a.png", "image/png");
const pdf = file([0x25, 0x50, 0x44, 0x46, 0x2d], "a.pdf", "application/pdf");

// ─────────────────────────── the registry ───────────────────────────

interface Entry {
  schema: z.ZodType;
  valid: fc.Arbitrary<unknown>;
  /** the schema checks one value (a field), not a form: its issues have an empty path */
  field?: true;
  /** search parameters of a page (never an action): a bad value falls back by design (.catch) */
  lenient?: true;
  /** not parsed by any server action (the CLI, a page): the size rules below do not apply */
  notAction?: true;
  /** free-text fields (dotted paths in the valid input): a formula is plain text or refused */
  text?: string[];
  /** national IDs (dotted paths in the valid input) */
  nationalIds?: string[];
  /** a problem with the key on the left may be reported on the keys on the right */
  related?: Record<string, string[]>;
  /** text that may look like a number but is free text (a contact) or a machine value (a proof-of-work nonce) */
  free?: string[];
  /** kept in the audit log only, never applied (a refused offline visit): not held to the typing rules */
  auditOnly?: true;
}

const registry: Record<string, Entry> = {
  // lib/validation/admin.ts
  "admin.usernameField": { schema: admin.usernameField, valid: username, field: true },
  "admin.passwordField": { schema: admin.passwordField, valid: password, field: true },
  "admin.regionCodeField": { schema: admin.regionCodeField, valid: regionCode, field: true },
  "admin.userSearchSchema": {
    schema: admin.userSearchSchema,
    lenient: true,
    notAction: true,
    valid: fc.record({ q: han(0, 10), role: fc.constantFrom(...ROLES), page: intText(1, 1000) }, { requiredKeys: [] }),
  },
  "admin.createUserSchema": {
    schema: admin.createUserSchema,
    text: ["name"],
    related: { password: ["confirm"], confirm: ["password"], role: ["regionId"] },
    valid: fc
      .record({ username, name: han(2, 10), phone: opt(phone), role: fc.constantFrom(...ROLES), regionId: regionCode, password })
      .map((v) => ({ ...v, confirm: v.password })),
  },
  "admin.setUserDisabledSchema": {
    schema: admin.setUserDisabledSchema,
    valid: fc.record({ userId: uuid, disabled: fc.constantFrom("true", "false") }),
  },
  "admin.resetPasswordSchema": {
    schema: admin.resetPasswordSchema,
    related: { password: ["confirm"], confirm: ["password"] },
    valid: fc.record({ userId: uuid, password }).map((v) => ({ ...v, confirm: v.password })),
  },
  "admin.changeRoleScopeSchema": {
    schema: admin.changeRoleScopeSchema,
    valid: fc.record({ userId: uuid, role: fc.constantFrom(...ROLES), regionId: regionCode }),
  },
  "admin.regionSearchSchema": {
    schema: admin.regionSearchSchema,
    valid: fc.record({ q: han(0, 10), role: fc.constantFrom(...ROLES) }, { requiredKeys: ["q"] }),
  },
  "admin.regionBrowseSchema": {
    schema: admin.regionBrowseSchema,
    lenient: true,
    notAction: true,
    valid: fc.record({ id: regionCode, page: intText(1, 100) }, { requiredKeys: [] }),
  },
  "admin.createRegionSchema": {
    schema: admin.createRegionSchema,
    text: ["name"],
    related: { parentId: ["id"], id: ["parentId"] },
    valid: fc
      .record({ parent: fc.constantFrom("52", "5206", "520603", "520603201"), tail: fc.integer({ min: 1, max: 999 }), name: han(2, 8) })
      .map(({ parent, tail, name }) => {
        const child = { 2: 4, 4: 6, 6: 9, 9: 12 }[parent.length]!;
        return {
          parentId: parent,
          id:
            parent +
            String(tail)
              .padStart(child - parent.length, "0")
              .slice(-(child - parent.length)),
          name,
        };
      }),
  },
  "admin.renameRegionSchema": {
    schema: admin.renameRegionSchema,
    text: ["name", "nameEn"],
    valid: fc.record({ id: regionCode, name: han(2, 8), nameEn: opt(fc.constantFrom("Danyang", "Wanshan District")) }),
  },
  "admin.setZoneSchema": {
    schema: admin.setZoneSchema,
    valid: fc.record({ id: fc.constantFrom("52", "53", "11"), zone: fc.constantFrom(...admin.ZONES) }),
  },
  "admin.setHotlineSchema": {
    schema: admin.setHotlineSchema,
    valid: fc.record({ id: fc.constantFrom("520603", "520602"), hotline: opt(fc.constantFrom("0856-12317", "+86 856 1234567", "12317")) }),
  },
  "admin.setDesignatedSchema": {
    schema: admin.setDesignatedSchema,
    valid: fc.record({
      id: fc.constantFrom("520603201200", "520602100200"),
      designatedPoor: fc.constantFrom(true, false, "true", "false", "on"),
    }),
  },
  "admin.importRegionsSchema": {
    schema: admin.importRegionsSchema,
    valid: fc.record({ file: fc.constant(new File(["[]"], "regions.json", { type: "application/json" })) }),
  },

  // lib/validation/feeds.ts
  "feeds.loadFeedSchema": {
    schema: feedsV.loadFeedSchema,
    valid: fc.record({
      department: fc.constantFrom("public_security", "medical_insurance", "education"),
      asOf: fc.constantFrom("2026-01-31", "2025-12-31"),
      scopeId: fc.constantFrom("520603", "520603201", ""),
      file: fc.constant(new File(["national_id,fact,date,value\n"], "feed.csv", { type: "text/csv" })),
    }),
  },

  // lib/validation/county.ts
  "resident.postingSchema": {
    schema: residentV.postingSchema,
    text: ["unitName", "personName"],
    related: { validFrom: ["validTo"] },
    valid: fc.record(
      {
        id: uuid,
        villageId: fc.constant("520603201200"),
        unitName: han(1, 30),
        personName: han(1, 20),
        role: fc.constantFrom("first_secretary", "team_leader", "team_member"),
        validFrom: fc.constant("2024-01-01"),
        validTo: fc.constant("2024-12-31"),
      },
      { requiredKeys: ["id", "villageId", "unitName", "personName", "role", "validFrom"] },
    ),
  },
  "resident.residentDaysSchema": {
    schema: residentV.residentDaysSchema,
    related: { month: ["days"] },
    valid: fc.record({ postingId: uuid, month: fc.constantFrom("2024-02", "2024-05"), days: intText(0, 28) }),
  },
  "resident.cadreUnitSchema": {
    schema: residentV.cadreUnitSchema,
    text: ["unitName"],
    valid: fc.record({ userId: uuid, unitName: han(1, 30) }),
  },
  // lib/validation/village-exit.ts (decision 0051)
  "village-exit.saveVillageExitSchema": {
    schema: villageExitV.saveVillageExitSchema,
    text: ["roadNote", "waterNote", "powerNote", "clinicNote", "schoolNote"],
    valid: fc.record(
      {
        id: uuid,
        villageId: fc.constant(DANYANG),
        year: intText(2014, 2020),
        version: intText(1, 50),
        roadOk: formBool,
        roadOn: pastDay,
        roadNote: han(0, 40),
        waterOk: formBool,
        waterOn: pastDay,
        waterNote: han(0, 40),
        powerOk: formBool,
        powerNote: han(0, 40),
        clinicOk: formBool,
        schoolOk: formBool,
        schoolOn: pastDay,
        collectiveIncome: yuan(500_000),
      },
      { requiredKeys: ["id", "villageId", "year"] },
    ),
  },
  "village-exit.proposeVillageExitSchema": {
    schema: villageExitV.proposeVillageExitSchema,
    valid: fc.record({ exitId: uuid, version: intText(1, 50) }),
  },
  "village-exit.reviewVillageExitSchema": {
    schema: villageExitV.reviewVillageExitSchema,
    text: ["reason"],
    related: { decision: ["reason"], reason: ["decision"] },
    valid: fc.oneof(
      fc.record({ exitId: uuid, version: intText(1, 50), decision: fc.constant("approve"), reason: han(0, 40) }),
      fc.record({ exitId: uuid, version: intText(1, 50), decision: fc.constant("return"), reason: han(1, 40) }),
    ),
  },
  "village-exit.approveVillageExitSchema": {
    schema: villageExitV.approveVillageExitSchema,
    text: ["reason", "incomeNote"],
    related: {
      decision: ["reason", "incomeJudgment"],
      reason: ["decision"],
      incomeJudgment: ["decision", "incomeNote"],
      incomeNote: ["incomeJudgment"],
    },
    valid: fc.oneof(
      fc.record({
        exitId: uuid,
        version: intText(1, 50),
        decision: fc.constant("approve"),
        reason: han(0, 40),
        incomeJudgment: fc.constant("met"),
        incomeNote: han(1, 40),
      }),
      fc.record({
        exitId: uuid,
        version: intText(1, 50),
        decision: fc.constant("return"),
        reason: han(1, 40),
        incomeJudgment: fc.constantFrom("met", "not_met"),
        incomeNote: han(1, 40),
      }),
      fc.record({ exitId: uuid, version: intText(1, 50), decision: fc.constant("return"), reason: han(1, 40) }),
    ),
  },
  "relocation.relocationSchema": {
    schema: relocationV.relocationSchema,
    text: ["originName", "siteName"],
    related: { demolishedOn: ["reclaimedOn"] },
    valid: fc.record(
      {
        householdId: uuid,
        originName: han(1, 40),
        originId: fc.constantFrom("520603201200", "520624"),
        destinationId: fc.constantFrom("520603201200", "520603004003", "520603201"),
        siteName: han(0, 20),
        mode: fc.constantFrom("centralised", "scattered"),
        floorArea: intText(1, 500),
        contribution: intText(0, 3000),
        movedOn: fc.constant("2017-05-01"),
        supportJob: formBool,
        supportSchool: formBool,
        supportCommunity: formBool,
      },
      { requiredKeys: ["householdId", "originName", "destinationId", "mode", "floorArea", "contribution", "movedOn"] },
    ),
  },
  "county.assignOneSchema": {
    schema: county.assignOneSchema,
    text: ["reason"],
    valid: fc.record({ householdId: uuid, cadreId: uuid, reason: han(1, 40) }),
  },
  "county.assignBulkSchema": {
    schema: county.assignBulkSchema,
    text: ["reason", "q"],
    related: { mode: ["householdIds"], householdIds: ["mode"] },
    valid: fc.oneof(
      fc.record({
        mode: fc.constant("selected"),
        householdIds: fc.array(uuid, { minLength: 1, maxLength: 5 }),
        cadreIds: fc.array(uuid, { minLength: 1, maxLength: 3 }),
        reason: han(1, 40),
      }),
      fc.record(
        {
          mode: fc.constant("filter"),
          cadreIds: fc.array(uuid, { minLength: 1, maxLength: 3 }),
          reason: han(1, 40),
          village: fc.constant(DANYANG),
          need: fc.constantFrom("1", "0"),
          show: fc.constantFrom("unassigned", "all"),
          q: han(0, 10),
          expected: intText(0, 500),
        },
        { requiredKeys: ["mode", "cadreIds", "reason"] },
      ),
    ),
  },
  "county.cadreSearchSchema": {
    schema: county.cadreSearchSchema,
    valid: fc.record({ q: han(0, 10), near: fc.constant(DANYANG) }, { requiredKeys: [] }),
  },

  // lib/validation/evaluation.ts
  "evaluation.planSchema": {
    schema: evaluation.planSchema,
    valid: fc.record(
      { villages: intText(1, 1000), sharePercent: intText(1, 100), capPerVillage: intText(1, 1000), includeAllExited: formBool },
      { requiredKeys: ["villages", "sharePercent", "capPerVillage"] },
    ),
  },
  "evaluation.createEvaluationSchema": {
    schema: evaluation.createEvaluationSchema,
    text: ["name"],
    valid: fc.record({
      id: uuid,
      countyId: fc.constantFrom("520603", "520602"),
      year: intText(2014, 2100),
      name: han(1, 40),
      team: fc.array(uuid, { maxLength: 5 }),
      plan: fc.record({
        villages: intText(1, 1000),
        sharePercent: intText(1, 100),
        capPerVillage: intText(1, 1000),
        includeAllExited: formBool,
      }),
    }),
  },
  "evaluation.drawSchema": {
    schema: evaluation.drawSchema,
    free: ["seed"],
    valid: fc.record({ evaluationId: uuid, seed: opt(fc.string({ unit: fc.constantFrom(..."abc0123456789-"), maxLength: 40 })) }),
  },
  "evaluation.evaluationRefSchema": { schema: evaluation.evaluationRefSchema, valid: fc.record({ evaluationId: uuid }) },
  "evaluation.releaseSchema": {
    schema: evaluation.releaseSchema,
    valid: fc.record({
      evaluationId: uuid,
      releaseAt: fc
        .tuple(day("2025-01-01", "2030-12-31"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([d, h, m]) => `${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
    }),
  },
  "evaluation.resolveDiscrepancySchema": {
    schema: evaluation.resolveDiscrepancySchema,
    text: ["resolution"],
    valid: fc.record({ discrepancyId: uuid, resolution: han(1, 60) }),
  },
  "evaluation.questionnaireSchema": {
    schema: evaluation.questionnaireSchema,
    text: ["notes"],
    valid: fc.record({
      id: uuid,
      evaluationId: uuid,
      householdId: uuid,
      income: fc.record({
        wages: yuan(1_000_000),
        business: yuan(100_000),
        businessCosts: yuan(100_000),
        property: yuan(100_000),
        transfers: yuan(100_000),
      }),
      indicators: fc.record({
        income: fc.record({ evidence: seenList("income") }),
        food: checked("food"),
        clothing: checked("clothing"),
        medical: checked("medical"),
        housing: checked("housing"),
        water: checked("water"),
        education: checked("education"),
      }),
      approval: fc.constantFrom(...evaluation.APPROVAL_ANSWERS),
      notes: opt(han(0, 60)),
    }),
  },

  // lib/validation/help.ts
  "help.cardReportSchema": {
    schema: help.cardReportSchema,
    text: ["text"],
    free: ["nonce", "challenge", "token"],
    valid: fc.record({
      token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      id: uuid,
      category: fc.constantFrom(...help.HELP_CATEGORIES),
      text: publicText(500),
      challenge: fc.stringMatching(/^[A-Za-z0-9.]{20,80}$/),
      nonce: intText(0, 1_000_000).map(String),
    }),
  },
  "help.villageReportSchema": {
    schema: help.villageReportSchema,
    text: ["text", "headName", "contact"],
    free: ["nonce", "challenge", "contact"],
    valid: fc.record(
      {
        villageId: fc.constant(DANYANG),
        id: uuid,
        category: fc.constantFrom(...help.HELP_CATEGORIES),
        text: publicText(500),
        headName: han(2, 4),
        contact: phone,
        challenge: fc.stringMatching(/^[A-Za-z0-9.]{20,80}$/),
        nonce: intText(0, 1_000_000).map(String),
      },
      { requiredKeys: ["villageId", "id", "text", "challenge", "nonce"] },
    ),
  },
  "help.cardObjectionSchema": {
    schema: help.cardObjectionSchema,
    text: ["text", "contact"],
    free: ["nonce", "challenge", "token", "contact"],
    valid: fc.record({
      token: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      proposalId: uuid,
      text: publicText(500),
      contact: opt(phone),
      challenge: fc.stringMatching(/^[A-Za-z0-9.]{20,80}$/),
      nonce: intText(0, 1_000_000).map(String),
    }),
  },
  "help.leadOutcomeSchema": {
    schema: help.leadOutcomeSchema,
    text: ["note"],
    related: { outcome: ["note"], note: ["outcome"] },
    valid: fc.record({ id: uuid, outcome: fc.constantFrom(...help.HELP_OUTCOMES), note: han(1, 60) }),
  },
  "help.issueCardsSchema": {
    schema: help.issueCardsSchema,
    related: { villageId: ["householdId"] },
    valid: fc.oneof(
      fc.record({ householdId: uuid, reissue: opt(formBool) }),
      fc.record({ villageId: fc.constant(DANYANG), reissue: opt(formBool) }),
    ),
  },
  "help.revokeCardSchema": { schema: help.revokeCardSchema, text: ["reason"], valid: fc.record({ householdId: uuid, reason: han(1, 60) }) },

  // lib/validation/household-changes.ts
  "household-changes.indicatorChangesSchema": { schema: changes.indicatorChangesSchema, valid: indicators },
  "household-changes.incomeChangesSchema": { schema: changes.incomeChangesSchema, valid: income },
  "household-changes.memberChangeSchema": { schema: changes.memberChangeSchema, valid: memberChange },
  "household-changes.nationalIdSchema": {
    schema: changes.nationalIdSchema,
    valid: person.map((p) => p.nationalId),
    field: true,
    nationalIds: [""],
  },
  "household-changes.newMemberSchema": { schema: changes.newMemberSchema, valid: newMember, text: ["name"], nationalIds: ["nationalId"] },
  "search.nationalIdSearchSchema": {
    schema: search.nationalIdSearchSchema,
    valid: person.map((p) => ({ nationalId: p.nationalId })),
    nationalIds: ["nationalId"],
  },
  "household-changes.householdChangesSchema": {
    schema: changes.householdChangesSchema,
    valid: householdChanges,
    text: ["newMembers.0.name"],
    nationalIds: ["newMembers.0.nationalId"],
  },

  // lib/validation/household-edit.ts
  "household-edit.updateHouseholdSchema": {
    schema: edit.updateHouseholdSchema,
    text: ["reason", "changes.newMembers.0.name"],
    nationalIds: ["changes.newMembers.0.nationalId"],
    valid: fc.record({ householdId: uuid, baseVersion: intText(1, 10_000), reason: han(2, 60), changes: householdChanges }),
  },

  "household-edit.revealNationalIdSchema": { schema: edit.revealNationalIdSchema, valid: fc.record({ householdId: uuid, memberId: uuid }) },

  // lib/validation/household-input.ts (the status engine's JSON contract: the CLI)
  "household-input.householdInputSchema": {
    schema: input.householdInputSchema,
    notAction: true,
    valid: fc.record(
      {
        year: fc.integer({ min: 2014, max: 2100 }),
        asOf: pastDay,
        registeredStatus: fc.constantFrom("not_registered", "registered_poor", "lifted"),
        monitored: fc.boolean(),
        members: fc.array(
          fc.record({
            birthDate: birthDay,
            counted: fc.boolean(),
            medicalInsurance: fc.boolean(),
            schoolStatus: fc.constantFrom(...changes.SCHOOL),
            laborCapacity: fc.constantFrom(...changes.LABOR),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        income: fc.record({
          wages: fc.integer({ min: 0, max: 100_000 }),
          business: fc.nat(10_000),
          businessCosts: fc.nat(10_000),
          property: fc.nat(10_000),
          transfers: fc.nat(10_000),
        }),
        food: fc.boolean(),
        clothing: fc.boolean(),
        housing: fc.record({ grade: fc.constantFrom("A", "B", "C", "D"), electricity: fc.boolean() }),
        water: fc.record({
          litresPerPersonDay: fc.nat(200),
          waterScarceArea: fc.boolean(),
          piped: fc.boolean(),
          qualitySafe: fc.boolean(),
          outageDaysPerYear: fc.nat(366),
        }),
      },
      { requiredKeys: ["year", "members", "income", "food", "clothing", "housing", "water"] },
    ),
  },
  "household-input.transferItemsSchema": {
    schema: input.transferItemsSchema,
    notAction: true,
    valid: fc.record(
      {
        subsistence: fc.nat(10_000),
        extremeHardship: fc.nat(10_000),
        pension: fc.nat(10_000),
        ecological: fc.nat(10_000),
        familyPlanning: fc.nat(10_000),
        support: fc.nat(10_000),
        other: fc.nat(10_000),
      },
      { requiredKeys: [] },
    ),
  },
  "household-input.excludedItemsSchema": {
    schema: input.excludedItemsSchema,
    notAction: true,
    valid: fc.record(
      {
        medicalReimbursement: fc.nat(10_000),
        temporaryRelief: fc.nat(10_000),
        housingSubsidy: fc.nat(10_000),
        relocationSubsidy: fc.nat(10_000),
        gifts: fc.nat(10_000),
      },
      { requiredKeys: [] },
    ),
  },
  // lib/validation/metrics-input.ts (the county exit metrics' JSON contract: the CLI)
  "metrics-input.countyMetricsInputSchema": {
    schema: metricsInput.countyMetricsInputSchema,
    notAction: true,
    valid: fc.record({
      zone: fc.constantFrom("east", "central", "west"),
      population: fc.record(
        { rural: fc.nat(100_000), registeredPoor: fc.nat(1000), lifted: fc.nat(1000), notRegistered: fc.nat(1000) },
        { requiredKeys: ["rural", "registeredPoor", "lifted"] },
      ),
      sample: fc.array(
        fc.record({
          registeredStatus: fc.constantFrom("registered_poor", "lifted", "not_registered"),
          people: fc.integer({ min: 1, max: 10 }),
          finding: fc.constant("ok"),
          approval: fc.constantFrom("approve", "disapprove", "unsure"),
        }),
        { maxLength: 5 },
      ),
    }),
  },
  "household-input.policyRowSchema": {
    schema: input.policyRowSchema,
    notAction: true,
    valid: fc.record({
      id: fc.constantFrom("national-2020", "52-2021-r2"),
      year: fc.integer({ min: 2014, max: 2100 }),
      provinceCode: fc.constantFrom(null, "52"),
      values: fc.record({ povertyLine: fc.nat(10_000), noticeDays: fc.nat(30) }, { requiredKeys: [] }),
    }),
  },

  // lib/validation/household-register.ts
  "household-register.registerHouseholdSchema": {
    schema: register.registerHouseholdSchema,
    text: ["address", "reason", "members.0.name"],
    free: ["phone"],
    nationalIds: ["members.0.nationalId"],
    related: { splitAt: ["splitFromId"] },
    valid: fc.record(
      {
        villageId: fc.constant(DANYANG),
        number: fc.stringMatching(/^[0-9]{1,6}$/),
        address: han(0, 20),
        phone: opt(phone),
        members: uniqueMembers(1, 5),
        indicators,
        income,
        reason: han(0, 40),
      },
      { requiredKeys: ["villageId", "number", "members"] },
    ),
  },
  "household-register.addMeasureSchema": {
    schema: register.addMeasureSchema,
    text: ["description"],
    valid: fc.record({
      householdId: uuid,
      kind: fc.constantFrom(
        "industry",
        "employment",
        "relocation",
        "ecological",
        "education",
        "health",
        "social_assistance",
        "dibao",
        "family_doctor",
      ),
      answers: fc.constantFrom(...MEASURE_ANSWERS),
      description: han(1, 60),
      amount: yuan(1_000_000),
      startDate: pastDay,
      endDate: opt(pastDay),
    }),
  },

  // lib/validation/income-record.ts (county records: the annual income record, the household type)
  "income-record.recordIncomeSchema": {
    schema: incomeV.recordIncomeSchema,
    text: ["correctionReason"],
    related: { expectedRevision: ["correctionReason"] },
    valid: fc.record(
      {
        id: uuid,
        householdId: uuid,
        year: intText(2014, 2024),
        expectedRevision: fc.constant("0"),
        correctionReason: han(0, 30),
        incomeWages: yuan(1_000_000),
        incomeBusiness: yuan(1_000_000),
        incomeBusinessCosts: yuan(100_000),
        transferSubsistence: yuan(10_000),
        transferPension: yuan(10_000),
        excludedMedical: yuan(100_000),
      },
      { requiredKeys: ["id", "householdId", "year", "expectedRevision"] },
    ),
  },
  "income-record.signIncomeSchema": {
    schema: incomeV.signIncomeSchema,
    related: { method: ["signature", "formPhoto"], signature: ["signature"], formPhoto: ["formPhoto"] },
    valid: fc.oneof(
      fc.record({ recordId: uuid, method: fc.constant("signature"), signature: file([0x89, 0x50, 0x4e, 0x47], "s.png", "image/png") }),
      fc.record({ recordId: uuid, method: fc.constant("thumbprint_form"), formPhoto: png }),
    ),
  },
  "income-record.setHouseholdTypeSchema": {
    schema: incomeV.setHouseholdTypeSchema,
    text: ["basis"],
    valid: fc.record({
      id: uuid,
      householdId: uuid,
      type: fc.constantFrom(...incomeV.HOUSEHOLD_TYPES),
      since: pastDay,
      basis: han(1, 40),
    }),
  },
  "measure.measureSchema": {
    schema: measure.measureSchema,
    text: ["description", "bank"],
    valid: fc.record({
      householdId: uuid,
      kind: fc.constant("microcredit"),
      answers: fc.constantFrom(...MEASURE_ANSWERS),
      description: han(1, 60),
      amount: yuan(50_000),
      startDate: pastDay,
      bank: han(2, 20),
      termMonths: fc.integer({ min: 1, max: 60 }).map(String),
      interestSubsidy: yuan(5_000),
      loanStatus: fc.constant("current"),
    }),
  },

  "plan.savePlanSchema": {
    schema: planV.savePlanSchema,
    text: ["note"],
    valid: fc.record({
      householdId: uuid,
      year: fc.integer({ min: 2014, max: 2030 }).map(String),
      baseVersion: fc.integer({ min: 1, max: 100 }).map(String),
      mainCause: fc.constantFrom(...MEASURE_ANSWERS.slice(0, 12)),
      expectedIncome: yuan(100_000),
      note: han(1, 40),
    }),
  },

  // lib/validation/import.ts (the bulk import's jobs)
  "import.beginImportSchema": { schema: importV.beginImportSchema, valid: fc.constant({}) },
  "import.importProgressSchema": { schema: importV.importProgressSchema, valid: fc.record({ jobId: uuid }) },
  "import.runImportSchema": { schema: importV.runImportSchema, valid: fc.record({ jobId: uuid, dryRun: fc.boolean() }) },

  // lib/validation/calendar.ts
  "calendar.setCalendarDaySchema": {
    schema: calendar.setCalendarDaySchema,
    text: ["name"],
    related: { kind: ["date"], date: ["kind"] },
    valid: fc.oneof(
      fc.record({ date: day("2000-01-01", "2100-12-31"), kind: fc.constant("holiday"), name: han(1, 10) }),
      // a make-up working day: a Saturday or Sunday
      fc.record({ d: day("2000-01-01", "2100-12-20"), name: han(1, 10) }).map(({ d, name }) => {
        const n = Date.parse(`${d}T00:00:00Z`) / 864e5;
        const sat = n + ((((2 - n) % 7) + 7) % 7); // 1970-01-03 (day 2) was a Saturday
        return { date: new Date(sat * 864e5).toISOString().slice(0, 10), kind: "workday", name };
      }),
    ),
  },
  "calendar.removeCalendarDaySchema": {
    schema: calendar.removeCalendarDaySchema,
    valid: fc.record({ date: day("2000-01-01", "2100-12-31") }),
  },
  "calendar.publishCalendarYearSchema": {
    schema: calendar.publishCalendarYearSchema,
    text: ["notice"],
    related: { mode: ["notice"], notice: ["mode"] },
    valid: fc.oneof(
      fc.record({ year: intText(2000, 2100), mode: fc.constant("package") }),
      fc.record({ year: intText(2000, 2100), mode: fc.constant("manual"), notice: han(1, 40) }),
    ),
  },
  "calendar.withdrawCalendarYearSchema": { schema: calendar.withdrawCalendarYearSchema, valid: fc.record({ year: intText(2000, 2100) }) },

  // lib/validation/notify.ts
  "notify.saveNotifyChannelSchema": {
    schema: notify.saveNotifyChannelSchema,
    free: ["secret"],
    related: { kind: ["url"], url: ["kind"] },
    valid: fc.oneof(
      fc.record({ kind: fc.constant("log"), enabled: fc.constantFrom("on", "off"), version: intText(1, 1000) }),
      fc.record({
        kind: fc.constantFrom("sms_http", "wecom", "dingtalk"),
        url: fc.constantFrom(
          "https://sms.example.cn/send",
          "http://10.0.0.5:8080/sms",
          "https://oapi.dingtalk.com/robot/send?access_token=abc",
        ),
        secret: opt(fc.string({ unit: fc.constantFrom(..."abcDEF0123456789-_"), minLength: 1, maxLength: 40 })),
        clearSecret: opt(fc.constantFrom("on", "off")),
        enabled: fc.constantFrom("on", "off"),
        version: intText(1, 1000),
      }),
    ),
  },
  "notify.sendTestNotificationSchema": { schema: notify.sendTestNotificationSchema, valid: fc.constant({}) },

  // lib/validation/policy.ts
  "policy.savePolicySchema": {
    schema: policy.savePolicySchema,
    text: ["note"],
    related: { schoolAgeMin: ["schoolAgeMax"], quorumDenominator: ["quorumNumerator"] },
    valid: fc.record(
      {
        year: intText(2014, 2100),
        provinceId: fc.constantFrom("", "52"),
        note: han(0, 40),
        povertyLine: yuan(100_000),
        monitoringThreshold: yuan(100_000),
        noticeDays: intText(1, 30),
        monitoringNoticeDays: intText(1, 30),
        schoolAgeMin: fc.constant("6"),
        schoolAgeMax: fc.constant("15"),
        sampleShare: fc.integer({ min: 1, max: 100 }).map((x) => String(x / 100)),
        quorumNumerator: fc.constant("2"),
        quorumDenominator: fc.constant("3"),
        exitIncidenceEast: intText(0, 10),
        sampleCapPerVillage: intText(1, 500),
      },
      { requiredKeys: ["year", "provinceId"] },
    ),
  },
  "policy.jobProgressSchema": { schema: policy.jobProgressSchema, valid: fc.record({ id: uuid }) },

  // lib/validation/procedure.ts
  "procedure.isoDate": { schema: procedure.isoDate, valid: pastDay, field: true },
  "procedure.raiseProposalSchema": {
    schema: procedure.raiseProposalSchema,
    text: ["reason"],
    related: {
      kind: ["monitoringCategory", "authorisation"],
      monitoringCategory: ["kind"],
      source: ["authorisation"],
      authorisationEvidenceId: ["authorisation"],
      authorisation: ["authorisation"],
    },
    valid: fc
      .oneof(
        fc.record({
          kind: fc.constant("monitor"),
          monitoringCategory: fc.constantFrom(...procedure.MONITORING_CATEGORIES),
          authorisationEvidenceId: uuid,
        }),
        fc.record({ kind: fc.constantFrom("identify", "exit", "eliminate_risk"), monitoringCategory: fc.constantFrom("", undefined) }),
      )
      .chain((k) =>
        fc
          .record({ id: uuid, householdId: uuid, source: fc.constantFrom(...procedure.RAISED_SOURCES), reason: han(2, 60) })
          .map((r) => ({ ...r, ...k })),
      ),
  },
  "procedure.explainComparisonSchema": {
    schema: procedure.explainComparisonSchema,
    text: ["explanation"],
    valid: fc.record({ proposalId: uuid, version: intText(1, 1000), explanation: opt(han(0, 60)) }),
  },

  "procedure.createMeetingSchema": {
    schema: procedure.createMeetingSchema,
    text: ["place"],
    valid: fc.record({ id: uuid, date: pastDay, place: han(2, 20) }),
  },
  "procedure.addRepresentativeSchema": {
    schema: procedure.addRepresentativeSchema,
    text: ["name"],
    valid: fc.record({ name: han(2, 4), phone: opt(phone) }),
  },
  "procedure.setRepresentativeActiveSchema": {
    schema: procedure.setRepresentativeActiveSchema,
    valid: fc.record({ representativeId: uuid, active: formBool }),
  },
  "procedure.agendaSchema": { schema: procedure.agendaSchema, valid: fc.record({ meetingId: uuid, proposalId: uuid }) },
  "procedure.meetingIdSchema": { schema: procedure.meetingIdSchema, valid: fc.record({ meetingId: uuid }) },
  "procedure.attendanceSchema": {
    schema: procedure.attendanceSchema,
    valid: fc.record({ meetingId: uuid, representativeId: fc.oneof(uuid, fc.constant("all")), present: formBool }),
  },
  "procedure.voteSchema": {
    schema: procedure.voteSchema,
    valid: fc.record({
      id: opt(uuid),
      meetingId: uuid,
      agendaItemId: uuid,
      representativeId: uuid,
      choice: fc.constantFrom(...procedure.VOTE_CHOICES),
    }),
  },
  "procedure.secretBallotSchema": {
    schema: procedure.secretBallotSchema,
    valid: fc.record({ meetingId: uuid, agendaItemId: uuid, yes: intText(0, 50), no: intText(0, 50), abstain: intText(0, 50) }),
  },
  "procedure.closeMeetingSchema": {
    schema: procedure.closeMeetingSchema,
    text: ["minutes"],
    valid: fc.record({ meetingId: uuid, minutes: han(1, 200), scan: opt(pdf) }),
  },
  "procedure.publishNoticeSchema": {
    schema: procedure.publishNoticeSchema,
    valid: fc.record({ id: uuid, meetingId: uuid, proposalIds: fc.array(uuid, { minLength: 1, maxLength: 5 }), startDate: pastDay }),
  },
  "procedure.secondNoticeSchema": {
    schema: procedure.secondNoticeSchema,
    valid: fc.record({ id: uuid, proposalIds: fc.array(uuid, { minLength: 1, maxLength: 5 }), startDate: pastDay }),
  },
  "procedure.announceSchema": {
    schema: procedure.announceSchema,
    valid: fc.record({ id: uuid, proposalIds: fc.array(uuid, { minLength: 1, maxLength: 5 }) }),
  },
  "procedure.objectionSchema": {
    schema: procedure.objectionSchema,
    text: ["byName", "contact", "text"],
    free: ["contact"],
    valid: fc.record({ id: uuid, proposalId: uuid, byName: opt(han(2, 4)), contact: opt(phone), text: han(1, 100) }),
  },
  "procedure.objectionCheckSchema": {
    schema: procedure.objectionCheckSchema,
    text: ["reason"],
    valid: fc.record({
      proposalId: uuid,
      version: intText(1, 1000),
      reason: han(1, 60),
      aboutItem: fc.constantFrom("yes", "no"),
      isNew: fc.constantFrom("yes", "no"),
    }),
  },
  "procedure.homeVerificationSchema": {
    schema: procedure.homeVerificationSchema,
    text: ["checkedByName", "findings"],
    related: { signature: ["signature"] },
    valid: fc.record({
      id: uuid,
      proposalId: uuid,
      checkedOn: pastDay,
      checkedByName: han(1, 20),
      perCapitaIncome: intText(0, 100000),
      food: fc.constantFrom("met", "unmet"),
      clothing: fc.constantFrom("met", "unmet"),
      medical: fc.constantFrom("met", "unmet"),
      housing: fc.constantFrom("met", "unmet"),
      water: fc.constantFrom("met", "unmet"),
      education: fc.constantFrom("met", "unmet"),
      findings: han(1, 60),
      signature: file([0x89, 0x50, 0x4e, 0x47], "signature.png", "image/png"),
    }),
  },
  "procedure.exitAgreementSchema": {
    schema: procedure.exitAgreementSchema,
    text: ["refusalReason"],
    related: {
      outcome: ["method", "signature", "formPhoto", "refusalReason"],
      method: ["signature", "formPhoto"],
      signature: ["signature"],
      formPhoto: ["formPhoto"],
      refusalReason: ["refusalReason"],
    },
    valid: fc.record({ id: uuid, proposalId: uuid, version: intText(1, 1000), outcome: fc.constant("refused"), refusalReason: han(1, 60) }),
  },
  "procedure.stepSchema": {
    schema: procedure.stepSchema,
    text: ["reason"],
    valid: fc.record({ proposalId: uuid, version: intText(1, 1000), reason: han(1, 60) }),
  },

  // lib/validation/visit.ts
  "visit.visitSchema": {
    schema: visit.visitSchema,
    text: ["findings", "problems", "actionsTaken", "followUps.0.description", "updates.newMembers.0.name"],
    nationalIds: ["updates.newMembers.0.nationalId"],
    related: {
      mode: ["confirmation", "locationConsent"],
      confirmation: ["signature"],
      date: ["followUps"],
      locationConsent: ["location"],
      location: ["locationConsent"],
      updates: ["updates"],
    },
    valid: fc.record(
      {
        clientVisitId: uuid,
        householdId: uuid,
        baseVersion: intText(1, 1000),
        date: pastDay,
        mode: fc.constantFrom(...visit.VISIT_MODES),
        findings: han(1, 100),
        problems: han(0, 40),
        actionsTaken: han(0, 40),
        confirmation: fc.constant("read_back"),
        followUps: fc.array(fc.record({ description: han(1, 40), dueDate: day("2025-01-01", "2026-12-31") }), { maxLength: 3 }),
        updates: householdChanges,
        evidence: fc.array(fc.record({ file: fc.oneof(png, pdf), indicator: fc.constantFrom(...visit.EVIDENCE_TARGETS) }), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ["clientVisitId", "householdId", "baseVersion", "date", "mode", "findings", "confirmation"] },
    ),
  },
  "visit.confirmPendingSchema": {
    schema: visit.confirmPendingSchema,
    valid: fc.record({ visitId: uuid, baseVersion: intText(1, 1000), decision: fc.constantFrom("apply", "discard") }),
  },
  "visit.resolveFollowUpSchema": {
    schema: visit.resolveFollowUpSchema,
    text: ["resolution"],
    valid: fc.record({ followUpId: uuid, resolution: han(1, 60) }),
  },

  // lib/validation/sync.ts: the envelope of syncVisits. Its items are opaque here: each is parsed
  // by visitSchema on its own (fuzzed above), so one bad visit is that visit's answer
  "sync.syncBatchSchema": {
    schema: sync.syncBatchSchema,
    valid: fc.record({ visits: fc.array(fc.constant({}), { minLength: 1, maxLength: 3 }) }),
  },

  // lib/offline/report-schema.ts (parsed by the reportRejectedVisit action)
  "offline.rejectedVisitSchema": {
    schema: rejectedVisitSchema,
    text: ["findings"],
    auditOnly: true,
    valid: fc.record({
      clientVisitId: uuid,
      householdId: uuid,
      baseVersion: fc.integer({ min: 1, max: 100 }),
      date: pastDay,
      mode: fc.constantFrom("home", "phone", "wechat"),
      findings: han(1, 100),
      files: fc.record({ signature: fc.integer({ min: 0, max: 1 }), evidence: fc.integer({ min: 0, max: 10 }) }),
      loggedAt: fc.constant("2026-05-01T08:00:00.000Z"),
      updates: householdChanges,
    }),
  },
};

// ─────────────────────────── helpers ───────────────────────────

type Issue = z.core.$ZodIssue;
const issueKey = (i: Issue): string[] =>
  i.code === "unrecognized_keys" ? i.keys.map((k) => [...i.path, k].map(String).join(".")) : [i.path.map(String).join(".")];

// Messages: a full key ("validation.required", "procedure.validation.noQuorum") — each must exist
// in both languages; zod's own wording names no namespace.
function lookup(tree: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), tree);
}
function missingMessage(m: string): string | null {
  const ns = m.split(".")[0]!;
  if (!m.includes(".") || !Object.prototype.hasOwnProperty.call(messages["zh-CN"], ns)) return null;
  for (const locale of ["zh-CN", "en"] as const) if (typeof lookup(messages[locale], m) !== "string") return `${m} missing in ${locale}`;
  return null;
}

function parse(schema: z.ZodType, value: unknown) {
  let r: ReturnType<z.ZodType["safeParse"]>;
  try {
    r = schema.safeParse(value);
  } catch (e) {
    throw new Error(`safeParse threw on ${show(value)}: ${(e as Error).stack}`);
  }
  return r;
}

/**
 * A refusal: every issue names a field (or is the schema's own field, or the whole input was
 * replaced: a form-level problem), with a message that exists in both languages.
 */
function expectNamed(name: string, e: Entry, value: unknown, issues: readonly Issue[], about?: Path) {
  if (issues.length === 0) expect.fail(`${name}: refused with no issue`);
  const formLevel = e.field || (about !== undefined && about.length === 0);
  for (const i of issues) {
    const named = formLevel || i.path.length > 0 || (i.code === "unrecognized_keys" && i.keys.length > 0);
    if (!named) expect.fail(`${name}: an issue names no field: ${show(i)} for ${show(value)}`);
    const missing = missingMessage(i.message);
    if (missing) expect.fail(`${name}: message key unknown: ${missing}`);
    if (!i.message.trim()) expect.fail(`${name}: empty message on ${i.path.join(".")}`);
  }
  if (about && about.length && !e.field) {
    const head = String(about[0]);
    const ok = new Set([head, ...(e.related?.[head] ?? [])]);
    const heads = issues.flatMap(issueKey).map((k) => k.split(".")[0]!);
    if (!heads.some((h) => ok.has(h)))
      expect.fail(`${name}: a bad "${about.join(".")}" was reported on ${heads.join(", ")} (${show(issues.map((i) => i.message))})`);
  }
}

// ─────────────────────────── hostile values ───────────────────────────

/** Mass-assignment keys a schema may declare, and values it must then refuse. */
const DECLARED_BAD: Record<string, unknown[]> = {
  version: [0, -1, 1.5, "abc", 2 ** 31, "1\u200B", "\uFEFF2", true, [3], { gt: 0 }],
  baseVersion: [0, -1, 1.5, "abc", 2 ** 31, "1\u200B", "\uFEFF2", true, [3], { gt: 0 }],
  role: ["superadmin", "", 1, ["admin"]],
  countyId: ["5206", "52060x", "５２０６０３", "\u200B520603", { startsWith: "52" }],
  registeredStatus: ["rich", 1, ""],
  id: [{ $ne: null }, ["a"], 12345, HUGE],
  householdId: [{ $ne: null }, ["a"], 12345, HUGE],
  villageId: [{ startsWith: "52" }, "5206032012", 520603201200, HUGE],
  regionId: [{ startsWith: "52" }, "5", HUGE],
  userId: [{ $ne: null }, 12345, HUGE],
  cadreId: [{ $ne: null }, 12345, HUGE],
  active: ["maybe", 2, {}],
  monitoringCategory: ["rich", 1],
  source: ["department", "official", 1],
};
const INVISIBLE = ["\u200B", "\uFEFF", "\u200C", "\u200D", "\u2060", "\u00AD", "\u202E"];
const FULL_WIDTH_DIGITS = "０１２３４５６７８９";
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!).replace(/X/g, "Ｘ");

const entries = Object.entries(registry);
const actionEntries = entries.filter(([, e]) => !e.notAction && !e.lenient);
const objectEntries = entries.filter(([, e]) => !e.field);

// ─────────────────────────── completeness ───────────────────────────

describe("the registry covers every schema", () => {
  const modules: Record<string, Record<string, unknown>> = {
    admin,
    calendar,
    notify,
    county,
    evaluation,
    help,
    "household-changes": changes,
    "household-edit": edit,
    "household-input": input,
    "metrics-input": metricsInput,
    "household-register": register,
    measure,
    plan: planV,
    import: importV,
    policy,
    procedure,
    visit,
    sync,
    search,
    audit: auditV,
    relocation: relocationV,
    resident: residentV,
    "village-exit": villageExitV,
    "income-record": incomeV,
    feeds: feedsV,
  };

  it("every file of lib/validation that builds a schema is imported here", () => {
    const files = fs
      .readdirSync(path.resolve("lib/validation"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.replace(/\.ts$/, ""));
    // file-type.ts and visit-facts.ts build no schema; plain-text.ts builds field helpers, used by the schemas here
    const builders = files.filter(
      (f) =>
        f !== "plain-text" &&
        /\bz\.(object|strictObject|string|number|enum|union|array|preprocess|custom|instanceof)\(/.test(
          fs.readFileSync(path.resolve(`lib/validation/${f}.ts`), "utf8"),
        ),
    );
    expect(
      builders.filter((f) => !(f in modules)),
      "add the module to `modules` and its schemas to the registry",
    ).toEqual([]);
  });

  it("every exported zod schema of lib/validation has a registry entry", () => {
    const exported = Object.entries(modules).flatMap(([file, mod]) =>
      Object.entries(mod)
        .filter(([, v]) => v instanceof z.ZodType)
        .map(([name]) => `${file}.${name}`),
    );
    expect(exported.filter((k) => !(k in registry))).toEqual([]);
    // and the registry names nothing that no longer exists
    expect(Object.keys(registry).filter((k) => !k.startsWith("offline.") && !exported.includes(k))).toEqual([]);
  });

  it("no action defines a schema inline: every action's schema is a registered one", () => {
    const files = fs.readdirSync(path.resolve("lib/actions"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const registeredNames = new Set(Object.keys(registry).map((k) => k.split(".").pop()!));
    const used: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(path.resolve("lib/actions", f), "utf8");
      if (!src.startsWith('"use server"')) continue; // the wrappers (safe-action.ts, define.ts…) only pass a schema on
      expect(
        /\bz\.(object|strictObject|string|number|array)\(/.test(src),
        `${f} defines a zod schema inline: move it to lib/validation`,
      ).toBe(false);
      for (const m of src.matchAll(/\bschema:\s*([A-Za-z0-9_]+)/g)) used.push(`${f}: ${m[1]}`);
    }
    expect(used.length).toBeGreaterThan(40);
    const unknown = used.filter((u) => !registeredNames.has(u.split(": ")[1]!) && !/: (schema|options)$/.test(u));
    expect(unknown).toEqual([]);
  });
});

// ─────────────────────────── (a) valid inputs parse ───────────────────────────

describe("(a) valid inputs parse", () => {
  it.each(entries)("%s", (name, e) => {
    fc.assert(
      fc.property(e.valid, (v) => {
        const r = parse(e.schema, v);
        if (!r.success) throw new Error(`${name} refused a valid input ${show(v)}: ${show(r.error.issues)}`);
      }),
      opts(60, `a:${name}`),
    );
  });
});

// ─────────────────────────── (b) mutated inputs ───────────────────────────

describe("(b) a hostile value anywhere: never a throw; a refusal names the field", () => {
  it.each(entries)("%s", (name, e) => {
    fc.assert(
      fc.property(e.valid, fc.nat(), hostile, (v, at, bad) => {
        const where = positions(v);
        const p = e.field || where.length === 0 ? [] : pick(where, at);
        const mutated = setAt(v, p, bad);
        const r = parse(e.schema, mutated);
        if (!r.success) expectNamed(name, e, mutated, r.error.issues, p);
      }),
      opts(60, `b:${name}`),
    );
  });

  it.each(objectEntries)("%s: a value that is not an object is refused as a whole (a form-level problem), never thrown", (name, e) => {
    for (const bad of [null, undefined, "x", 1, true, [], [{}]]) {
      const r = parse(e.schema, bad);
      expect(r.success, `${name} accepted ${show(bad)}`).toBe(false);
    }
  });

  it.each(actionEntries)("%s: a 100,000-character string in any text position is refused on that field", (name, e) => {
    fc.assert(
      fc.property(e.valid, fc.nat(), fc.constantFrom(HUGE, HUGE_HAN, HUGE_DIGITS), (v, at, huge) => {
        const where = e.field ? [[]] : positions(v).filter((p) => typeof getAt(v, p) === "string");
        if (where.length === 0) return;
        const p = pick(where, at);
        const r = parse(e.schema, setAt(v, p, huge));
        expect(r.success, `${name} accepted ${huge.length} characters at "${p.join(".")}"`).toBe(false);
        if (!r.success) expectNamed(name, e, p, r.error.issues, p);
      }),
      opts(60, `huge:${name}`),
    );
  });
});

// ─────────────────────────── (c) mass assignment ───────────────────────────

describe("(c) mass assignment: an undeclared key never reaches the parsed output", () => {
  it.each(objectEntries)("%s", (name, e) => {
    fc.assert(
      fc.property(
        e.valid,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MASS_KEYS), massValue), { minLength: 1, maxLength: 4 }),
        (v, extras) => {
          let mutated = clone(v);
          const injected: { at: Path; key: string }[] = [];
          const places = objects(v);
          for (const [n, key, value] of extras) {
            const at = pick(places, n);
            const declared = declaredAt(e.schema, at);
            const target = getAt(mutated, at) as Record<string, unknown>;
            if (declared?.has(key) || declared === null || Object.hasOwn(target, key)) continue; // declared keys: below
            mutated = setAt(mutated, [...at, key], value);
            injected.push({ at, key });
          }
          const r = parse(e.schema, mutated);
          if (r.success) {
            for (const { at, key } of injected) {
              const out = getAt(r.data, at);
              expect(
                out && typeof out === "object" && Object.hasOwn(out, key),
                `${name}: "${[...at, key].join(".")}" reached the output`,
              ).toBeFalsy();
            }
            expect(
              Object.getPrototypeOf(r.data ?? {}) === Object.prototype ||
                Object.getPrototypeOf(r.data ?? {}) === null ||
                typeof r.data !== "object",
            ).toBe(true);
          } else {
            // a strict schema refuses the key by name; nothing else may go wrong with a valid input
            for (const i of r.error.issues) {
              expect(i.code, `${name}: ${show(i)}`).toBe("unrecognized_keys");
              if (i.code === "unrecognized_keys")
                for (const k of i.keys) expect(injected.some((x) => x.key === k && x.at.join(".") === i.path.join("."))).toBe(true);
            }
          }
        },
      ),
      opts(60, `c:${name}`),
    );
  });

  const declaring = actionEntries
    .filter(([, e]) => !e.field && !e.auditOnly)
    .flatMap(([name, e]) => {
      const keys = [...(declaredAt(e.schema, []) ?? [])].filter((k) => k in DECLARED_BAD);
      return keys.map((k) => [`${name}: ${k}`, e, k] as const);
    });

  it.each(declaring)("%s, declared on purpose, is validated (a bad value is refused on that key)", (label, e, key) => {
    fc.assert(
      fc.property(e.valid, fc.constantFrom(...DECLARED_BAD[key]!), (v, bad) => {
        const r = parse(e.schema, setAt(v, [key], bad));
        expect(r.success, `${label} accepted ${show(bad)}`).toBe(false);
        if (!r.success) expectNamed(label, e, bad, r.error.issues, [key]);
      }),
      opts(30, `declared:${label}`),
    );
  });

  it("optimistic concurrency: version and baseVersion are positive integers that fit the database column", () => {
    const versioned = objectEntries.filter(
      ([, e]) => declaredAt(e.schema, [])?.has("version") || declaredAt(e.schema, [])?.has("baseVersion"),
    );
    expect(versioned.map(([n]) => n).sort()).toEqual(
      [
        "household-edit.updateHouseholdSchema",
        "notify.saveNotifyChannelSchema",
        "plan.savePlanSchema",
        "procedure.exitAgreementSchema",
        "procedure.explainComparisonSchema",
        "procedure.objectionCheckSchema",
        "procedure.stepSchema",
        "visit.confirmPendingSchema",
        "visit.visitSchema",
        "offline.rejectedVisitSchema",
        "relocation.relocationSchema",
        "resident.postingSchema",
        "village-exit.saveVillageExitSchema",
        "village-exit.proposeVillageExitSchema",
        "village-exit.reviewVillageExitSchema",
        "village-exit.approveVillageExitSchema",
      ].sort(),
    );
    for (const [name, e] of versioned.filter(([, x]) => !x.auditOnly)) {
      const key = declaredAt(e.schema, [])!.has("version") ? "version" : "baseVersion";
      fc.assert(
        fc.property(e.valid, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (v, n) => {
          const r = parse(e.schema, setAt(v, [key], String(n)));
          expect(r.success && (r.data as Record<string, unknown>)[key], name).toBe(n);
        }),
        opts(20, `version:${name}`),
      );
    }
  });
});

// ─────────────────────────── (d) national IDs ───────────────────────────

describe("(d) national IDs: full-width digits and invisible characters are refused on the ID, never fixed silently", () => {
  const withIds = entries.filter(([, e]) => e.nationalIds?.length);

  it.each(withIds)("%s", (name, e) => {
    fc.assert(
      fc.property(
        e.valid,
        fc.nat(),
        fc.nat(),
        fc.constantFrom("fullWidthOne", "fullWidthAll", "invisible", "lowercaseX", "ideographicSpace"),
        fc.constantFrom(...INVISIBLE),
        (v, at, pos, how, ch) => {
          const where = e.nationalIds!.map(toPath).filter((p) => typeof getAt(v, p) === "string");
          if (where.length === 0) return;
          const p = pick(where, at);
          const id = getAt(v, p) as string;
          const i = pos % (id.length + 1);
          const bad =
            how === "fullWidthAll"
              ? toFullWidth(id)
              : how === "fullWidthOne"
                ? id.slice(0, i % id.length) + toFullWidth(id[i % id.length]!) + id.slice((i % id.length) + 1)
                : how === "invisible"
                  ? id.slice(0, i) + ch + id.slice(i)
                  : how === "lowercaseX"
                    ? id.slice(0, 17) + "x"
                    : pos % 2
                      ? `\u3000${id}`
                      : `${id}\u3000`;
          if (bad === id) return;
          const r = parse(e.schema, setAt(v, p, bad));
          expect(r.success, `${name} accepted the national ID ${JSON.stringify(bad)}`).toBe(false);
          if (!r.success) {
            expectNamed(name, e, bad, r.error.issues, p);
            const onId = r.error.issues.filter((x) => x.path.map(String).join(".") === p.join("."));
            expect(
              onId.length,
              `${name}: the refusal of ${JSON.stringify(bad)} is not on "${p.join(".")}": ${show(r.error.issues)}`,
            ).toBeGreaterThan(0);
          }
        },
      ),
      opts(60, `d:${name}`),
    );
  });

  it("the refusal says what is wrong: invisible characters and full-width digits each have their own message", () => {
    const id = makeNationalId("520603", "1980-05-01", 11);
    const msg = (s: string) => {
      const r = changes.nationalIdSchema.safeParse(s);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(msg(`\uFEFF${id}`)).toBe("validation.invisibleChars");
    expect(msg(`${id.slice(0, 6)}\u200B${id.slice(6)}`)).toBe("validation.invisibleChars");
    expect(msg(toFullWidth(id))).toBe("validation.fullWidth");
    expect(msg(`\u3000${id}`)).toBe("validation.fullWidth");
    expect(msg(` ${id} `)).toBeNull(); // ordinary spaces around the ID are a typing habit: trimmed, as in every text field
  });
});

// ─────────────────────────── numbers ───────────────────────────

describe("numbers and codes: invisible characters, full-width digits, blanks and nulls are refused, never read as something else", () => {
  const isNumeric = (x: unknown) =>
    (typeof x === "number" && Number.isFinite(x)) || (typeof x === "string" && /^[+-]?\d+(\.\d+)?$/.test(x));

  it.each(actionEntries.filter(([, e]) => !e.auditOnly))("%s", (name, e) => {
    fc.assert(
      fc.property(e.valid, fc.nat(), fc.nat(), fc.constantFrom(...INVISIBLE, "fullWidth", "\u3000"), (v, at, pos, how) => {
        const free = new Set(e.free ?? []);
        const where = e.field ? (isNumeric(v) ? [[]] : []) : positions(v).filter((p) => isNumeric(getAt(v, p)) && !free.has(p.join(".")));
        if (where.length === 0) return;
        const p = pick(where, at);
        const text = String(getAt(v, p));
        const i = pos % (text.length + 1);
        const bad = how === "fullWidth" ? toFullWidth(text) : text.slice(0, i) + how + text.slice(i);
        if (bad === text) return;
        const r = parse(e.schema, setAt(v, p, bad));
        expect(
          r.success,
          `${name} accepted ${JSON.stringify(bad)} at "${p.join(".")}"${r.success ? ` as ${show(getAt(r.data, p))}` : ""}`,
        ).toBe(false);
        if (!r.success) expectNamed(name, e, bad, r.error.issues, p);
      }),
      opts(60, `numbers:${name}`),
    );
  });

  it.each(actionEntries.filter(([, e]) => !e.field && !e.auditOnly))("%s: a cleared or null number is never read as 0", (name, e) => {
    fc.assert(
      fc.property(e.valid, fc.nat(), fc.constantFrom<unknown>("", "  ", null, false, [], [[]]), (v, at, blank) => {
        const free = new Set(e.free ?? []);
        const where = positions(v).filter((p) => isNumeric(getAt(v, p)) && Number(getAt(v, p)) !== 0 && !free.has(p.join(".")));
        if (where.length === 0) return;
        const p = pick(where, at);
        const r = parse(e.schema, setAt(v, p, blank));
        if (r.success) expect(getAt(r.data, p), `${name}: ${show(blank)} at "${p.join(".")}" became 0`).not.toBe(0);
        else expectNamed(name, e, blank, r.error.issues, p);
      }),
      opts(60, `blank:${name}`),
    );
  });
});

// ─────────────────────────── (e) formulas in names ───────────────────────────

describe("(e) spreadsheet formulas in names: plain text, kept as typed, neutralised on export", () => {
  const withText = entries.filter(([, e]) => e.text?.length);

  it.each(withText)("%s", (name, e) => {
    fc.assert(
      fc.property(e.valid, fc.nat(), fc.constantFrom(...FORMULAS.filter((f) => f.trim() === f)), (v, at, formula) => {
        const where = e.text!.map(toPath).filter((p) => typeof getAt(v, p) === "string");
        if (where.length === 0) return;
        const p = pick(where, at);
        const r = parse(e.schema, setAt(v, p, formula));
        if (!r.success) return expectNamed(name, e, formula, r.error.issues, p);
        // accepted: stored exactly as typed (no silent change), and never a formula in a CSV cell
        expect(getAt(r.data, p)).toBe(formula);
        expect(csvCell(formula).replace(/^"/, "").startsWith("'")).toBe(true);
      }),
      opts(30, `e:${name}`),
    );
  });
});

// ─────────────────────────── CSV neutralisation ───────────────────────────

/** RFC 4180 reader for what csvRow writes (one row, CRLF-terminated). */
function readRow(line: string): string[] {
  expect(line.endsWith("\r\n")).toBe(true);
  const s = line.slice(0, -2);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = "";
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in ${JSON.stringify(line)}`);
        cell += s.slice(i, q);
        if (s[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const c = s.indexOf(",", i);
      cell = s.slice(i, c < 0 ? s.length : c);
      i = c < 0 ? s.length : c;
    }
    out.push(cell);
    if (i >= s.length) return out;
    expect(s[i]).toBe(",");
    i++;
  }
}
const DANGEROUS = ["=", "+", "-", "@", "\t", "\r"];
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...DANGEROUS, ",", '"', "\n", "\r", "'", " ", "王"),
    fc.string({ minLength: 1, maxLength: 1, unit: "grapheme" }),
  ),
  maxLength: 30,
});

describe("CSV export (lib/csv.ts): formula injection neutralised, everything else round-trips", () => {
  it("a text cell beginning with = + - @ TAB or CR reads back with a leading apostrophe, the rest intact", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DANGEROUS), anyText, (first, rest) => {
        const s = first + rest;
        expect(readRow(csvRow([s]))).toEqual([`'${s}`]);
      }),
      opts(300, "a text cell beginning with = + - @ TAB o"),
    );
  });

  it("any other text reads back exactly as it was", () => {
    fc.assert(
      fc.property(
        anyText.filter((s) => !DANGEROUS.includes(s[0] ?? "")),
        (s) => {
          expect(readRow(csvRow([s]))).toEqual([s]);
        },
      ),
      opts(300, "any other text reads back exactly as it "),
    );
  });

  it("a row of mixed values reads back cell by cell (numbers as numbers, text neutralised)", () => {
    const cell = fc.oneof(
      anyText,
      fc.constantFrom(...FORMULAS),
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (values: CsvValue[]) => {
        const expected = values.map((v) =>
          v === null || v === undefined
            ? ""
            : typeof v === "number"
              ? Number.isFinite(v)
                ? String(v)
                : ""
              : typeof v === "boolean"
                ? v
                  ? "是"
                  : "否"
                : DANGEROUS.includes(v[0] ?? "")
                  ? `'${v}`
                  : v,
        );
        expect(readRow(csvRow(values))).toEqual(expected);
      }),
      opts(300, "a row of mixed values reads back cell by"),
    );
  });

  it("the formulas of the issue, as names, never reach a spreadsheet as formulas", () => {
    for (const f of FORMULAS) expect(readRow(csvRow(["王大山", f]))[1]).toBe(`'${f}`);
    expect(csvCell(-1)).toBe("-1"); // a number is not text: no apostrophe
  });
});

// ─────────────────────────── the typing rules themselves (lib/validation/plain-text.ts) ───────────────────────────

describe("plain-text.ts: numbers as typed, and text the database cannot store", () => {
  const n = numberInput(numberType().min(-1e9).max(1e9));

  it("a number and its decimal text read the same; nothing else is a number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 99 }), (a, c) => {
        const x = Number(`${a}.${String(c).padStart(2, "0")}`);
        expect(n.parse(x)).toBe(x);
        expect(n.parse(` ${a}.${String(c).padStart(2, "0")} `)).toBe(x);
      }),
      opts(200, "numbers read the same"),
    );
    for (const bad of [
      "",
      "  ",
      null,
      true,
      false,
      [],
      [5],
      {},
      "0x10",
      "1e3",
      "Infinity",
      "NaN",
      "5 5",
      "５",
      "\uFEFF5",
      "5\u200B",
      "\u30005",
      10n,
    ]) {
      const r = n.safeParse(bad);
      expect(r.success, show(bad)).toBe(false);
    }
    expect(numberInput(numberType().nullable(), { blank: null }).parse("")).toBeNull();
  });

  it("finds every NUL and half surrogate pair, in values and keys, at its path; clean text has none", () => {
    const clean = fc.string({ unit: "grapheme", maxLength: 12 });
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        clean,
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom("a", "b", "名字"), tie("node"), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.nat(), fc.constantFrom("\u0000", "\uD800", "\uDFFF"), (v, at, bad) => {
        expect(unstorableText(v)).toEqual([]);
        const leaves = positions(v).filter((p) => typeof getAt(v, p) === "string");
        if (!leaves.length) return;
        const p = pick(leaves, at);
        const hurt = setAt(v, p, `${getAt(v, p) as string}${bad}`);
        expect(unstorableText(hurt)).toEqual([p.join(".")]);
      }),
      opts(200, "unstorable paths"),
    );
    expect(unstorableText({ ["a\u0000"]: 1 })).toEqual(["a\u0000"]);
    expect(unstorableText("\u0000")).toEqual(["_form"]);
    expect(unstorableText({ f: new File(["x"], "a\u0000.png") })).toEqual(["f"]);
    expect(unstorableText("😀👨‍👩‍👧")).toEqual([]);
  });
});
