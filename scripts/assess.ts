/**
 * Assess one household from the command line.
 *
 *   npm run --silent assess < household.json
 *   npm run --silent assess -- --policy rows.json [--province 52] < household.json
 *
 * --policy rows are ADDED to the built-in defaults (a row with the same id replaces the
 * default one); --province CODE resolves the policy for that province (national values
 * of the poverty line and monitoring threshold are floors).
 * stdin: the household JSON contract. stdout: the assessment (JSON, 2-space indent), exit 0.
 * Invalid JSON, input or arguments: one "path: message (中文)" line per error on stderr, exit 2.
 * Uses exactly parseHouseholdInput + resolvePolicy + assess, as the server does.
 */
import { readFileSync } from "node:fs";
import { assess } from "../lib/domain/assess";
import { mergePolicyRows, PolicyConflictError, resolvePolicy, type PolicyRow } from "../lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "../lib/domain/policy-defaults";
import {
  parseHouseholdInput,
  parsePolicyRows,
  type InputError,
} from "../lib/validation/household-input";

const USAGE = "usage: assess [--policy FILE] [--province CODE] < household.json";

class UsageError extends Error {
  constructor(readonly errors: InputError[]) {
    super("usage");
  }
}

function fail(path: string, en: string, zh: string): never {
  throw new UsageError([{ path, message: zh, messageEn: en }]);
}

interface Args {
  policyFile: string | null;
  provinceCode: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { policyFile: null, provinceCode: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a === "--policy" || a === "--province") {
      if (next === undefined || next.startsWith("--")) fail(a, "needs a value", "缺少参数值");
      if (a === "--policy") args.policyFile = next;
      else args.provinceCode = next;
      i++;
    } else if (a === "--help" || a === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      fail(String(a), `unknown argument; ${USAGE}`, "未知参数");
    }
  }
  return args;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    fail(where, `invalid JSON: ${detail}`, "JSON 格式无效");
  }
}

function loadPolicyRows(file: string | null): PolicyRow[] {
  if (file === null) return DEFAULT_POLICY_ROWS;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    fail("--policy", `cannot read file ${file}`, "无法读取政策文件");
  }
  const parsed = parsePolicyRows(parseJson(text, "--policy"));
  if (!parsed.ok) {
    throw new UsageError(parsed.errors.map((e) => ({ ...e, path: `--policy ${e.path}` })));
  }
  return mergePolicyRows(DEFAULT_POLICY_ROWS, parsed.value);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString("utf8");
}

function printErrors(errors: readonly InputError[]): void {
  for (const e of errors) process.stderr.write(`${e.path}: ${e.messageEn} (${e.message})\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const rows = loadPolicyRows(args.policyFile);
  const input = parseJson(await readStdin(), "input");
  const parsed = parseHouseholdInput(input, rows, args.provinceCode);
  if (!parsed.ok) {
    printErrors(parsed.errors);
    return 2;
  }
  const policy = resolvePolicy(rows, parsed.value.year, args.provinceCode);
  process.stdout.write(`${JSON.stringify(assess(parsed.value, policy), null, 2)}\n`);
  return 0;
}

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
    // Never a stack trace: one line naming the failure.
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  },
);
