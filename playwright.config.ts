// End-to-end tests in Debian's Chromium (never a downloaded browser) against `next start`
// on a fresh embedded PGlite: the same path a newcomer's `npm start` takes, seed included.
import { defineConfig, devices } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";

const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "jz-e2e-"));
process.env.E2E_DATA_DIR = dataDir; // workers re-read the config: keep one folder per run
// the server serves its PGlite on this port; the specs write their own rows through it (tests/e2e/data.ts)
const dbPort = Number(process.env.E2E_DB_PORT ?? port + 20_000);
process.env.E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?pglite=1`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // two spec files at a time (each spec makes its own rows; E2E_WORKERS=1 for one: decision 0050); tests within a file in order
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } }, testIgnore: /\.phone\.spec\.ts$/ },
    {
      name: "phone",
      use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
      testMatch: /\.phone\.spec\.ts$/,
    },
  ],
  webServer: {
    command: "npx tsx scripts/run.ts start",
    url: `http://127.0.0.1:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      JINGZHUN_DATA_DIR: dataDir,
      JINGZHUN_PGLITE_PORT: String(dbPort),
      DATABASE_URL: "",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      UPLOAD_DIR: path.join(dataDir, "uploads"),
      // one JSON line per request would bury the test output; warnings and errors still show
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
