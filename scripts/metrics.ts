/**
 * County exit metrics from the command line, by the same domain function the county page
 * and the evaluator's report use (lib/domain/exit-metrics.ts countyExitMetrics).
 *
 *   npm run --silent metrics < county.json
 *   npm run --silent metrics -- [--policy rows.json] [--province 52] < county.json
 *
 * stdin: { "zone": "east"|"central"|"west",
 *          "population": { "rural", "registeredPoor", "lifted", "notRegistered" },   (people)
 *          "sample": [ { "registeredStatus", "people", "finding", "approval" } ],
 *          "year": optional, the policy year (default: the latest built-in) }
 * stdout (exit 0): { wronglyLiftedRate, missedRate, comprehensiveIncidence, approvalRate, pass }
 *   rates in percent, unrounded; a rate whose denominator is 0 is null and does not pass.
 * Invalid JSON, input or arguments: one "path: message (中文)" line per error on stderr, exit 2
 * (paths like population.rural, sample.3.finding).
 */
import { readFileSync } from "node:fs";
import { countyExitMetrics } from "../lib/domain/exit-metrics";
import { mergePolicyRows, PolicyConflictError, PolicyNotFoundError, resolvePolicy, type PolicyRow } from "../lib/domain/policy";
import { DEFAULT_POLICY_ROWS } from "../lib/domain/policy-defaults";
import { parsePolicyRows, type InputError } from "../lib/validation/household-input";
import { parseCountyMetricsInput } from "../lib/validation/metrics-input";

const USAGE = "usage: metrics [--policy FILE] [--province CODE] < county.json";

class UsageError extends Error {
  constructor(readonly errors: InputError[]) {
    super("usage");
  }
}

function fail(path: string, en: string, zh: string): never {
  throw new UsageError([{ path, message: zh, messageEn: en }]);
}

function parseArgs(argv: readonly string[]): { policyFile: string | null; provinceCode: string | null } {
  const args = { policyFile: null as string | null, provinceCode: null as string | null };
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
  if (!parsed.ok) throw new UsageError(parsed.errors.map((e) => ({ ...e, path: `--policy ${e.path}` })));
  return mergePolicyRows(DEFAULT_POLICY_ROWS, parsed.value);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

function printErrors(errors: readonly InputError[]): void {
  for (const e of errors) process.stderr.write(`${e.path}: ${e.messageEn} (${e.message})\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const rows = loadPolicyRows(args.policyFile);
  const parsed = parseCountyMetricsInput(parseJson(await readStdin(), "input"));
  if (!parsed.ok) {
    printErrors(parsed.errors);
    return 2;
  }
  const year = parsed.value.year ?? Math.max(...rows.map((r) => r.year));
  let policy;
  try {
    policy = resolvePolicy(rows, year, args.provinceCode);
  } catch (e) {
    if (e instanceof PolicyNotFoundError) fail("year", e.message, "该年度没有完整的政策设置");
    throw e;
  }
  const m = countyExitMetrics(parsed.value, policy.values);
  const out = {
    wronglyLiftedRate: m.wronglyLiftedRate,
    missedRate: m.missedRate,
    comprehensiveIncidence: m.comprehensiveIncidence,
    approvalRate: m.approvalRate,
    pass: m.pass,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
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
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  },
);
