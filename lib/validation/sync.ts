// The envelope of syncVisits: a list of visits, each parsed on its own by visitSchema on the
// server (so one bad visit is that visit's answer, not the batch's), within the batch's limits.
import { z } from "zod";
import { SYNC_MAX_BYTES, SYNC_MAX_VISITS } from "./sync-limits";
import { messageKey } from "@/i18n/keys";

const isBlob = (v: unknown): v is Blob => typeof Blob !== "undefined" && v instanceof Blob;

/** Bytes of the files anywhere in an item (its signature and evidence). */
export function fileBytes(item: unknown, depth = 0): number {
  if (isBlob(item)) return item.size;
  if (depth > 4 || !item || typeof item !== "object") return 0;
  let n = 0;
  for (const v of Object.values(item as Record<string, unknown>)) n += fileBytes(v, depth + 1);
  return n;
}

export const syncBatchSchema = z
  .object({
    visits: z
      .array(z.record(z.string(), z.unknown(), { message: messageKey("validation.invalidVisit") }), {
        message: messageKey("validation.required"),
      })
      .min(1, { message: messageKey("validation.required") })
      .max(SYNC_MAX_VISITS, { message: messageKey("validation.tooMany") }),
  })
  .strict()
  .superRefine(
    (b, ctx) => {
      if (!b || !Array.isArray(b.visits)) return;
      const bytes = b.visits.reduce((n, v) => n + fileBytes(v), 0);
      if (bytes > SYNC_MAX_BYTES) ctx.addIssue({ code: "custom", message: messageKey("validation.batchTooLarge"), path: ["visits"] });
    },
    { when: () => true },
  );
