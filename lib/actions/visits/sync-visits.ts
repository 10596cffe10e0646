"use server";
// A phone's backlog in one request (permission visit.create): up to SYNC_MAX_VISITS visits and
// SYNC_MAX_BYTES of their files. Each visit is stored exactly as logVisit stores it — its own
// transaction, idempotent by its clientVisitId, scoped to the caller's households — and answered
// on its own: one refusal (a household moved to another cadre, a bad field) never fails the rest.
// Who is calling is checked once for the batch; the items are stored one after the other, so two
// visits of one household in a backlog meet the household's version in the order they were made.
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import { defineAction, runFor, type ActionResult } from "@/lib/actions/safe-action";
import { visitSchema } from "@/lib/validation/visit";
import { syncBatchSchema } from "@/lib/validation/sync";
import type { VisitOutcome } from "@/lib/data/visits/log-visit";
import { storeVisit } from "./store-visit";

export interface SyncedVisit {
  /** the visit's clientVisitId as sent (null when the item had none) */
  id: string | null;
  result: ActionResult<VisitOutcome>;
}

const item = {
  name: "visit.sync",
  schema: visitSchema,
  handler: (input: z.output<typeof visitSchema>, viewer: Parameters<typeof storeVisit>[1]) => storeVisit(input, viewer),
};

/** Store a phone's queued visits; each is answered on its own, in the order sent. */
export const syncVisits = defineAction({
  name: "visit.sync",
  permission: "visit.create",
  schema: syncBatchSchema,
  handler: async ({ visits }, viewer): Promise<ActionResult<{ results: SyncedVisit[] }>> => {
    const results: SyncedVisit[] = [];
    for (const raw of visits) {
      const id = typeof raw.clientVisitId === "string" ? raw.clientVisitId : null;
      results.push({ id, result: await runFor(item, viewer, raw) });
    }
    const t = await getTranslations("visit");
    const stored = results.filter((r) => r.result.ok || r.result.code === "conflict").length;
    return { ok: true, data: { results }, message: t("result.synced", { stored, total: results.length }) };
  },
});
