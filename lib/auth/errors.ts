// Expected errors carry a code and a message key (with its params, in details.params); the action
// pipeline (lib/actions/safe-action.ts) translates them once, into the caller's language. Anything
// else is logged and shown generically. See docs/decisions/0035-one-action-pipeline.md.
import type { MessageKey, MessageParams } from "@/i18n/keys";

export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "closed";

/**
 * `message`: for "invalid", "conflict" and "closed" (and a public form's "rate_limited") what the
 * caller reads — a message key, or a text already worded; for the others a note for the log (the
 * caller reads the code's own message). details.params fill the key's placeholders (and those of
 * its field errors); details.worded, a domain reason in both languages, is read instead.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export const notFound = (what = "record") => new AppError("not_found", `${what} not found`);

/** An input problem on one field: the form marks `field` with `key`, and reads "check the marked fields". */
export function fieldError(field: string, key: MessageKey, params?: MessageParams): AppError {
  return new AppError("invalid", "errors.invalid", { fieldErrors: { [field]: [key] }, ...(params ? { params } : {}) });
}

/** The same, with the field's message as the whole refusal (the status line says it too, not "check the marked fields"). */
export function fieldRefusal(field: string, key: MessageKey): AppError {
  return new AppError("invalid", key, { fieldErrors: { [field]: [key] } });
}

/**
 * A refusal shown on a form field that is also a scope refusal (a region, county or file row
 * outside the caller's reach): the form names the field, and the action pipeline records an
 * `access.denied` event with `code: "out_of_scope"` and the field.
 */
export function outOfScopeField(field: string, message: string, extra?: Record<string, unknown>): AppError {
  return new AppError("invalid", message, { fieldErrors: { [field]: [message] }, outOfScope: { field, ...extra } });
}
