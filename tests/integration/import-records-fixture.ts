// The optional county-record files (docs/import-format.md) for the sample folder of
// import-fixture.ts: household types, income records, a relocation, measures and plans for its
// households H001, H002 (new village) and X100 (Danyang), and for "001", a household already
// registered in Danyang. Each file can be overridden to plant a mistake.
import { NEW_VILLAGE, OLD_VILLAGE, type Rows } from "./import-fixture";

export function recordFiles(): Record<string, Rows> {
  return {
    "household_types.csv": [
      { village_code: NEW_VILLAGE, household_number: "H001", type: "subsistence", since: "2020-03-01", basis: "万民发〔2020〕12号" },
      { village_code: NEW_VILLAGE, household_number: "H002", type: "特困供养户", since: "2019-01-15", basis: "" },
      { village_code: OLD_VILLAGE, household_number: "001", type: "ordinary", since: "2018-01-01", basis: "" },
    ],
    "income_records.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        year: "2023",
        wages: "3000",
        business: "1200.5",
        business_costs: "200",
        transfer_subsistence: "2400",
        excluded_medical: "5000",
        signed_on: "2024-01-10",
        sign_method: "thumbprint_form",
      },
      { village_code: NEW_VILLAGE, household_number: "H002", year: "2023", wages: "52000", signed_on: "", sign_method: "" },
      {
        village_code: OLD_VILLAGE,
        household_number: "001",
        year: "2023",
        wages: "30000",
        transfers_other: "600",
        signed_on: "2024-02-01",
        sign_method: "signature",
      },
    ],
    "relocation.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        origin_name: "思南县某村",
        origin_code: "520624",
        settlement_code: OLD_VILLAGE,
        site_name: "丹阳安置点",
        mode: "集中安置",
        floor_area: "60",
        contribution: "3000",
        moved_on: "2018-06-01",
        demolished_on: "2019-03-01",
        reclaimed_on: "2019-09-01",
        support_job: "1",
        support_school: "0",
        support_community: "是",
      },
    ],
    "measures.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        kind: "microcredit",
        answers: "lack_of_capital",
        description: "扶贫小额信贷 5 万元养牛",
        amount: "50000",
        start_date: "2022-03-01",
        bank: "农村信用社",
        term_months: "36",
        interest_subsidy: "2100",
        loan_status: "overdue",
        overdue_since: "2024-03-01",
        plan_year: "2024",
      },
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        kind: "公益性岗位",
        answers: "low_income",
        description: "村保洁员",
        start_date: "2023-01-01",
        post: "保洁员",
        monthly_pay: "800",
      },
      {
        village_code: OLD_VILLAGE,
        household_number: "001",
        kind: "family_doctor",
        answers: "illness",
        description: "家庭医生签约",
        start_date: "2021-05-01",
      },
    ],
    "plans.csv": [
      {
        village_code: NEW_VILLAGE,
        household_number: "H001",
        year: "2024",
        main_cause: "illness",
        secondary_causes: "lack_of_capital；lack_of_skills",
        expected_income: "6500",
        steps: "申请小额信贷养牛；安排公益性岗位；参加技能培训",
        note: "",
      },
    ],
  };
}
