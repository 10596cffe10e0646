// `npm run import -- DIR [--dry-run] [--as USERNAME] [--scope CODE] [--locale zh-CN|en] [--encoding auto|utf-8|gb18030]`
//
// Imports the CSV (or .xlsx) files of docs/import-format.md from DIR (lib/import): every row is checked
// first and the problems are listed (file, row, column, rule); nothing is written unless all
// pass; then one transaction writes, assesses the new households and records one audit event.
// The database is the app's choice (lib/db/config.ts): DATABASE_URL, else the PGlite folder,
// which this process then opens itself — so the app must not be running on it.
// Exit: 0 done (or a clean dry run), 1 problems found, 2 cannot run.
import "dotenv/config";
import path from "node:path";
import { parseArgs } from "node:util";
// next-intl's own createTranslator (it re-exports use-intl/core); imported from there because
// under --conditions=react-server (for lib/import's server-only guard) "next-intl" pulls React hooks
import { createTranslator } from "use-intl/core";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice, redactUrl } from "../lib/db/config";
import { createPrisma } from "../lib/db/client";
import { fixedPgliteAdapterFactory } from "../lib/db/adapter-fixes";
import { DataDirBusyError, lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { formatIssue, importDirectory, type ImportProgress, type ImportReport } from "../lib/import";
import { CSV_ENCODINGS, type CsvEncoding } from "../lib/import/csv";
import { messages } from "../i18n/messages";

const USAGE =
  "usage: npm run import -- DIR [--dry-run] [--as USERNAME] [--scope REGION_CODE] [--locale zh-CN|en] [--encoding auto|utf-8|gb18030]";

type Translate = (key: string, values?: Record<string, string | number>) => string;

function fail(message: string, code = 2): never {
  console.error(`[import] ✖ ${message}`);
  process.exit(code);
}

async function openDatabase(): Promise<{ prisma: PrismaClient; label: string }> {
  const choice = databaseChoice();
  if (choice.kind === "postgres") return { prisma: createPrisma(choice.url, { max: 4 }), label: `PostgreSQL ${redactUrl(choice.url)}` };
  try {
    lockDataDir(choice.dataDir);
  } catch (e) {
    if (!(e instanceof DataDirBusyError)) throw e;
    fail(
      `PGlite 数据目录 ${choice.dataDir} 正被进程 ${e.pid}（多半是 npm run dev / npm start）使用，同一目录只能由一个进程打开。\n` +
        `  可以：停止它再导入；或在应用中使用“管理 → 批量导入”；或把 DATABASE_URL 设为它启动时打印的地址（postgresql://…?pglite=1）再运行本命令。\n` +
        `  (The PGlite folder is open in process ${e.pid}, probably npm run dev / npm start; only one process may open it. Either stop it\n` +
        `  and run the import again, use Admin → Bulk import in the running app, or set DATABASE_URL to the address it printed at start\n` +
        `  (postgresql://…?pglite=1) and run this command again.)`,
    );
  }
  const lite = await openPglite(choice.dataDir);
  return {
    prisma: new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite, { closeOnDispose: true }) }),
    label: `PGlite ${choice.dataDir}`,
  };
}

async function actorFor(prisma: PrismaClient, username: string | undefined) {
  const user = username
    ? await prisma.user.findUnique({
        where: { username },
        select: { id: true, role: true, regionId: true, username: true, disabled: true },
      })
    : await prisma.user.findFirst({
        where: { role: "admin", disabled: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, regionId: true, username: true, disabled: true },
      });
  if (!user)
    fail(
      username ? `没有用户 ${username} (no user ${username})` : "没有管理员账户，请用 --as 指定操作人 (no admin user: name one with --as)",
    );
  if (user.disabled) fail(`用户 ${user.username} 已停用 (user ${user.username} is disabled)`);
  return user;
}

function progressLine(t: Translate, p: ImportProgress): string {
  const pct = p.totalBytes ? ` ${Math.min(100, Math.round((100 * p.bytes) / p.totalBytes))}%` : "";
  const base = `[import] ${(p.elapsedMs / 1000).toFixed(0)} s ${t(`phase.${p.phase}`)}`;
  if (p.phase === "read") return `${base} ${p.file ?? ""}${pct} · ${t("progress.rows", { rows: p.rows, rate: p.rowsPerSecond })}`;
  if (p.phase === "assess") return `${base} · ${t("progress.households", { done: p.done ?? 0, total: p.total ?? 0 })}`;
  return `${base}${p.step ? ` · ${p.step}` : ""}`;
}

