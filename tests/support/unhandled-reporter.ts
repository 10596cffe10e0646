// A Vitest reporter that writes the run's unhandled errors (message, code, the first lines of
// the stack, the test file they were seen in) to the JSON file named by JZ_UNHANDLED_FILE, so
// that `npm test`'s summary can repeat them at its end, where a CI log excerpt shows them.
import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

type SerializedError = { message?: string; name?: string; stack?: string; code?: unknown; VITEST_TEST_PATH?: string; [k: string]: unknown };

export default class UnhandledReporter implements Reporter {
  onTestRunEnd(_modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    const file = process.env.JZ_UNHANDLED_FILE;
    if (!file) return;
    const out = errors.map((e) => ({
      name: e.name ?? "Error",
      message: String(e.message ?? "").slice(0, 2000),
      code: e.code === undefined ? undefined : String(e.code),
      testFile: e.VITEST_TEST_PATH,
      stack: String(e.stack ?? "")
        .split("\n")
        .slice(0, 12)
        .join("\n"),
    }));
    fs.writeFileSync(file, JSON.stringify(out, null, 2));
  }
}
