// Message keys as types: every key of the zh-CN messages (next-intl's declared `Messages`, see
// global.d.ts). An action's refusal or success message is a MessageKey with its params, translated
// once, at the end of the action pipeline (lib/actions/safe-action.ts); a misspelled key fails `tsc`.
// Client-safe: types and one identity function, no server import.
import type { Messages, MessageKeys, NestedKeyOf } from "next-intl";

/** Every leaf key of the messages, dotted from the namespace: "validation.required", "admin.users.created". */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** The values a message's placeholders take. */
export type MessageParams = Record<string, string | number | Date>;

/** The last segments of the keys under `prefix`: KeyUnder<"indicators"> is "food" | "clothing" | …. */
export type KeyUnder<P extends string> = MessageKey extends infer K ? (K extends `${P}.${infer S}` ? S : never) : never;

/**
 * A message key written where only a string is accepted (a zod schema's message, a list of field
 * errors): checked by `tsc`, unchanged at run time.
 */
export function messageKey<K extends MessageKey>(k: K): K {
  return k;
}

const VALIDATION = "validation.";

/**
 * A zod message checked in the browser, as a key of the `validation` namespace ("validation.required"
 * → "required"), or null when it is not one (zod's own wording, another namespace's key).
 */
export function validationKey(message: string): KeyUnder<"validation"> | null {
  return message.startsWith(VALIDATION) ? (message.slice(VALIDATION.length) as KeyUnder<"validation">) : null;
}

/**
 * Whether a string read from data is one of `values`: narrows it, so a message key built from it
 * (`t(\`causes.${c}\`)`) is checked by `tsc` against the messages instead of cast.
 */
export function isOneOf<const T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return (values as readonly (string | null | undefined)[]).includes(value);
}
