// Messages are split by feature (messages/<locale>/<namespace>.json): one file per area, so
// features never edit the same file. Add a namespace here for both locales.
import zhCommon from "@/messages/zh-CN/common.json";
import enCommon from "@/messages/en/common.json";
import zhValidation from "@/messages/zh-CN/validation.json";
import enValidation from "@/messages/en/validation.json";
import zhHousehold from "@/messages/zh-CN/household.json";
import enHousehold from "@/messages/en/household.json";
import zhCounty from "@/messages/zh-CN/county.json";
import enCounty from "@/messages/en/county.json";
import zhRolesHome from "@/messages/zh-CN/roles-home.json";
import enRolesHome from "@/messages/en/roles-home.json";
import zhAdmin from "@/messages/zh-CN/admin.json";
import enAdmin from "@/messages/en/admin.json";
import zhPolicy from "@/messages/zh-CN/policy.json";
import enPolicy from "@/messages/en/policy.json";
import zhVisit from "@/messages/zh-CN/visit.json";
import enVisit from "@/messages/en/visit.json";
import zhProcedure from "@/messages/zh-CN/procedure.json";
import enProcedure from "@/messages/en/procedure.json";
import zhCard from "@/messages/zh-CN/card.json";
import enCard from "@/messages/en/card.json";
import zhHelp from "@/messages/zh-CN/help.json";
import enHelp from "@/messages/en/help.json";
import zhEvaluation from "@/messages/zh-CN/evaluation.json";
import enEvaluation from "@/messages/en/evaluation.json";
import zhOffline from "@/messages/zh-CN/offline.json";
import enOffline from "@/messages/en/offline.json";
import zhHouseholdEdit from "@/messages/zh-CN/household-edit.json";
import enHouseholdEdit from "@/messages/en/household-edit.json";
import zhBulkImport from "@/messages/zh-CN/bulk-import.json";
import enBulkImport from "@/messages/en/bulk-import.json";
import zhFeeds from "@/messages/zh-CN/feeds.json";
import enFeeds from "@/messages/en/feeds.json";
import zhAudit from "@/messages/zh-CN/audit.json";
import enAudit from "@/messages/en/audit.json";
import zhTitles from "@/messages/zh-CN/titles.json";
import enTitles from "@/messages/en/titles.json";
import zhTownship from "@/messages/zh-CN/township.json";
import enTownship from "@/messages/en/township.json";
import zhPlaces from "@/messages/zh-CN/places.json";
import enPlaces from "@/messages/en/places.json";
import zhCountyRecords from "@/messages/zh-CN/county-records.json";
import enCountyRecords from "@/messages/en/county-records.json";
import zhPlan from "@/messages/zh-CN/plan.json";
import enPlan from "@/messages/en/plan.json";
import zhVillageExit from "@/messages/zh-CN/village-exit.json";
import enVillageExit from "@/messages/en/village-exit.json";
import type { Locale } from "./config";

export const messages = {
  "zh-CN": {
    ...zhCommon,
    ...zhValidation,
    ...zhHousehold,
    ...zhCounty,
    ...zhRolesHome,
    ...zhAdmin,
    ...zhPolicy,
    ...zhVisit,
    ...zhProcedure,
    ...zhCard,
    ...zhHelp,
    ...zhEvaluation,
    ...zhOffline,
    ...zhHouseholdEdit,
    ...zhBulkImport,
    ...zhAudit,
    ...zhTitles,
    ...zhTownship,
    ...zhPlaces,
    ...zhCountyRecords,
    ...zhPlan,
    ...zhFeeds,
    ...zhVillageExit,
  },
  en: {
    ...enCommon,
    ...enValidation,
    ...enHousehold,
    ...enCounty,
    ...enRolesHome,
    ...enAdmin,
    ...enPolicy,
    ...enVisit,
    ...enProcedure,
    ...enCard,
    ...enHelp,
    ...enEvaluation,
    ...enOffline,
    ...enHouseholdEdit,
    ...enBulkImport,
    ...enAudit,
    ...enTitles,
    ...enTownship,
    ...enPlaces,
    ...enCountyRecords,
    ...enPlan,
    ...enFeeds,
    ...enVillageExit,
  },
} satisfies Record<Locale, Record<string, unknown>>;
