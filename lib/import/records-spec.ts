/**
 * The optional county-record files of docs/import-format.md (issue #18): household types,
 * annual income records, relocations, measures by type, household plans, and designated
 * villages' exit records (the facilities and the collective income figure; never the county's
 * judgment), and the resident postings (驻村工作队, 第一书记). Their names,
 * columns (English and Chinese) and the enumerations their cells may hold. Pure.
 *
 * They hook into the five files' pipeline (lib/import/spec.ts IMPORT_FILES and COLUMNS,
 * lib/import/rows.ts, lib/import/stage.ts, lib/import/run.ts): read, staged and checked the same
 * way, written in the same transaction.
 */
import { LOAN_STATUSES, MEASURE_KINDS, MEASURE_RISKS, POVERTY_CAUSES, type MeasureKind } from "@/lib/domain/measures";
import { RESIDENT_ROLES } from "@/lib/validation/resident";
import type { ColumnSpec } from "./spec";

export const RECORD_FILES = [
  "household_types.csv",
  "income_records.csv",
  "relocation.csv",
  "measures.csv",
  "plans.csv",
  "village_exits.csv",
  "postings.csv",
] as const;
export type RecordFileName = (typeof RECORD_FILES)[number];
/** The files keyed by a village, not a household: village_exits.csv (village and year), postings.csv (village, person, role, from). */
export const VILLAGE_RECORD_FILES = ["village_exits.csv", "postings.csv"] as const;
type VillageRecordFile = (typeof VILLAGE_RECORD_FILES)[number];
/** The record files keyed by a household (village_code + household_number). */
export const HOUSEHOLD_RECORD_FILES = RECORD_FILES.filter((f) => !(VILLAGE_RECORD_FILES as readonly string[]).includes(f)) as Exclude<
  RecordFileName,
  VillageRecordFile
>[];

/** One-letter staging-table prefixes (lib/import/stage.ts reads the time after "x_"). */
export const RECORD_PREFIX: Record<RecordFileName, string> = {
  "household_types.csv": "t",
  "income_records.csv": "n",
  "relocation.csv": "l",
  "measures.csv": "s",
  "plans.csv": "p",
  "village_exits.csv": "v",
  "postings.csv": "w",
};

const key: ColumnSpec[] = [
  { key: "village_code", zh: "村代码", required: true },
  { key: "household_number", zh: "户编号", required: true },
];

/** A designated village's exit facilities (贫困村退出, decision 0051): file column, Chinese name, village_exit column prefix. */
export const VILLAGE_EXIT_FACILITY_COLUMNS = [
  ["road", "通硬化路", "road"],
  ["water", "通安全饮水", "water"],
  ["power", "通动力电", "power"],
  ["clinic", "有标准化卫生室", "clinic"],
  ["school", "义务教育就学有保障", "school"],
] as const;

/** The income record's item columns: file column, Chinese name, income_record column. */
export const INCOME_RECORD_ITEMS = [
  ["wages", "工资性收入", "incomeWages"],
  ["business", "生产经营性收入", "incomeBusiness"],
  ["business_costs", "生产经营支出", "incomeBusinessCosts"],
  ["property", "财产性收入", "incomeProperty"],
  ["transfer_subsistence", "低保金", "transferSubsistence"],
  ["transfer_extreme_hardship", "特困供养金", "transferExtremeHardship"],
  ["transfer_pension", "养老金", "transferPension"],
  ["transfer_ecological", "生态补偿", "transferEcological"],
  ["transfer_family_planning", "计划生育奖扶", "transferFamilyPlanning"],
  ["transfer_support", "赡养费", "transferSupport"],
  ["transfers_other", "其他稳定转移性收入", "incomeTransfers"],
  ["excluded_medical", "医疗报销及医疗救助", "excludedMedical"],
  ["excluded_temporary_relief", "临时救助", "excludedTemporaryRelief"],
  ["excluded_housing_subsidy", "危房改造补助", "excludedHousingSubsidy"],
  ["excluded_relocation_subsidy", "搬迁补助", "excludedRelocationSubsidy"],
  ["excluded_gifts", "一次性馈赠", "excludedGifts"],
] as const;

