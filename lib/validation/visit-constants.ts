// The visit form's fixed lists and limits, without zod: the form imports these on the phone's first
// load, and loads the schema itself (lib/validation/visit.ts, zod) only when it is needed — after
// the page is usable, before the first check (issue #20: cadre pages ≤ 150 KB of JavaScript).

export const VISIT_MODES = ["home", "phone", "wechat"] as const;
export const CONFIRMATIONS = ["signature", "read_back"] as const;
/** What a piece of evidence supports: one of the seven indicators, or the visit in general. */
export const EVIDENCE_TARGETS = ["general", "income", "food", "clothing", "medical", "housing", "water", "education"] as const;
export type EvidenceTarget = (typeof EVIDENCE_TARGETS)[number];

export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 1024 * 1024;
export const MAX_EVIDENCE_FILES = 10;
export const MAX_FOLLOW_UPS = 20;
/** Images are re-encoded on the device before upload (components/visit/downscale.ts). */
export const IMAGE_MAX_SIDE = 1600;
export const IMAGE_QUALITY = 0.8;

/** A member's school, labour and health values (the household-changes schema checks them). */
export const SCHOOL = ["enrolled", "home_taught", "graduated", "dropped_out", "not_applicable"] as const;
export const LABOR = ["full", "partial", "none"] as const;
export const HEALTH = ["healthy", "chronic", "serious_illness", "disabled"] as const;
