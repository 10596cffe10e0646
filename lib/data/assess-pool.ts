// The status engine on both cores: a small pool of worker threads (lib/data/assess-worker.ts)
// that assess chunks for the batch recompute and the bulk import while the calling thread reads
// and writes the database (decision 0059). The engine is pure, so a worker's answer is the one
// the calling thread would compute (lib/data/assess-chunk.ts runs in both).
//
// The workers load the TypeScript sources through tsx (as the CLI and the benchmarks run);
// where that cannot start — no sources beside the working directory, a bundle without tsx, a
// worker that fails to load — the pool assesses in the calling thread instead, with the same
// results. JINGZHUN_ASSESS_WORKERS sets the number of threads (0: always in the calling thread).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { runAssessTask, type AssessContext, type AssessTask, type AssessedRow } from "./assess-chunk";

export interface AssessPool {
  /** threads assessing (0: the calling thread does) */
  readonly threads: number;
  /** resolves, once every thread has loaded or failed to, to how many threads can take chunks */
  ready(): Promise<number>;
  run<T extends AssessTask>(task: T): Promise<T extends { kind: "recompute" } ? import("./assess-chunk").RecomputeResult[] : AssessedRow[]>;
  close(): Promise<void>;
}

/**
 * A batch of at least this many households assesses on worker threads by default. Starting a
 * thread costs about a second of CPU (tsx loads the engine's sources in it) and every chunk is
 * copied to it and back: at 50,000 households on the shared two-core machine the threads were a
 * loss (decision 0059), so smaller batches stay in the calling thread.
 */
export const POOL_MIN_HOUSEHOLDS = 200_000;

/** How many worker threads by default: JINGZHUN_ASSESS_WORKERS, else one per core up to 2. */
export function defaultAssessWorkers(env: Record<string, string | undefined> = process.env): number {
  const set = env.JINGZHUN_ASSESS_WORKERS?.trim();
  if (set && /^\d+$/.test(set)) return Number(set);
  return Math.min(2, os.availableParallelism());
}

function workerFile(): string | null {
  const file = path.join(process.cwd(), "lib", "data", "assess-worker.ts");
  return fs.existsSync(file) ? file : null;
}

/**
 * The worker's bootstrap: tsx's loader registered inside the thread, then the worker module
 * (a .ts entry given to new Worker with `--import tsx` is refused on Node 20).
 */
function bootstrap(file: string): string {
  const url = pathToFileURL(file).href;
  return `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(url)}); });`;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { task: AssessTask; resolve: (rows: AssessedRow[]) => void; reject: (e: Error) => void }>;
  ready: boolean;
  dead: boolean;
  settled: Promise<void>;
}

function inline(ctx: AssessContext): AssessPool {
  return {
    threads: 0,
    ready: async () => 0,
    run: async (task) => runAssessTask(task, ctx) as never,
    close: async () => {},
  };
}

function errorFrom(e: { name: string; message: string; stack?: string }): Error {
  const err = new Error(e.message);
  err.name = e.name; // PolicyNotFoundError is recognised by name
  if (e.stack) err.stack = e.stack;
  return err;
}

/**
 * Start `workers` threads (default defaultAssessWorkers()). Returns at once: until a thread has
 * loaded (about a second), and whenever every thread already has two chunks waiting, a chunk is
 * assessed in the calling thread; a thread that fails to load or dies leaves its chunks to the
 * calling thread too. The results are the same either way.
 */
export function createAssessPool(ctx: AssessContext, opts: { workers?: number } = {}): AssessPool {
  const n = opts.workers ?? defaultAssessWorkers();
  const file = n > 0 ? workerFile() : null;
  if (!file) return inline(ctx);
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    let worker: Worker;
    try {
      worker = new Worker(bootstrap(file), { eval: true, workerData: ctx, execArgv: [], stdout: false, stderr: false });
    } catch {
      continue;
    }
    let settle = () => {};
    const settled = new Promise<void>((r) => (settle = r));
    const slot: Slot = { worker, pending: new Map(), ready: false, dead: false, settled };
    worker.on(
      "message",
      (m: { ready?: boolean; seq?: number; rows?: AssessedRow[]; error?: { name: string; message: string; stack?: string } }) => {
        if (m.ready) {
          slot.ready = true;
          settle();
          return;
        }
        const p = slot.pending.get(m.seq!);
        if (!p) return;
        slot.pending.delete(m.seq!);
        if (m.error) p.reject(errorFrom(m.error));
        else p.resolve(m.rows!);
      },
    );
    const lost = () => {
      settle();
      if (slot.dead) return;
      slot.dead = true;
      // a thread that died: its chunks are assessed here instead (same engine, same results)
      for (const [, p] of slot.pending) {
        try {
          p.resolve(runAssessTask(p.task, ctx));
        } catch (e) {
          p.reject(e as Error);
        }
      }
      slot.pending.clear();
    };
    worker.on("error", lost);
    worker.on("exit", lost);
    worker.unref();
    slots.push(slot);
  }
  let seq = 0;
  return {
    threads: slots.length,
    ready: async () => {
      await Promise.all(slots.map((s) => s.settled));
      return slots.filter((s) => s.ready && !s.dead).length;
    },
    run: (task) => {
      const ready = slots.filter((s) => s.ready && !s.dead && s.pending.size < 2);
      if (!ready.length) return Promise.resolve().then(() => runAssessTask(task, ctx)) as never;
      const slot = ready.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = ++seq;
      return new Promise<AssessedRow[]>((resolve, reject) => {
        slot.pending.set(id, { task, resolve, reject });
        slot.worker.postMessage({ seq: id, task });
      }) as never;
    },
    close: async () => {
      for (const s of slots) s.dead = true;
      await Promise.all(slots.map((s) => s.worker.terminate().catch(() => {})));
    },
  };
}
