// What the policy CLIs (`npm run assess`, `npm run metrics`) share: `--policy FILE` (rows added to
// the built-in defaults, a row with the same id replacing one) and `--province CODE`, JSON from
// stdin, and their error contract — one "path: message (中文)" line per error on stderr, exit 2;
// any other failure one line, exit 1; never a stack trace.
import { readFileSync } from "node:fs";
import { mergePolicyRows, PolicyConflictError, type PolicyRow } from "../../lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "../../lib/domain/policy-defaults";
import { parsePolicyRows, type InputError } from "../../lib/validation/household-input";

export class UsageError extends Error {
  constructor(readonly errors: InputError[]) {
    super("usage");
  }
}

export function fail(path: string, en: string, zh: string): never {
  throw new UsageError([{ path, message: zh, messageEn: en }]);
}

export interface PolicyArgs {
  policyFile: string | null;
  provinceCode: string | null;
}

export function parsePolicyArgs(argv: readonly string[], usage: string): PolicyArgs {
  const args: PolicyArgs = { policyFile: null, provinceCode: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === "--policy" || a === "--province") {
      if (next === undefined || next.startsWith("--")) fail(a, "needs a value", "缺少参数值");
      if (a === "--policy") args.policyFile = next;
      else args.provinceCode = next;
      i++;
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else {
      fail(String(a), `unknown argument; ${usage}`, "未知参数");
    }
  }
  return args;
}

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    fail(where, `invalid JSON: ${detail}`, "JSON 格式无效");
  }
}

export function loadPolicyRows(file: string | null): PolicyRow[] {
  if (file === null) return DEFAULT_POLICY_ROWS;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    fail("--policy", `cannot read file ${file}`, "无法读取政策文件");
  }
  const parsed = parsePolicyRows(parseJson(text, "--policy"));
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => ({ ...e, path: `--policy ${e.path}` })));
  return mergePolicyRows(DEFAULT_POLICY_ROWS, parsed.value);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export function printErrors(errors: readonly InputError[]): void {
  for (const e of errors) process.stderr.write(`${e.path}: ${e.messageEn} (${e.message})\n`);
}

/** Runs a CLI's main and turns its outcome into the exit code and stderr lines of the contract. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof UsageError) {
        printErrors(e.errors);
        process.exitCode = 2;
        return;
      }
      if (e instanceof PolicyConflictError) {
        process.stderr.write(`--policy: ${e.message} (政策设置冲突)\n`);
        process.exitCode = 2;
        return;
      }
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      process.stderr.write(`error: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
