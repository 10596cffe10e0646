// The department feed upload (docs/department-feeds.md): shared by the form and the action.
import { z } from "zod";
import { DEPARTMENTS } from "@/lib/domain/feeds";
import { messageKey } from "@/i18n/keys";

/** Through the page (the server action's body limit); larger files: npm run feeds:load. */
export const FEED_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const loadFeedSchema = z.object({
  department: z.enum(DEPARTMENTS, { message: messageKey("validation.unknownValue") }),
  // codes are taken as typed: a stray (full-width) space is refused, never trimmed into a code
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageKey("validation.unknownValue")),
  /** a region code; blank: the viewer's own region */
  scopeId: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, messageKey("validation.unknownValue"))
      .optional(),
  ),
  file: z
    .instanceof(Blob, { message: messageKey("feeds.errors.file") })
    .refine((f) => f.size > 0, messageKey("feeds.errors.file"))
    .refine((f) => f.size <= FEED_UPLOAD_MAX_BYTES, messageKey("feeds.errors.tooLarge")),
});
export type LoadFeedInput = z.infer<typeof loadFeedSchema>;
