// The one result shape of every server action, for useActionState. Client-safe (no server imports).
export type ActionResult<T = unknown> =
  { ok: true; data?: T; message?: string } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export const initialActionState: ActionResult<never> = { ok: true };
