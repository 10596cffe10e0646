/**
 * Admin inputs: one zod schema per form, shared by the client form and its server action,
 * plus the pure rules of the region tree (code lengths, role ↔ scope level).
 *
 * Messages are full message keys (validation.…, admin.…), translated once by the action
 * pipeline (decision 0035).
 * Pure: imported by client components, so nothing from Prisma, Next or the data layer.
 */
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { plain } from "./plain-text";
import { messageKey, type KeyUnder } from "@/i18n/keys";

export const REGION_LEVELS = ["province", "city", "county", "township", "village"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const ZONES = ["east", "central", "west"] as const;
export type Zone = (typeof ZONES)[number];

/** Digits of a region code at each level: every id is a prefix of the ids beneath it. */
export const CODE_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: "city",
  city: "county",
  county: "township",
  township: "village",
  village: null,
};

export const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: null,
  city: "province",
  county: "city",
  township: "county",
  village: "township",
};

/** The level a code of this length names, or null. */
export function levelOfCode(code: string): RegionLevel | null {
  if (!/^\d+$/.test(code)) return null;
  return REGION_LEVELS.find((l) => CODE_LENGTH[l] === code.length) ?? null;
}

/** The codes of a node's ancestors, province first, ending with the node itself. */
export function codePath(code: string): string[] {
  return REGION_LEVELS.map((l) => CODE_LENGTH[l])
    .filter((n) => n <= code.length)
    .map((n) => code.slice(0, n));
}

/** Which levels a user's scope may be, by role. */
export const SCOPE_LEVELS: Record<Role, readonly RegionLevel[]> = {
  admin: ["province"],
  county_official: ["county"],
  cadre: ["village"],
  facilitator: ["village"],
  evaluator: ["province", "city", "county"],
  auditor: ["province", "city", "county"],
};

export function scopeFitsRole(role: Role, level: RegionLevel): boolean {
  return SCOPE_LEVELS[role].includes(level);
}

export const USERS_PAGE_SIZE = 50;
export const REGIONS_PAGE_SIZE = 100;
export const PASSWORD_MIN = 10;
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

// ─── shared fields ─────────────────────────────────────────────────────────────

const required = (max: number) =>
  z
    .string({ error: messageKey("validation.required") })
    .trim()
    .min(1, { error: messageKey("validation.required") })
    .max(max, { error: messageKey("validation.tooLong") });

/** Empty → null (an optional text field of a form); a field with a pattern (a phone number) refuses hidden characters. */
const optionalText = (max: number, pattern?: RegExp, patternKey?: string) =>
  (pattern ? plain(z.string()) : z.string())
    .trim()
    .max(max, { error: messageKey("validation.tooLong") })
    .refine((s) => !s || !pattern || pattern.test(s), { error: patternKey ?? messageKey("validation.unknownValue") })
    .optional()
    .transform((s) => (s ? s : null));

export const usernameField = plain(z.string({ error: messageKey("validation.required") }))
  .trim()
  .min(1, { error: messageKey("validation.required") })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, { error: messageKey("admin.v.username") });

export const passwordField = z
  .string({ error: messageKey("validation.required") })
  .min(1, { error: messageKey("validation.required") })
  .min(PASSWORD_MIN, { error: messageKey("admin.v.passwordMin") })
  .max(256, { error: messageKey("validation.tooLong") });

export const regionCodeField = plain(z.string({ error: messageKey("validation.required") }))
  .trim()
  .min(1, { error: messageKey("validation.required") })
  .refine((s) => levelOfCode(s) !== null, { error: messageKey("admin.v.regionCode") });

const roleField = z.enum(ROLES, { error: messageKey("validation.unknownValue") });
const userIdField = plain(z.string({ error: messageKey("validation.required") }))
  .trim()
  .min(1, { error: messageKey("validation.required") })
  .max(64, { error: messageKey("validation.tooLong") });
