// Retention of department feeds (docs/department-feeds.md, decision 0048): a feed's rows are
// personal data kept only for the policy's feedRetentionMonths; its counts and what it produced
// (flags, leads, facts) stay. Run daily by the periodic jobs (lib/jobs/feeds-purge.ts) and on
// demand by `npm run feeds:purge`.
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { today } from "@/lib/clock";
import { resolvePolicy } from "@/lib/domain/policy";
import { monthsBefore } from "@/lib/domain/feeds";
import { loadPolicyRows } from "@/lib/data/assessment";

/**
 * Delete the rows of feeds loaded longer ago than the policy's feedRetentionMonths (their
 * province's, as of `now`); the feeds' counts, flags and leads stay. One audit event per feed.
 */
export async function purgeExpiredFeedRows(client: PrismaClient, now = new Date()): Promise<{ feeds: number; rows: number }> {
  const day = today(now);
  const policyRows = await loadPolicyRows(client);
  const candidates = await client.departmentFeed.findMany({
    where: { purgedAt: null },
    select: { id: true, scopeId: true, loadedAt: true },
    orderBy: { loadedAt: "asc" },
  });
  let feeds = 0;
  let rows = 0;
  for (const f of candidates) {
    const months = resolvePolicy(policyRows, Number(day.slice(0, 4)), f.scopeId.slice(0, 2)).values.feedRetentionMonths;
    if (today(f.loadedAt) >= monthsBefore(day, months)) continue;
    await client.$transaction(async (tx) => {
      const deleted = await tx.departmentFeedRow.deleteMany({ where: { feedId: f.id } });
      await tx.departmentFeed.update({ where: { id: f.id }, data: { purgedAt: now } });
      await audit(tx, null, {
        action: "feed.purged",
        entity: "department_feed",
        entityId: f.id,
        countyId: f.scopeId.length === 6 ? f.scopeId : null,
        after: { rows: deleted.count, retentionMonths: months },
      });
      rows += deleted.count;
    });
    feeds++;
  }
  return { feeds, rows };
}
