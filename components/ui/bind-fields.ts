// A form's controlled fields in one call: `<TextField {...field("originName")} label={…} />` gives
// the field its form, its name (a path of the schema: a misspelled one fails tsc, and so does a
// name the form keeps no string value under), its value and its onChange. Part of the form kit
// (docs/decisions/0037-one-form-kit.md); the fields themselves are in ./form.
import type { z } from "zod";
import type { FormFields } from "./form";
import type { FormPath } from "./form-path";

/** The keys of V whose values are strings (the ones a text, date or select field edits). */
export type StringKeys<V> = { [K in keyof V & string]: V[K] extends string ? K : never }[keyof V & string];

export function bindFields<S extends z.ZodType, V>(form: FormFields<S>, values: V, set: (name: StringKeys<V>, value: string) => void) {
  return <K extends StringKeys<V> & FormPath<S>>(name: K) => ({
    form,
    name,
    value: values[name] as string,
    onChange: (value: string) => set(name, value),
  });
}
