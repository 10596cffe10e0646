// Child process of bench/scale.ts: owns one PGlite data folder and serves it on 127.0.0.1, as
// scripts/run.ts does for the app. Prints "URL <url>" once serving; SIGTERM closes it cleanly.
// One command on stdin, as a JSON line {"id", "cmd": "baseline-import", "dir"}: the import
// baseline, which needs COPY, and PGlite's socket cannot carry COPY FROM STDIN; the answer is
// "REPLY <id> <json>" or "ERROR <id> <message>" on stdout.
import readline from "node:readline";
import { servePglite } from "../../lib/db/pglite-owner";
import { baselineImportPglite } from "./baseline-import";

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("usage: pglite-server.ts DATA_DIR");
  const server = await servePglite(dataDir, 0, 32);
  console.log(`URL ${server.url}`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  readline.createInterface({ input: process.stdin }).on("line", (l) => {
    const msg = JSON.parse(l) as { id: number; cmd: string; dir: string };
    if (msg.cmd !== "baseline-import") return console.log(`ERROR ${msg.id} unknown command ${msg.cmd}`);
    baselineImportPglite(server.db, msg.dir).then(
      (r) => console.log(`REPLY ${msg.id} ${JSON.stringify(r)}`),
      (e: Error) => console.log(`ERROR ${msg.id} ${e.message.replace(/\n/g, " ")}`),
    );
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
