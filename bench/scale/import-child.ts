// Child of bench/scale.ts: our full import (lib/import importDirectory: validation, the one
// transaction, assessment, audit) of a folder into DATABASE_URL, reporting its duration and the
// process's peak RSS.  node --conditions=react-server --import tsx bench/scale/import-child.ts URL DIR
import { createPrisma, setDb } from "../../lib/db/client";
import { report } from "./child";
import { loadImporter } from "./importer";

async function main() {
  const [url, dir] = process.argv.slice(2);
  if (!url || !dir) throw new Error("usage: import-child.ts URL DIR");
  const importer = await loadImporter();
  if (typeof importer === "string") throw new Error(importer);
  const prisma = createPrisma(url, { max: 4 });
  setDb(prisma);
  try {
    let last = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await importer(prisma, dir, (p) => {
      const now = performance.now();
      if (now - last < 5000) return;
      last = now;
      console.error(
        `[import] ${((now - t0) / 1000).toFixed(0)} s ${JSON.stringify(p)} rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`,
      );
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    report({ ms, cpuMs: (cpu.user + cpu.system) / 1000, summary: result });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
