// The names a form's fields may have: the dotted paths into its schema's input ("reason",
// "changes.income.incomeWages", "members.0.name"). A field named by anything else fails tsc.
// Client-safe: types only (the schema is imported with `import type`, never bundled).
import type { z } from "zod";

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date | Blob;
/** Depth guard: recursive schemas stop after a few levels instead of making tsc loop. */
type Down = [never, 0, 1, 2, 3, 4, 5, 6];

/** Every dotted path into T (objects by key, arrays by index). */
export type PathOf<T, D extends number = 6> = [D] extends [never]
  ? never
  : T extends Leaf
    ? never
    : T extends readonly (infer E)[]
      ? `${number}` | `${number}.${PathOf<NonNullable<E>, Down[D]>}`
      : T extends object
        ? { [K in keyof T & string]-?: K | `${K}.${PathOf<NonNullable<T[K]>, Down[D]>}` }[keyof T & string]
        : never;

/**
 * A field name of the form whose action parses with schema S ("_form": the input as a whole).
 * The paths of the parsed output count too: a `z.preprocess` step's input is `unknown`, and its
 * fields are the ones the step's schema then reads.
 */
export type FormPath<S extends z.ZodType> = PathOf<NonNullable<z.input<S>>> | PathOf<NonNullable<z.output<S>>> | "_form";

/**
 * The prefixes under which S's input has `Tail`: a block of fields shared by several forms
 * takes its prefix as this type ("updates." in the visit, "changes." in the edit, "" in a new
 * household), so a prefix under which the schema has no such fields fails tsc.
 */
export type PrefixTo<S extends z.ZodType, Tail extends string> =
  FormPath<S> extends infer U ? (U extends `${infer P}${Tail}` ? P : never) : never;
