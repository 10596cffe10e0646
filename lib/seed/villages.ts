/**
 * Which villages get households, how many, and the mix of situations in each. Counts are
 * exact; everything not listed under `scenarios` is an ordinary secure household.
 */
import type { MonitoringCategory, PovertyCause, RegisteredStatus } from "@/lib/generated/prisma/client";
import { BIJIANG_ID, DANYANG_ID, WANGJIA_ID, WANSHAN_ID } from "./constants";

/**
 * The household's situation in 2026, chosen so that every case the status rules distinguish
 * occurs. "ok" variants sit exactly on a limit that still passes.
 */
export const SCENARIOS = [
  "secure",
  "secure_on_threshold", // per-capita exactly 6,300: not below the monitoring threshold
  "at_risk_income", // between the 4,000 line and the 6,300 threshold
  "income_below", // below the 4,000 line
  "income_on_line", // exactly 4,000: not above the line
  "housing_c",
  "housing_d",
  "no_electricity",
  "water_quantity",
  "water_scarce_quantity", // water-scarce area, under 20 litres
  "water_scarce_ok", // water-scarce area, 20-34 litres: met
  "water_quality",
  "water_convenience", // not piped, too far by every measure
  "water_distance_ok", // not piped, 30 minutes but 650 m: met
  "water_supply", // more than 36 days without water
  "water_supply_edge", // exactly 36 days: met
  "medical", // a counted member without basic medical insurance
  "medical_not_counted_ok", // only a not-counted (imprisoned) member uninsured: met
  "education_dropout",
  "education_exempt", // dropped out, medically unable to study: met
  "education_home_taught", // taught at home (送教上门): met
  "food",
  "clothing",
  "sudden_hardship", // rigid expenditure > previous year's income, income fine: at_risk
  "sudden_below", // the same, and income below the line: below_standard
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface MonitoringPlan {
  category: MonitoringCategory;
  /** taken from households of this scenario in the group */
  from: Scenario;
  count: number;
  /** monitoringSince is drawn between these dates */
  since: readonly [string, string];
}

export interface GroupPlan {
  registered: RegisteredStatus;
  count: number;
  /** exact number of active members over the group; otherwise drawn (about 3.5 each) */
  members?: number;
  /** lifted households per exit year: exact counts summing to `count` */
  liftedYears?: Readonly<Record<number, number>>;
  /** or: exit years drawn by weight */
  liftedYearWeights?: Readonly<Record<number, number>>;
  /** identification year weights (default 2014 mostly) */
  registeredYears?: Readonly<Record<number, number>>;
  scenarios: Partial<Record<Scenario, number>>;
  monitoring?: readonly MonitoringPlan[];
  /** force the main cause for the whole group (e.g. the last five of Danyang) */
  causes?: readonly PovertyCause[];
}

export interface VillagePlan {
  id: string;
  countyId: string;
  /** 村民组 (hamlets), for addresses */
  hamlets: number;
  ethnicity: readonly (readonly [string, number])[];
  /** designated water-scarce area */
  waterScarce?: boolean;
  /** a designated poor village (贫困村): the evaluation draws from these and the others */
  designatedPoor?: boolean;
  /** approximate centre, for visit locations */
  lat: number;
  lon: number;
  /** households of interest per cadre (other villages) */
  householdsPerCadre: number;
  causes: readonly (readonly [PovertyCause, number])[];
  groups: readonly GroupPlan[];
  /** relocation (易地扶贫搬迁): how many households moved, from where (code, name, weight), when */
  relocation?: {
    count: number;
    origins: readonly (readonly [string, string, number])[];
    years: Readonly<Record<number, number>>;
    /** the old house stays on record (appraised as it was) and the family lives in a resettlement flat */
    keepsOldHouse: boolean;
  };
}

const DONG: VillagePlan["ethnicity"] = [
  ["侗族", 70],
  ["汉族", 18],
  ["苗族", 7],
  ["土家族", 5],
];

const DANYANG_CAUSES: VillagePlan["causes"] = [
  ["illness", 30],
  ["disability", 15],
  ["lack_of_skills", 20],
  ["lack_of_labour", 15],
  ["schooling", 10],
  ["poor_transport", 10],
];
const COMMON_CAUSES: VillagePlan["causes"] = [
  ["illness", 26],
  ["disability", 12],
  ["lack_of_skills", 16],
  ["lack_of_labour", 12],
  ["schooling", 8],
  ["poor_transport", 6],
  ["lack_of_capital", 10],
  ["lack_of_land", 3],
  ["disaster", 3],
  ["lack_of_drive", 2],
  ["other", 2],
];

const OTHER_LIFTED_YEARS = { 2015: 2, 2016: 3, 2017: 3, 2018: 3, 2019: 2 };

/** Danyang village: 825 households, 2,850 people; 137 poor households (442 people) lifted 2014-2019. */
const DANYANG: VillagePlan = {
  id: DANYANG_ID,
  countyId: WANSHAN_ID,
  // Danyang was one of Wanshan's designated poor villages (137 poor households of 825)
  designatedPoor: true,
  hamlets: 12,
  ethnicity: DONG,
  lat: 27.566,
  lon: 109.118,
  householdsPerCadre: 4,
  causes: DANYANG_CAUSES,
  // 86 Danyang households were relocated (易地扶贫搬迁) from the remote hamlets to a resettlement site;
  // their old houses stay on record, and they live in the resettlement flats
  relocation: {
    count: 86,
    origins: [[DANYANG_ID, "丹阳村（偏远村民组）", 1]],
    years: { 2016: 30, 2017: 40, 2018: 16 },
    keepsOldHouse: true,
  },
  groups: [
    {
      registered: "lifted",
      count: 132,
      members: 431,
      liftedYears: { 2014: 8, 2015: 22, 2016: 34, 2017: 38, 2018: 30 },
      registeredYears: { 2014: 110, 2015: 14, 2016: 8 },
      scenarios: {
        income_below: 1,
        housing_c: 1,
        medical: 1,
        education_dropout: 1,
        water_convenience: 1,
        sudden_below: 1,
        at_risk_income: 11,
        sudden_hardship: 1,
        education_home_taught: 1,
        education_exempt: 1,
      },
      monitoring: [
        { category: "unstable_lifted", from: "at_risk_income", count: 6, since: ["2021-06-01", "2024-10-31"] },
        { category: "unstable_lifted", from: "income_below", count: 1, since: ["2025-03-01", "2025-09-30"] },
        { category: "sudden_hardship", from: "sudden_below", count: 1, since: ["2026-03-01", "2026-05-31"] },
        { category: "unstable_lifted", from: "secure", count: 2, since: ["2022-04-01", "2022-11-30"] },
      ],
    },
    {
      registered: "lifted",
      count: 5,
      members: 11,
      liftedYears: { 2019: 5 },
      registeredYears: { 2014: 5 },
      scenarios: { at_risk_income: 2 },
      causes: ["illness", "disability", "lack_of_labour", "lack_of_labour", "illness"],
      monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 1, since: ["2023-05-01", "2023-08-31"] }],
    },
    {
      registered: "not_registered",
      count: 688,
      members: 2408,
      scenarios: {
        income_below: 2,
        income_on_line: 1,
        housing_d: 1,
        no_electricity: 1,
        water_quantity: 1,
        water_quality: 1,
        water_supply: 1,
        water_supply_edge: 1,
        water_distance_ok: 1,
        food: 1,
        clothing: 1,
        medical: 1,
        medical_not_counted_ok: 1,
        education_dropout: 1,
        secure_on_threshold: 1,
        at_risk_income: 22,
        sudden_hardship: 3,
      },
      monitoring: [
        { category: "marginal", from: "at_risk_income", count: 4, since: ["2021-08-01", "2025-06-30"] },
        { category: "marginal", from: "income_below", count: 1, since: ["2025-10-01", "2026-02-28"] },
        { category: "sudden_hardship", from: "sudden_hardship", count: 2, since: ["2025-11-01", "2026-04-30"] },
      ],
    },
  ],
};

