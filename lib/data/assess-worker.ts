// A worker thread of the assessment pool (lib/data/assess-pool.ts): runs the status engine over
// the chunks the main thread sends it (lib/data/assess-chunk.ts), so the engine's CPU runs on
// another core while the main thread reads and writes the database (decision 0059).
import { parentPort, workerData } from "node:worker_threads";
import { runAssessTask, type AssessContext, type AssessTask } from "./assess-chunk";

const ctx = workerData as AssessContext;

parentPort!.on("message", (msg: { seq: number; task: AssessTask }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, rows: runAssessTask(msg.task, ctx) });
  } catch (e) {
    // PolicyNotFoundError and the like: re-thrown in the main thread by name and message
    parentPort!.postMessage({ seq: msg.seq, error: { name: (e as Error).name, message: (e as Error).message, stack: (e as Error).stack } });
  }
});
parentPort!.postMessage({ ready: true });
