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
import { countyExitMetrics } from "../lib/domain/exit-metrics";
import { PolicyNotFoundError, resolvePolicy } from "../lib/domain/policy";
import { parseCountyMetricsInput } from "../lib/validation/metrics-input";
import { fail, loadPolicyRows, parseJson, parsePolicyArgs, printErrors, readStdin, runCli } from "./lib/policy-cli";

const USAGE = "usage: metrics [--policy FILE] [--province CODE] < county.json";

async function main(): Promise<number> {
  const args = parsePolicyArgs(process.argv.slice(2), USAGE);
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

runCli(main);
