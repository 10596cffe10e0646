// What the fuzz tests share (tests/unit/schemas-fuzz.test.ts, tests/integration/actions-fuzz.test.ts):
// the hostile values, walking and changing a nested input, and reading what a zod schema declares.
// One fixed fast-check seed, so a failure reproduces; FC_SEED and FC_RUNS override it.
import fc from "fast-check";
import type { z } from "zod";

export const SEED = Number(process.env.FC_SEED ?? 20260915);

/**
 * fast-check options: the fixed seed, offset by the property's name so that each property draws
 * its own sequence (one seed everywhere would feed every action the same variations). The offset
 * comes from the name, so the same FC_SEED always reproduces the same failure.
 */
export function fcOptions(numRuns: number, name = ""): { seed: number; numRuns: number; includeErrorInReport: true } {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 1_000_003;
  return { seed: SEED + h, numRuns: Number(process.env.FC_RUNS ?? numRuns), includeErrorInReport: true };
}

// ─────────────────────────── hostile values ───────────────────────────

export const HUGE = "x".repeat(100_000);
export const HUGE_HAN = "王".repeat(100_000);
export const HUGE_DIGITS = "9".repeat(100_000);
/** Spreadsheet formula injection, as names. */
export const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "-1+1",
  "@SUM(A1:A9)",
  "=1+1",
  "\t=1+1",
  "\r=1+1",
  "=cmd|' /C notepad'!'A1'",
];
export const WEIRD = [
  "５２０６０３",
  "1\u200B2",
  "\uFEFF1",
  "a\u0000b",
  "\u0000",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "__proto__",
  "\uD800",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  "1e3",
];
/** An object that contains itself, and one nested deeper than JSON.stringify can follow: React's action protocol can carry both. */
const CYCLE: Record<string, unknown> = { a: 1 };
CYCLE.self = CYCLE;
let DEEP: Record<string, unknown> = {};
for (let i = 0; i < 20_000; i++) DEEP = { x: DEEP };
export const WRONG: unknown[] = [
  12345,
  -1,
  0,
  1.5,
  2 ** 31,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  [],
  [1, 2],
  ["a"],
  {},
  { x: 1 },
  { $ne: null },
  "",
  " ",
  new Date(0),
  10n,
  CYCLE,
  DEEP,
  new Map([["role", "admin"]]),
];
export const HUGE_ARRAY = Array.from({ length: 5000 }, () => "00000000-0000-4000-8000-000000000000");

/** Any of the above: a wrong type, a huge string, a formula, a look-alike, a huge array. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WRONG),
  fc.constantFrom(HUGE, HUGE_HAN, HUGE_DIGITS),
  fc.constantFrom(...FORMULAS),
  fc.constantFrom(...WEIRD),
  fc.constant(HUGE_ARRAY),
);

/** Keys a crafted request adds, hoping the server writes them. */
export const MASS_KEYS = [
  "version",
  "assignedCadreId",
  "role",
  "countyId",
  "registeredStatus",
  "id",
  "createdById",
  "regionId",
  "villageId",
  "householdId",
  "cadreId",
  "passwordHash",
  "sessionVersion",
  "disabled",
  "state",
  "stage",
  "active",
  "assessedStatus",
  "monitoringCategory",
  "cardTokenHash",
  "handledById",
  "recordedById",
  "source",
  "isAdmin",
  "userId",
  "level",
  "zone",
  "__proto__",
  "constructor",
];
export const massValue = fc.constantFrom<unknown>(
  "admin",
  "520602",
  "registered_poor",
  999,
  true,
  null,
  "00000000-0000-4000-8000-000000000000",
  { role: "admin" },
  ["x"],
);

// ─────────────────────────── nested inputs ───────────────────────────

export type Seg = string | number;
export type Path = Seg[];

export const toPath = (dotted: string): Path => (dotted === "" ? [] : dotted.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)));

export const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** Sets an own property (also "__proto__", which a plain assignment would turn into the prototype). */
export function put(o: object, key: Seg, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of arrays and plain objects; anything else (a File) is shared. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isPlain(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) put(out, k, clone(x));
    return out as T;
  }
  return v;
}

export function getAt(root: unknown, p: Path): unknown {
  let cur = root;
  for (const s of p) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<Seg, unknown>)[s];
  }
  return cur;
}

/** A copy of root with the value at p replaced (p = []: the whole value). */
export function setAt(root: unknown, p: Path, value: unknown): unknown {
  if (p.length === 0) return value;
  const out = clone(root);
  put(getAt(out, p.slice(0, -1)) as object, p[p.length - 1]!, value);
  return out;
}

/** Every position in a value: object keys and array items, at any depth. */
export function positions(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...positions(x, [...prefix, i])));
  else if (isPlain(v)) for (const [k, x] of Object.entries(v)) out.push(...positions(x, [...prefix, k]));
  return out;
}

/** Every plain object in a value (where an extra key could be slipped in). */
export function objects(v: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => objects(x, [...prefix, i]));
  if (!isPlain(v)) return [];
  return [prefix, ...Object.entries(v).flatMap(([k, x]) => objects(x, [...prefix, k]))];
}

export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** JSON for a failure message, long strings and files shortened. */
export function show(v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v, (_k, x) =>
      typeof x === "bigint"
        ? `${x}n`
        : typeof x === "string" && x.length > 80
          ? `${x.slice(0, 40)}…(${x.length} chars)`
          : x instanceof Blob
            ? `[${x.constructor.name} ${x.size}B]`
            : x instanceof Map
              ? `[Map ${x.size}]`
              : Array.isArray(x) && x.length > 20
                ? [...x.slice(0, 3), `…(${x.length} items)`]
                : x,
    );
  } catch {
    s = "[a value JSON cannot show: a cycle or deep nesting]";
  }
  return s && s.length > 600 ? `${s.slice(0, 600)}…` : String(s);
}

// ─────────────────────────── what a schema declares ───────────────────────────

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema inside optional/default/catch wrappers and preprocess/transform pipes. */
export function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const def = defOf(s);
    if (["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type)) s = def.innerType!;
    else if (def.type === "pipe") s = ["transform", "unknown", "any"].includes(defOf(def.in!).type) ? def.out! : def.in!;
    else return s;
  }
}

/** The keys an object schema declares at a position of its input (null: not an object there). */
export function declaredAt(schema: z.ZodType, p: Path): Set<string> | null {
  let cur = unwrap(schema);
  for (const seg of p) {
    const def = defOf(cur);
    const next =
      def.type === "object"
        ? Object.hasOwn(def.shape!, String(seg))
          ? def.shape![String(seg)]
          : undefined
        : def.type === "array"
          ? def.element
          : undefined;
    if (!next) return null;
    cur = unwrap(next);
  }
  const def = defOf(cur);
  return def.type === "object" ? new Set(Object.keys(def.shape!)) : null;
}