function printReport(t: Translate, r: ImportReport) {
  for (const f of r.files)
    console.log(
      `[import]   ${f.name.padEnd(15)} ${String(f.rows).padStart(10)} rows  sha256 ${f.sha256}  ${f.format === "xlsx" ? "xlsx" : (f.encoding ?? "")}`,
    );
  const c = r.counts;
  console.log(
    `[import] ${t("counts.regions")} +${c.regions.inserted} / ${c.regions.skipped} · ${t("counts.households")} +${c.households.inserted} / ${c.households.skipped} · ${t("counts.members")} +${c.members.inserted} / ${c.members.skipped} · ${t("counts.assessments")} ${c.assessments}   (${t("counts.inserted")} / ${t("counts.skipped")})`,
  );
  if (r.issueCount === 0) return;
  console.error(`[import] ${t("result.failedTitle", { count: r.issueCount })}`);
  for (const [file, count] of Object.entries(r.issuesByFile))
    console.error(`[import]   ${t("result.byFile", { file, count: count ?? 0 })}`);
  for (const issue of r.issues) console.error(`  ${formatIssue(t, issue)}`);
  if (r.truncated) console.error(`[import] ${t("result.truncated", { shown: r.issues.length, count: r.issueCount })}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      as: { type: "string" },
      scope: { type: "string", default: "" },
      locale: { type: "string", default: "zh-CN" },
      encoding: { type: "string", default: "auto" },
    },
  });
  if (!(CSV_ENCODINGS as readonly string[]).includes(values.encoding!)) fail(USAGE);
  const dir = positionals[0];
  if (!dir || positionals.length > 1) fail(USAGE);
  const locale = values.locale === "en" ? "en" : "zh-CN";
  const t = createTranslator({ locale, messages: messages[locale], namespace: "bulkImport" }) as unknown as Translate;
  const folder = path.resolve(dir);

  let choiceLabel = "";
  let prisma: PrismaClient | undefined;
  let code = 2;
  try {
    const opened = await openDatabase();
    prisma = opened.prisma;
    choiceLabel = opened.label;
    const [ready] = await prisma.$queryRawUnsafe<{ ok: boolean }[]>(`SELECT to_regclass('household') IS NOT NULL AS ok`);
    if (!ready?.ok)
      fail(
        `数据库尚未迁移，请先运行 npm run db:migrate 或 npm run dev (the database has no tables yet: run npm run db:migrate first) — ${choiceLabel}`,
      );
    const user = await actorFor(prisma, values.as);
    console.log(`[import] ${folder} → ${choiceLabel} as ${user.username}${values["dry-run"] ? " (dry run)" : ""}`);
    let last = 0;
    let lastPhase = "";
    const report = await importDirectory(prisma, folder, {
      actor: { id: user.id, role: user.role },
      scope: values.scope,
      dryRun: values["dry-run"],
      encoding: values.encoding as CsvEncoding,
      onProgress: (p) => {
        const now = Date.now();
        if (p.phase === lastPhase && now - last < 2000) return;
        last = now;
        lastPhase = p.phase;
        console.log(progressLine(t, p));
      },
    });
    printReport(t, report);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const perSecond = report.durationMs ? Math.round((report.counts.households.rows * 1000) / report.durationMs) : 0;
    console.log(
      `[import] ${report.ok ? "✔" : "✖"} ${(report.durationMs / 1000).toFixed(1)} s, ${perSecond} households/s, loader ${report.loader}, peak RSS ${peak} MB`,
    );
    code = report.ok ? 0 : 1;
  } catch (e) {
    const lines = (e instanceof Error ? e.message : String(e))
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    console.error(`[import] ✖ ${lines[lines.length - 1] ?? "unknown error"}`);
    if (process.env.DEBUG) console.error(e);
    code = 2;
  } finally {
    await prisma?.$disconnect().catch(() => {});
  }
  process.exit(code);
}

void main();