const phoneField = optionalText(32, /^\+?[0-9][0-9 -]{2,30}$/, messageKey("admin.v.phone"));

// ─── users ─────────────────────────────────────────────────────────────────────

export const userSearchSchema = z.object({
  q: z.string().trim().max(64).optional().catch(undefined),
  role: roleField.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export const createUserSchema = z
  .object({
    username: usernameField,
    name: required(64),
    phone: phoneField,
    role: roleField,
    regionId: regionCodeField,
    password: passwordField,
    confirm: z.string({ error: messageKey("validation.required") }).min(1, { error: messageKey("validation.required") }),
  })
  .refine((v) => v.password === v.confirm, { error: messageKey("admin.v.confirm"), path: ["confirm"] });
export type CreateUserInput = z.input<typeof createUserSchema>;

export const setUserDisabledSchema = z.object({
  userId: userIdField,
  disabled: z.stringbool({ error: messageKey("validation.unknownValue") }),
});

export const resetPasswordSchema = z
  .object({
    userId: userIdField,
    password: passwordField,
    confirm: z.string({ error: messageKey("validation.required") }).min(1, { error: messageKey("validation.required") }),
  })
  .refine((v) => v.password === v.confirm, { error: messageKey("admin.v.confirm"), path: ["confirm"] });

export const changeRoleScopeSchema = z.object({
  userId: userIdField,
  role: roleField,
  regionId: regionCodeField,
});

export const regionSearchSchema = z.object({
  q: z.string().trim().max(64),
  /** limit the results to levels (the scope levels a role allows) */
  role: roleField.optional(),
});

// ─── regions ───────────────────────────────────────────────────────────────────

export const regionBrowseSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^\d{2,12}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export const createRegionSchema = z
  .object({
    parentId: regionCodeField,
    /** checked below against the parent, so one message says what is wrong */
    id: plain(z.string({ error: messageKey("validation.required") }))
      .trim()
      .min(1, { error: messageKey("validation.required") }),
    name: required(64),
  })
  .superRefine((v, ctx) => {
    const parentLevel = levelOfCode(v.parentId);
    const childLevel = parentLevel ? CHILD_LEVEL[parentLevel] : null;
    if (!parentLevel) return;
    if (!childLevel) {
      ctx.addIssue({ code: "custom", path: ["parentId"], message: messageKey("admin.v.noChildren") });
      return;
    }
    if (!/^\d+$/.test(v.id) || !v.id.startsWith(v.parentId) || v.id.length !== CODE_LENGTH[childLevel]) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `admin.v.childCode.${childLevel}` });
    }
  });

export const renameRegionSchema = z.object({
  id: regionCodeField,
  name: required(64),
  nameEn: optionalText(128),
});

export const setZoneSchema = z.object({
  id: regionCodeField.refine((s) => levelOfCode(s) === "province", { error: messageKey("admin.v.notProvince") }),
  zone: z.enum(ZONES, { error: messageKey("validation.unknownValue") }),
});

export const setHotlineSchema = z.object({
  id: regionCodeField.refine((s) => levelOfCode(s) === "county", { error: messageKey("admin.v.notCounty") }),
  hotline: optionalText(32, /^\+?[0-9][0-9 -]{2,30}$/, messageKey("admin.v.phone")),
});

/** A village's designated-poor-village (贫困村) flag: "true"/"on" or "false" (a checkbox sends nothing when unticked). */
export const setDesignatedSchema = z.object({
  id: regionCodeField.refine((s) => levelOfCode(s) === "village", { error: messageKey("admin.v.notVillage") }),
  designatedPoor: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? false : v),
    z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], {
      error: messageKey("validation.unknownValue"),
    }),
  ),
});

export const importRegionsSchema = z.object({
  file: z
    .instanceof(File, { error: messageKey("admin.v.file") })
    .refine((f) => f.size > 0, { error: messageKey("admin.v.file") })
    .refine((f) => f.size <= IMPORT_MAX_BYTES, { error: messageKey("admin.v.fileTooLarge") }),
});

