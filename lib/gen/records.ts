/**
 * The optional county-record files (docs/import-format.md "The county's records") for a generated
 * household: its type, last year's income record (most signed), a plan for the year, one measure
 * joined to it, and for about one in twenty a relocation. Only registered (poor or lifted)
 * households get records; about one village in four an exit record; every village a resident team
 * with a first secretary. Drawn from the village's own
 * stream, so the five files stay byte-identical with or without them. Pure.
 */
import type { GenHousehold } from "./household";
import type { Prng } from "./prng";
import { line } from "./csv";
import { givenName, surname } from "./names";
import { RECORD_FILES, type RecordFileName as RecordFile } from "@/lib/import/records-spec";

// the optional record files, as the importer names them (one list: lib/import/records-spec.ts)
export { RECORD_FILES, type RecordFile };

export const RECORD_COLUMNS: Record<RecordFile, readonly string[]> = {
  "household_types.csv": ["village_code", "household_number", "type", "since", "basis"],
  "income_records.csv": [
    "village_code",
    "household_number",
    "year",
    "wages",
    "business",
    "business_costs",
    "property",
    "transfers_other",
    "signed_on",
    "sign_method",
  ],
  "relocation.csv": [
    "village_code",
    "household_number",
    "origin_name",
    "settlement_code",
    "site_name",
    "mode",
    "floor_area",
    "contribution",
    "moved_on",
    "demolished_on",
    "reclaimed_on",
    "support_job",
    "support_school",
    "support_community",
  ],
  "measures.csv": [
    "village_code",
    "household_number",
    "kind",
    "answers",
    "description",
    "amount",
    "start_date",
    "bank",
    "term_months",
    "interest_subsidy",
    "loan_status",
    "repaid_on",
    "overdue_since",
    "post",
    "monthly_pay",
    "plan_year",
  ],
  "plans.csv": ["village_code", "household_number", "year", "main_cause", "expected_income", "steps"],
  "village_exits.csv": [
    "village_code",
    "year",
    "road",
    "road_on",
    "water",
    "water_on",
    "power",
    "power_on",
    "clinic",
    "clinic_on",
    "school",
    "school_on",
    "collective_income",
  ],
  "postings.csv": ["village_code", "name", "role", "unit", "valid_from", "valid_to"],
};

const UNITS = ["县农业农村局", "县交通运输局", "县人民医院", "县第一中学", "县供电局", "县林业局", "县财政局"] as const;

/**
 * A village's resident team (postings.csv): a first secretary and a
 * team leader serving since March of last year, and a member whose posting ended last December —
 * one first secretary at a time. Drawn after the village's exit record, so the other lines stay as
 * they are.
 */
export function postingLines(village: string, rng: Prng, asOf: string): string {
  const year = Number(asOf.slice(0, 4)) - 1;
  const person = () => {
    const sex = rng.chance(0.7) ? "male" : "female";
    return surname(rng) + givenName(rng, sex, rng.int(1970, 1995));
  };
  const from = `${year}-03-01`;
  return (
    line([village, person(), "first_secretary", rng.pick(UNITS), from, ""]) +
    line([village, person(), "team_leader", rng.pick(UNITS), from, ""]) +
    line([village, person(), "team_member", rng.pick(UNITS), `${year - 1}-03-01`, `${year - 1}-12-31`])
  );
}

/**
 * A village's exit record (village_exits.csv) for about one village in four: last year's, each
 * facility in place (a few not yet), and a collective income figure (the county judges it in the
 * app). The import makes such a village, new in regions.csv, a designated poor village. Drawn
 * after the village's households, so their record lines stay as they are.
 */
export function villageExitLine(village: string, rng: Prng, asOf: string): string {
  if (!rng.chance(0.25)) return "";
  const year = Number(asOf.slice(0, 4)) - 1;
  const cells: string[] = [village, String(year)];
  for (const on of ["2017-10-20", "2017-06-30", "2016-09-15", "2017-03-01", "2016-09-01"]) {
    const ok = rng.chance(0.9);
    cells.push(ok ? "1" : "0", ok ? on : "");
  }
  cells.push(String(rng.int(20, 120) * 1000));
  return line(cells);
}

const min = (a: string, b: string) => (a < b ? a : b);

/** The record lines of one household ("" for a file it has no row in). */
export function recordLines(village: string, villageName: string, h: GenHousehold, rng: Prng, asOf: string): Record<RecordFile, string> {
  const out: Record<RecordFile, string> = {
    "household_types.csv": "",
    "income_records.csv": "",
    "relocation.csv": "",
    "measures.csv": "",
    "plans.csv": "",
    "village_exits.csv": "",
    "postings.csv": "",
  };
  if (h.registeredStatus === "not_registered" || !h.members.some((m) => m.counted)) return out;
  const year = Number(asOf.slice(0, 4));
  const k = [village, h.number];
  const dibao = h.members.some((m) => m.subsistenceAllowance);
  out["household_types.csv"] = line([...k, dibao ? "subsistence" : "ordinary", h.registeredAt, dibao ? "民政局批复" : ""]);
  const signed = rng.chance(0.8);
  const i = h.income;
  out["income_records.csv"] = line([
    ...k,
    String(year - 1),
    i.wages,
    i.business,
    i.businessCosts,
    i.property,
    i.transfers,
    signed ? min(`${year}-01-15`, asOf) : "",
    signed ? "signature" : "",
  ]);
  out["plans.csv"] = line([...k, String(year), h.mainCause, String(4000 + rng.int(0, 40) * 100), "发展产业；稳定就业；落实两不愁三保障"]);
  const answers = h.mainCause || "low_income";
  const r = rng.float();
  if (r < 0.2) {
    const status = rng.chance(0.1) ? "overdue" : rng.chance(0.3) ? "repaid" : "current";
    out["measures.csv"] = line([
      ...k,
      "microcredit",
      answers,
      "扶贫小额信贷",
      "50000",
      "2020-03-01",
      "农村信用社",
      "36",
      "2250",
      status,
      status === "repaid" ? "2023-02-20" : "",
      status === "overdue" ? "2023-03-01" : "",
      "",
      "",
      String(year),
    ]);
  } else if (r < 0.5) {
    out["measures.csv"] = line([
      ...k,
      "public_welfare_job",
      answers,
      "公益性岗位",
      "0",
      "2021-01-01",
      "",
      "",
      "",
      "",
      "",
      "",
      "保洁员",
      "600",
      String(year),
    ]);
  } else {
    out["measures.csv"] = line([
      ...k,
      "industry",
      answers,
      "产业扶持",
      String(rng.int(10, 50) * 100),
      "2019-04-01",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      String(year),
    ]);
  }
  if (rng.chance(0.05)) {
    out["relocation.csv"] = line([
      ...k,
      `${villageName}老寨`,
      village,
      "安置点",
      "centralised",
      String(20 * h.members.length),
      "2000",
      "2018-06-01",
      "2019-03-01",
      "2019-09-01",
      "1",
      rng.chance(0.5) ? "1" : "0",
      "1",
    ]);
  }
  return out;
}
