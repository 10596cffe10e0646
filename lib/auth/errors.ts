// Expected errors carry a code the UI translates; anything else is logged and shown generically.
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "closed";

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

/**
 * A refusal shown on a form field that is also a scope refusal (a region, county or file row
 * outside the caller's reach): the form names the field, and the action wrapper records an
 * `access.denied` event with `code: "out_of_scope"` and the field.
 */
export function outOfScopeField(field: string, message: string, extra?: Record<string, unknown>): AppError {
  return new AppError("invalid", message, { fieldErrors: { [field]: [message] }, outOfScope: { field, ...extra } });
}
