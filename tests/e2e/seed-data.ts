// Facts of the demo data for the e2e specs, read from the seed itself (it is deterministic), in a
// child process: the specs run outside the app's module graph.
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";

/** Runs `body` with `s` = buildSeedData(...) and answers the JSON it prints. */
function fromSeed<T>(body: string): T {
  const script = `import { buildSeedData } from "./lib/seed/index.ts";
    const s = buildSeedData("unused");
    ${body}`;
  const out = execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as T;
}

/** One of the demo data's households moved to another cadre on 2026-04-01, and its earlier cadre. */
export function movedHousehold(): { householdId: string; cadreId: string; username: string } {
  return fromSeed(`const a = s.assignments.find((x) => x.validTo !== null);
    const u = s.users.find((x) => x.id === a.cadreId);
    console.log(JSON.stringify({ householdId: a.householdId, cadreId: a.cadreId, username: u.username }));`);
}

/** A demo member (not the head) with a national ID, and their household. */
export function demoMember(): { nationalId: string; householdId: string; headName: string } {
  return fromSeed(`const m = s.members.find((x) => x.nationalId && x.active !== false && x.relation !== "head");
    const h = s.households.find((x) => x.id === m.householdId);
    console.log(JSON.stringify({ nationalId: m.nationalId, householdId: h.id, headName: h.headName }));`);
}

export interface QueuedVisit {
  householdId: string;
  date: string;
  findings: string;
  label?: string;
}

/** Puts visits straight into the phone's outbox (IndexedDB), as the form queues them offline; answers their ids. */
export async function queueInOutbox(page: Page, userId: string, visits: QueuedVisit[]): Promise<string[]> {
  return page.evaluate(
    async ({ userId, visits }) => {
      const req = indexedDB.open("jingzhun-offline", 1);
      const db: IDBDatabase = await new Promise((ok, no) => ((req.onsuccess = () => ok(req.result)), (req.onerror = () => no(req.error))));
      const ids: string[] = [];
      for (const [n, v] of visits.entries()) {
        const id = crypto.randomUUID();
        ids.push(id);
        const now = Date.now() + n;
        const fields = {
          clientVisitId: id,
          householdId: v.householdId,
          baseVersion: 1,
          date: v.date,
          mode: "home",
          findings: v.findings,
          problems: "",
          actionsTaken: "",
          followUps: [],
          locationConsent: false,
          location: null,
          confirmation: "read_back",
        };
        await new Promise((ok) => {
          const tx = db.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put({
            id,
            userId,
            householdId: v.householdId,
            label: v.label ?? "离线记录的走访",
            visitDate: v.date,
            createdAt: now,
            updatedAt: now,
            state: "waiting",
            attempts: 0,
            lastError: null,
            result: null,
            rejection: null,
            fields,
            files: { signature: null, evidence: [] },
          });
          tx.oncomplete = ok;
        });
      }
      return ids;
    },
    { userId, visits },
  );
}

/** A household of the demo cadre ("cadre") under monitoring, with its member count and head. */
export function cadreMonitoredHousehold(): { id: string; headName: string; members: number } {
  return fromSeed(`const u = s.users.find((x) => x.username === "cadre");
    const ids = s.assignments.filter((a) => a.cadreId === u.id && a.validTo === null).map((a) => a.householdId);
    const h = s.households.find((x) => ids.includes(x.id) && x.monitoringCategory);
    const members = s.members.filter((m) => m.householdId === h.id && m.active !== false).length;
    console.log(JSON.stringify({ id: h.id, headName: h.headName, members }));`);
}

/** A relocated Danyang household with its relocation record, and one (if any) the demo cadre serves now. */
export function relocatedHouseholds(): { danyang: string; danyangHead: string; cadreUsername: string; cadreHousehold: string } {
  return fromSeed(`const rel = new Set(s.places.relocations.map((r) => r.householdId));
    const d = s.households.find((h) => h.villageId === "520603201200" && rel.has(h.id));
    const cadre = s.users.find((x) => x.username === "cadre");
    const a = s.assignments.find((x) => x.validTo === null && rel.has(x.householdId) && x.cadreId === cadre.id);
    const u = s.users.find((x) => x.id === a.cadreId);
    console.log(JSON.stringify({ danyang: d.id, danyangHead: d.headName, cadreUsername: u.username, cadreHousehold: a.householdId }));`);
}