export const RECORD_COLUMNS: Record<RecordFileName, ColumnSpec[]> = {
  "household_types.csv": [
    ...key,
    { key: "type", zh: "户属性", required: true },
    { key: "since", zh: "认定日期", required: true },
    { key: "basis", zh: "认定依据" },
  ],
  "income_records.csv": [
    ...key,
    { key: "year", zh: "年度", required: true },
    ...INCOME_RECORD_ITEMS.map(([k, zh]) => ({ key: k, zh })),
    { key: "signed_on", zh: "签字日期" },
    { key: "sign_method", zh: "签字方式" },
  ],
  "relocation.csv": [
    ...key,
    { key: "origin_name", zh: "迁出地", required: true },
    { key: "origin_code", zh: "迁出地代码" },
    { key: "settlement_code", zh: "安置地代码", required: true },
    { key: "site_name", zh: "安置点名称" },
    { key: "mode", zh: "安置方式", required: true },
    { key: "floor_area", zh: "住房面积", required: true },
    { key: "contribution", zh: "自筹资金" },
    { key: "moved_on", zh: "搬迁日期", required: true },
    { key: "demolished_on", zh: "拆旧日期" },
    { key: "reclaimed_on", zh: "复垦日期" },
    { key: "support_job", zh: "后续扶持就业" },
    { key: "support_school", zh: "后续扶持就学" },
    { key: "support_community", zh: "后续扶持社区服务" },
  ],
  "measures.csv": [
    ...key,
    { key: "kind", zh: "措施类型", required: true },
    { key: "answers", zh: "针对原因", required: true },
    { key: "description", zh: "措施内容", required: true },
    { key: "amount", zh: "金额" },
    { key: "start_date", zh: "开始日期", required: true },
    { key: "end_date", zh: "结束日期" },
    { key: "bank", zh: "贷款银行" },
    { key: "term_months", zh: "贷款期限月" },
    { key: "interest_subsidy", zh: "贴息金额" },
    { key: "loan_status", zh: "还款状态" },
    { key: "repaid_on", zh: "还清日期" },
    { key: "overdue_since", zh: "逾期日期" },
    { key: "post", zh: "岗位" },
    { key: "monthly_pay", zh: "月工资" },
    { key: "plan_year", zh: "计划年度" },
  ],
  "plans.csv": [
    ...key,
    { key: "year", zh: "年度", required: true },
    { key: "main_cause", zh: "主要致贫原因" },
    { key: "secondary_causes", zh: "次要致贫原因" },
    { key: "expected_income", zh: "预期人均纯收入", required: true },
    { key: "steps", zh: "帮扶步骤" },
    { key: "note", zh: "备注" },
  ],
  "village_exits.csv": [
    { key: "village_code", zh: "村代码", required: true },
    { key: "year", zh: "年度", required: true },
    ...VILLAGE_EXIT_FACILITY_COLUMNS.flatMap(([k, zh]) => [
      { key: k, zh },
      { key: `${k}_on`, zh: `${zh}日期` },
      { key: `${k}_note`, zh: `${zh}说明` },
    ]),
    { key: "collective_income", zh: "村集体经济收入" },
  ],
  "postings.csv": [
    { key: "village_code", zh: "村代码", required: true },
    { key: "name", zh: "姓名", required: true },
    { key: "role", zh: "职务", required: true },
    { key: "unit", zh: "派出单位", required: true },
    { key: "valid_from", zh: "驻村起始日期", required: true },
    { key: "valid_to", zh: "驻村结束日期" },
  ],
};

// ── enumerations (the Prisma enums; tests/unit/import-records.test.ts checks they agree) ──

export const HOUSEHOLD_TYPES = ["ordinary", "subsistence", "extreme_hardship"] as const;
export const HOUSEHOLD_TYPE_LABELS: Record<string, (typeof HOUSEHOLD_TYPES)[number]> = {
  一般户: "ordinary",
  低保户: "subsistence",
  特困供养户: "extreme_hardship",
};
export const SIGN_METHODS = ["signature", "thumbprint_form"] as const;
export const SIGN_METHOD_LABELS: Record<string, (typeof SIGN_METHODS)[number]> = { 签名: "signature", 按手印: "thumbprint_form" };
export const RELOCATION_MODES = ["centralised", "scattered"] as const;
export const RELOCATION_MODE_LABELS: Record<string, (typeof RELOCATION_MODES)[number]> = { 集中安置: "centralised", 分散安置: "scattered" };
export { LOAN_STATUSES, MEASURE_KINDS, MEASURE_RISKS, POVERTY_CAUSES };
export const LOAN_STATUS_LABELS: Record<string, (typeof LOAN_STATUSES)[number]> = { 正常: "current", 已还清: "repaid", 逾期: "overdue" };
/** The kinds by their Chinese names (as the plan pages show them). */
export const MEASURE_KIND_LABELS: Record<string, MeasureKind> = {
  产业帮扶: "industry",
  扶贫小额信贷: "microcredit",
  就业帮扶: "employment",
  公益性岗位: "public_welfare_job",
  易地扶贫搬迁: "relocation",
  生态帮扶: "ecological",
  生态护林员: "ecological_job",
  生态补偿: "ecological_compensation",
  教育帮扶: "education",
  雨露计划: "yulu_plan",
  两免一补: "two_exemptions",
  健康帮扶: "health",
  家庭医生签约: "family_doctor",
  大病救治: "serious_illness",
  医疗救助: "medical_assistance",
  危房改造: "housing_renovation",
  社会保障: "social_assistance",
  低保: "dibao",
  特困供养: "tekun",
  临时救助: "temporary_relief",
};
export { RESIDENT_ROLES };
/** The roles by their Chinese names (the team page's). */
export const RESIDENT_ROLE_LABELS: Record<string, (typeof RESIDENT_ROLES)[number]> = {
  第一书记: "first_secretary",
  驻村工作队队长: "team_leader",
  工作队队长: "team_leader",
  驻村工作队员: "team_member",
  工作队员: "team_member",
};
/** What a measure answers: a poverty cause or a risk, one value. */
export const MEASURE_ANSWERS = [...POVERTY_CAUSES, ...MEASURE_RISKS] as const;
