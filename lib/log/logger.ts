// The app's structured log: JSON lines on stdout (pino), one object per event. What a line may
// carry is decided in scrub.ts: never personal data. LOG_LEVEL sets the level (info by default;
// "silent" under the test runner unless LOG_LEVEL says otherwise).
import pino, { type DestinationStream, type Logger } from "pino";
import { errorForLog } from "./scrub";

const g = globalThis as typeof globalThis & { __jzLog?: Logger };

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.VITEST ? "silent" : "info";
}

function create(destination?: DestinationStream): Logger {
  return pino(
    {
      level: defaultLevel(),
      base: { app: "jingzhun" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

export function log(): Logger {
  return (g.__jzLog ??= create());
}

/** Tests: send the log to a stream of their own (and back to stdout with no argument). */
export function setLogDestination(destination?: DestinationStream, level = "info"): void {
  g.__jzLog = create(destination);
  g.__jzLog.level = level;
}

/**
 * An unexpected error, with the reference the user was shown (`ref`: an action's reference or
 * Next's error digest) and where it happened. Only scrubbed fields (scrub.ts).
 */
export function logError(
  e: unknown,
  fields: { ref?: string; action?: string; route?: string; reqId?: string; [k: string]: unknown },
  msg = "error",
): void {
  log().error({ ...fields, err: errorForLog(e) }, msg);
}
