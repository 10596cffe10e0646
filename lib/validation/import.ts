// The bulk import's actions (lib/actions/import): a job is begun with nothing, then named by its
// id to poll it or to check (dryRun) and import its files. Kept here so every schema an action
// parses is in lib/validation (the fuzz tests enumerate them).
import { z } from "zod";
import { CSV_ENCODINGS } from "@/lib/import/csv";
import { messageKey } from "@/i18n/keys";

export const beginImportSchema = z.object({}).strict();

export const importProgressSchema = z.object({ jobId: z.string().uuid() }).strict();

/** the CSV files' encoding: detected (auto), or chosen on the form */
export const runImportSchema = z
  .object({
    jobId: z.string().uuid(),
    dryRun: z.boolean(),
    encoding: z
      .enum(CSV_ENCODINGS, { error: messageKey("validation.unknownValue") })
      .optional()
      .default("auto"),
  })
  .strict();