// ─── the official tree file ────────────────────────────────────────────────────

export interface RegionRow {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  name: string;
}

/** One problem with one row of an import file; row is 1-based, 0 for the whole file. */
export interface RowError {
  row: number;
  key: KeyUnder<"admin.import.errors">;
  params?: Record<string, string | number>;
}

/**
 * Check every row of a region file ([{id,parentId,level,name}]) against the tree rules and
 * the importer's scope. `existing` holds ids already in the database (a parent may be there
 * instead of in the file). Returns the rows ordered parents first, or every error found.
 */
export function checkRegionRows(
  data: unknown,
  scopeId: string,
  existing: ReadonlySet<string>,
): { ok: true; rows: RegionRow[] } | { ok: false; errors: RowError[] } {
  if (!Array.isArray(data)) return { ok: false, errors: [{ row: 0, key: "notArray" }] };
  if (data.length === 0) return { ok: false, errors: [{ row: 0, key: "empty" }] };
  if (data.length > IMPORT_MAX_ROWS) return { ok: false, errors: [{ row: 0, key: "tooMany", params: { max: IMPORT_MAX_ROWS } }] };

  const errors: RowError[] = [];
  const rows: RegionRow[] = [];
  const seen = new Map<string, number>();

  data.forEach((raw: unknown, i) => {
    const row = i + 1;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      errors.push({ row, key: "notObject" });
      return;
    }
    const r = raw as Record<string, unknown>;
    const id = typeof r.id === "string" ? r.id.trim() : typeof r.id === "number" ? String(r.id) : "";
    const level = r.level;
    const name = typeof r.name === "string" ? r.name.trim() : "";
    const parentId =
      r.parentId === null || r.parentId === undefined || r.parentId === ""
        ? null
        : typeof r.parentId === "string"
          ? r.parentId.trim()
          : String(r.parentId);
    const before = errors.length;

    if (typeof level !== "string" || !(REGION_LEVELS as readonly string[]).includes(level)) {
      errors.push({ row, key: "level", params: { value: String(level ?? "") } });
    }
    if (!/^\d+$/.test(id)) errors.push({ row, key: "id", params: { value: id } });
    if (!name) errors.push({ row, key: "name" });
    else if (name.length > 64) errors.push({ row, key: "nameTooLong" });
    if (errors.length > before) return;

    const lv = level as RegionLevel;
    if (id.length !== CODE_LENGTH[lv]) {
      errors.push({ row, key: "idLength", params: { id, level: lv, digits: CODE_LENGTH[lv] } });
      return;
    }
    if (!id.startsWith(scopeId) && !scopeId.startsWith(id)) {
      errors.push({ row, key: "outOfScope", params: { id } });
      return;
    }
    if (id.length < scopeId.length) {
      // an ancestor of the importer's scope: above what they may change
      errors.push({ row, key: "outOfScope", params: { id } });
      return;
    }
    const parentLevel = PARENT_LEVEL[lv];
    const expectedParent = parentLevel ? id.slice(0, CODE_LENGTH[parentLevel]) : null;
    if (parentId !== expectedParent) {
      errors.push({ row, key: "parent", params: { id, parentId: parentId ?? "null", expected: expectedParent ?? "null" } });
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ row, key: "duplicate", params: { id, first } });
      return;
    }
    seen.set(id, row);
    rows.push({ id, parentId, level: lv, name });
  });

  // a parent must be in the file or already in the tree
  rows.forEach((r) => {
    if (r.parentId && !seen.has(r.parentId) && !existing.has(r.parentId)) {
      errors.push({ row: seen.get(r.id)!, key: "parentMissing", params: { id: r.id, parentId: r.parentId } });
    }
  });

  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  rows.sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, rows };
}
