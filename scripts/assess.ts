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
import { assess } from "../lib/domain/assess";
import { resolvePolicy } from "../lib/domain/policy";
import { parseHouseholdInput } from "../lib/validation/household-input";
import { loadPolicyRows, parseJson, parsePolicyArgs, printErrors, readStdin, runCli } from "./lib/policy-cli";

const USAGE = "usage: assess [--policy FILE] [--province CODE] < household.json";

async function main(): Promise<number> {
  const args = parsePolicyArgs(process.argv.slice(2), USAGE);
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

runCli(main);
