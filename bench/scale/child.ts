// Running one measured step in a child process: the step reports its own duration and peak RSS
// (process.resourceUsage().maxRSS) as a "RESULT {json}" line on stdout; progress lines go to
// stderr and are passed through. The parent bounds the step by a timeout (SIGTERM, then SIGKILL).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { ROOT } from "./target";

export interface ChildResult<T> {
  ok: boolean;
  /** the step's own report, when it finished */
  result?: T;
  /** why it did not */
  reason?: string;
  wallMs: number;
}

/** In the child: print the result line the parent reads. */
export function report(result: object): void {
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, maxRssMb })}\n`);
}

/** `script` is relative to the repository root. */
export function runChild<T>(
  script: string,
  args: string[],
  opts: { timeoutMs: number; env?: Record<string, string>; onLine?: (l: string) => void },
): Promise<ChildResult<T>> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let result: T | undefined;
    let timedOut = false;
    const tail: string[] = [];
    readline.createInterface({ input: child.stdout! }).on("line", (l) => {
      if (l.startsWith("RESULT ")) result = JSON.parse(l.slice(7)) as T;
      else opts.onLine?.(l);
    });
    readline.createInterface({ input: child.stderr! }).on("line", (l) => {
      tail.push(l);
      if (tail.length > 40) tail.shift();
      opts.onLine?.(l);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    }, opts.timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - t0;
      if (code === 0) resolve({ ok: true, result, wallMs });
      else if (timedOut) resolve({ ok: false, reason: `stopped after the ${Math.round(opts.timeoutMs / 1000)} s bound`, wallMs });
      else resolve({ ok: false, reason: `exit ${code ?? signal}: ${tail.slice(-8).join(" | ").slice(0, 1500)}`, wallMs });
    });
  });
}
