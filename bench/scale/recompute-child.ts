// Child of bench/scale.ts: our batch recompute of every household (lib/data/recompute.ts
// createRecomputeJob + runRecomputeJob, the job an admin's policy edit starts), reporting its
// duration, the process's CPU time (the rest of the wall time is waiting on the database) and
// peak RSS.  node --conditions=react-server --import tsx bench/scale/recompute-child.ts URL
import { createPrisma, setDb } from "../../lib/db/client";
import { createRecomputeJob, runRecomputeJob } from "../../lib/data/recompute";
import pg from "pg";
import { poolConfigFromUrl } from "../../lib/db/adapter-fixes";
import { report } from "./child";
import { backendsCpuMs } from "./cpu";

async function main() {
  const [url] = process.argv.slice(2);
  if (!url) throw new Error("usage: recompute-child.ts URL");
  const chunkSize = process.env.SCALE_RECOMPUTE_CHUNK ? Number(process.env.SCALE_RECOMPUTE_CHUNK) : undefined;
  const prisma = createPrisma(url, { max: 4 });
  setDb(prisma);
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const job = await createRecomputeJob(prisma, { regionId: "", reason: "bench:scale", actorId: null });
    let chunks = 0;
    let last = t0;
    await runRecomputeJob(prisma, job.id, {
      chunkSize,
      afterRead: async (ids) => {
        chunks++;
        const now = performance.now();
        if (now - last > 10_000) {
          last = now;
          console.error(
            `[recompute] ${((now - t0) / 1000).toFixed(0)} s, ${chunks} chunks (${ids.length} households each), rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
          );
        }
      },
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const done = await prisma.recomputeJob.findUniqueOrThrow({
      where: { id: job.id },
      select: { state: true, done: true, total: true, changed: true },
    });
    // the database's share: CPU of this process's pool connections (PostgreSQL only; a served
    // PGlite is measured by the parent, from its server process)
    let dbCpuMs: number | null = null;
    if (!/[?&]pglite=1/.test(url)) {
      const c = new pg.Client(poolConfigFromUrl(url));
      await c.connect();
      dbCpuMs = await backendsCpuMs(c);
      await c.end();
    }
    report({ ms, cpuMs: (cpu.user + cpu.system) / 1000, dbCpuMs, chunks, job: done });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
