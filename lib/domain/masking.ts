// Field-level rules, in one table (#16.13): who sees national IDs, health and income, in full,
// masked, or not at all — on pages, in exports and in evidence files alike. Every function below
// reads MASKING; nothing else decides. Every full read is audited (lib/data/sensitive-reads.ts and
// the evaluation's own read event); "audited" marks a role that sees a field only with a recorded
// reason (the evaluator's sampled-household read).
import type { Role } from "@/lib/auth/roles";

export type MaskedField = "nationalId" | "health" | "income";
/** full: shown; audited: shown, with a read event naming the field; masked: IDs as 522228********123X; none: withheld */
export type Access = "full" | "audited" | "masked" | "none";

/** A county official whose scope is a township (the township reviewer): its own row, today the same as the county's. */
export type MaskingRole = Role | "township_reviewer";

/** role → field → [for households assigned to the viewer, for other households in the viewer's scope] */
export const MASKING: Record<MaskingRole, Record<MaskedField, readonly [assigned: Access, other: Access]>> = {
  county_official: { nationalId: ["full", "full"], health: ["full", "full"], income: ["full", "full"] },
  township_reviewer: { nationalId: ["full", "full"], health: ["full", "full"], income: ["full", "full"] },
  cadre: { nationalId: ["full", "masked"], health: ["full", "none"], income: ["full", "full"] },
  facilitator: { nationalId: ["masked", "masked"], health: ["none", "none"], income: ["full", "full"] },
  admin: { nationalId: ["masked", "masked"], health: ["none", "none"], income: ["full", "full"] },
  evaluator: { nationalId: ["masked", "masked"], health: ["audited", "audited"], income: ["audited", "audited"] },
  // the audit administrator reads the audit history, never a household
  auditor: { nationalId: ["none", "none"], health: ["none", "none"], income: ["none", "none"] },
};

/** Who is asking: a role, and for a county official the level of its region. */
type WhoSees = { role: Role; regionLevel?: string };

export function maskingRole(viewer: WhoSees): MaskingRole {
  return viewer.role === "county_official" && viewer.regionLevel === "township" ? "township_reviewer" : (viewer.role as Role);
}

export function fieldAccess(viewer: WhoSees, field: MaskedField, assignedToViewer: boolean): Access {
  const row = MASKING[maskingRole(viewer)];
  if (!row) return "none";
  return row[field][assignedToViewer ? 0 : 1];
}

/** Shown at all (in full, or with an audited reason). */
export const shown = (a: Access): boolean => a === "full" || a === "audited";

/** 522228********123X: region and the last four stay, the birth date is hidden. */
export function maskNationalId(id: string | null): string | null {
  if (!id) return id;
  if (id.length !== 18) return "*".repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** A cadre sees full IDs of their own households; a county official those of the county (MASKING). */
export function canSeeNationalIds(viewer: WhoSees, assignedToViewer: boolean): boolean {
  return shown(fieldAccess(viewer, "nationalId", assignedToViewer));
}

/** Health and disability (MASKING): the household's cadre, the county's officials; evaluators with a reason. */
export function canSeeHealth(viewer: WhoSees, assignedToViewer: boolean): boolean {
  return shown(fieldAccess(viewer, "health", assignedToViewer));
}

/** Income evidence (bank statements and the income indicator's files), per MASKING. */
export function canSeeIncome(viewer: WhoSees, assignedToViewer: boolean): boolean {
  return shown(fieldAccess(viewer, "income", assignedToViewer));
}

export interface EvidenceLike {
  kind: string;
  indicator: string | null;
}

/**
 * Which field an evidence file belongs to: medical documents are health; bank statements and the
 * income indicator's files are income; signatures and signed forms identify a person like a full
 * national ID; everything else (a house, a water test) is the household's general record.
 */
export function evidenceField(e: EvidenceLike): MaskedField | null {
  if (e.indicator === "medical") return "health";
  if (e.kind === "bank_statement" || e.indicator === "income") return "income";
  if (e.kind === "signature" || e.kind === "signed_form") return "nationalId";
  return null;
}

/** Evidence follows the page's field rules: a file of a field the viewer does not see is not theirs. */
export function canSeeEvidence(viewer: WhoSees, assignedToViewer: boolean, e: EvidenceLike): boolean {
  const field = evidenceField(e);
  return field === null || shown(fieldAccess(viewer, field, assignedToViewer));
}
