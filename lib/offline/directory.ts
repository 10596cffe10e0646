// The cadre's households as the offline parts need them: ids (which pages the phone may keep)
// and how to name each one in the outbox. The same scope as every read (a CURRENT assignment).
import "server-only";
import { db } from "@/lib/db/client";
import { householdScope } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/session";

export interface DirectoryEntry {
  id: string;
  label: string;
}

export async function cadreDirectory(viewer: Viewer): Promise<DirectoryEntry[]> {
  if (viewer.role !== "cadre") return [];
  const rows = await db().household.findMany({
    where: householdScope(viewer),
    select: { id: true, headName: true, number: true, village: { select: { name: true } } },
    orderBy: { id: "asc" },
    take: 300,
  });
  return rows.map((h) => ({ id: h.id, label: `${h.headName} · ${h.village.name} ${h.number}` }));
}
