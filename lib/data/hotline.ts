// The hotline for a page that knows no county (the card's not-found page): the one number the
// installation's counties share, if they all set the same; else the national 12317.
import "server-only";
import { db } from "@/lib/db/client";
import { displayHotline, NATIONAL_HOTLINE } from "@/lib/domain/hotline";

export async function installationHotline(): Promise<{ hotline: string; national: boolean }> {
  const rows = await db().region.findMany({
    where: { level: "county", hotline: { not: null } },
    select: { hotline: true },
    distinct: ["hotline"],
    take: 20,
  });
  const shown = [...new Set(rows.map((r) => displayHotline(r.hotline)))];
  if (shown.length === 1) return { hotline: shown[0]!, national: shown[0] === NATIONAL_HOTLINE };
  return { hotline: NATIONAL_HOTLINE, national: true };
}