function village(
  id: string,
  o: Omit<VillagePlan, "id" | "countyId" | "householdsPerCadre" | "causes"> & Partial<Pick<VillagePlan, "householdsPerCadre" | "causes">>,
): VillagePlan {
  return { id, countyId: id.slice(0, 6), householdsPerCadre: 5, causes: COMMON_CAUSES, ...o };
}

export const VILLAGE_PLANS: readonly VillagePlan[] = [
  DANYANG,
  // Wanshan district: six more villages
  village("520603201201", {
    // 黄溪村, Huangdao Dong township
    hamlets: 7,
    ethnicity: DONG,
    lat: 27.58,
    lon: 109.101,
    groups: [
      {
        registered: "lifted",
        count: 34,
        liftedYearWeights: OTHER_LIFTED_YEARS,
        scenarios: { at_risk_income: 3, water_convenience: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 1, since: ["2022-03-01", "2023-12-31"] }],
      },
      {
        registered: "not_registered",
        count: 206,
        scenarios: { at_risk_income: 6, water_convenience: 1, water_distance_ok: 1, income_below: 1, sudden_hardship: 1 },
        monitoring: [{ category: "marginal", from: "at_risk_income", count: 1, since: ["2023-04-01", "2024-06-30"] }],
      },
    ],
  }),
  village("520603200200", {
    // 高楼坪村, Gaolouping Dong township: its last three poor households were lifted in 2020
    // (all 832 poor counties exited by the end of 2020: no household is registered poor after it)
    designatedPoor: true,
    hamlets: 6,
    ethnicity: DONG,
    lat: 27.492,
    lon: 109.118,
    groups: [
      {
        registered: "lifted",
        count: 3,
        registeredYears: { 2016: 3 },
        liftedYearWeights: { 2020: 1 },
        scenarios: { secure: 1, at_risk_income: 1, income_below: 1 },
      },
      {
        registered: "lifted",
        count: 24,
        liftedYearWeights: OTHER_LIFTED_YEARS,
        scenarios: { at_risk_income: 2, housing_d: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 1, since: ["2021-09-01", "2022-06-30"] }],
      },
      { registered: "not_registered", count: 153, scenarios: { at_risk_income: 4, food: 1, income_below: 1 } },
    ],
  }),
  village("520603204200", {
    // 鱼塘村, Yutang Dong and Miao township
    hamlets: 8,
    ethnicity: [
      ["侗族", 45],
      ["苗族", 35],
      ["汉族", 15],
      ["土家族", 5],
    ],
    lat: 27.418,
    lon: 109.198,
    groups: [
      { registered: "lifted", count: 30, liftedYearWeights: OTHER_LIFTED_YEARS, scenarios: { at_risk_income: 3, medical: 1 } },
      {
        registered: "not_registered",
        count: 190,
        scenarios: { at_risk_income: 5, clothing: 1, water_quality: 1, sudden_hardship: 1 },
        monitoring: [
          { category: "sudden_hardship", from: "sudden_hardship", count: 1, since: ["2026-01-10", "2026-04-30"] },
          { category: "marginal", from: "at_risk_income", count: 1, since: ["2022-05-01", "2023-05-31"] },
        ],
      },
    ],
  }),
  village("520603205200", {
    // 大坪村, Daping township: a designated water-scarce area
    designatedPoor: true,
    hamlets: 9,
    ethnicity: [
      ["侗族", 35],
      ["土家族", 30],
      ["苗族", 20],
      ["汉族", 15],
    ],
    waterScarce: true,
    lat: 27.438,
    lon: 109.301,
    groups: [
      {
        registered: "lifted",
        count: 42,
        liftedYearWeights: OTHER_LIFTED_YEARS,
        scenarios: { at_risk_income: 4, water_scarce_quantity: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 2, since: ["2021-07-01", "2024-12-31"] }],
      },
      {
        registered: "not_registered",
        count: 238,
        scenarios: { at_risk_income: 7, water_scarce_quantity: 1, water_scarce_ok: 2, income_below: 1, housing_c: 1 },
        monitoring: [{ category: "marginal", from: "at_risk_income", count: 1, since: ["2024-02-01", "2024-09-30"] }],
      },
    ],
    causes: [...COMMON_CAUSES, ["lack_of_water", 12]],
  }),
  village("520603002200", {
    // 茶店村, Chadian subdistrict
    hamlets: 5,
    ethnicity: [
      ["汉族", 55],
      ["侗族", 30],
      ["苗族", 10],
      ["土家族", 5],
    ],
    lat: 27.553,
    lon: 109.178,
    groups: [
      { registered: "lifted", count: 15, liftedYearWeights: OTHER_LIFTED_YEARS, scenarios: { at_risk_income: 1 } },
      {
        registered: "not_registered",
        count: 135,
        scenarios: { at_risk_income: 3, water_supply: 1, housing_c: 1 },
        monitoring: [{ category: "marginal", from: "at_risk_income", count: 1, since: ["2023-03-01", "2023-10-31"] }],
      },
    ],
  }),
  village("520603203200", {
    // 兴隆村, Xiaxi Dong township
    hamlets: 5,
    ethnicity: [
      ["侗族", 65],
      ["汉族", 20],
      ["苗族", 10],
      ["土家族", 5],
    ],
    lat: 27.458,
    lon: 109.052,
    groups: [
      { registered: "lifted", count: 20, liftedYearWeights: OTHER_LIFTED_YEARS, scenarios: { at_risk_income: 2, sudden_below: 1 } },
      {
        registered: "not_registered",
        count: 110,
        scenarios: { at_risk_income: 3, sudden_hardship: 2 },
        monitoring: [{ category: "sudden_hardship", from: "sudden_hardship", count: 1, since: ["2025-08-01", "2025-12-31"] }],
      },
    ],
  }),
  // Bijiang district: three villages for comparison
  village("520602201207", {
    // 滑石村, Huashi township
    hamlets: 6,
    ethnicity: [
      ["侗族", 35],
      ["苗族", 25],
      ["土家族", 20],
      ["汉族", 20],
    ],
    lat: 27.665,
    lon: 109.264,
    groups: [
      {
        registered: "lifted",
        count: 25,
        liftedYearWeights: OTHER_LIFTED_YEARS,
        scenarios: { at_risk_income: 2, income_below: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 1, since: ["2022-08-01", "2023-08-31"] }],
      },
      { registered: "not_registered", count: 155, scenarios: { at_risk_income: 5, water_quality: 1 } },
    ],
  }),
  village("520602204202", {
    // 六龙山村, Liulongshan township
    hamlets: 5,
    ethnicity: [
      ["侗族", 40],
      ["土家族", 35],
      ["汉族", 20],
      ["苗族", 5],
    ],
    lat: 27.812,
    lon: 109.143,
    groups: [
      {
        registered: "lifted",
        count: 28,
        liftedYearWeights: OTHER_LIFTED_YEARS,
        scenarios: { at_risk_income: 3, housing_c: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 1, since: ["2021-10-01", "2022-12-31"] }],
      },
      {
        registered: "not_registered",
        count: 112,
        scenarios: { at_risk_income: 4, water_convenience: 1, medical: 1 },
        monitoring: [{ category: "marginal", from: "at_risk_income", count: 1, since: ["2024-04-01", "2025-03-31"] }],
      },
    ],
  }),
  village("520602200203", {
    // 桐木坪村, Tongmuping Dong township
    hamlets: 4,
    ethnicity: [
      ["侗族", 60],
      ["汉族", 30],
      ["苗族", 5],
      ["土家族", 5],
    ],
    lat: 27.752,
    lon: 109.318,
    groups: [
      { registered: "lifted", count: 14, liftedYearWeights: OTHER_LIFTED_YEARS, scenarios: { at_risk_income: 1 } },
      {
        registered: "not_registered",
        count: 96,
        scenarios: { at_risk_income: 3, income_below: 1 },
        monitoring: [{ category: "marginal", from: "at_risk_income", count: 1, since: ["2023-06-01", "2024-05-31"] }],
      },
    ],
  }),
  // 旺家社区, Dandu subdistrict: a centralised resettlement community (易地扶贫搬迁安置点). In reality
  // 4,322 relocated households (18,379 people) from Sinan, Shiqian and Yinjiang; the demo holds 300,
  // each with its origin county and the year it moved.
  village(WANGJIA_ID, {
    hamlets: 12,
    ethnicity: [
      ["土家族", 45],
      ["汉族", 30],
      ["苗族", 20],
      ["侗族", 5],
    ],
    lat: 27.523,
    lon: 109.205,
    householdsPerCadre: 8,
    groups: [
      {
        registered: "lifted",
        count: 255,
        registeredYears: { 2014: 70, 2015: 20, 2016: 10 },
        liftedYearWeights: { 2017: 2, 2018: 3, 2019: 2 },
        scenarios: { at_risk_income: 9, income_below: 1 },
        monitoring: [{ category: "unstable_lifted", from: "at_risk_income", count: 3, since: ["2021-05-01", "2024-06-30"] }],
      },
      { registered: "not_registered", count: 45, scenarios: { at_risk_income: 2 } },
    ],
    relocation: {
      count: 300,
      origins: [
        ["520624", "思南县", 40],
        ["520623", "石阡县", 30],
        ["520626", "印江土家族苗族自治县", 30],
      ],
      years: { 2016: 25, 2017: 45, 2018: 30 },
      keepsOldHouse: false,
    },
  }),
];

export const SEEDED_COUNTIES = [WANSHAN_ID, BIJIANG_ID] as const;
