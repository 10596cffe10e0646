// `npm run feeds:load -- FILE --department D --as-of YYYY-MM-DD --scope REGION [--as USERNAME] [--encoding auto|utf-8|gb18030]`
// `npm run feeds:purge` (deletes the rows of feeds older than the policy's retention; flags and leads stay)
//
// Loads one department's file (docs/department-feeds.md) as the county's feeds page does, for files
// larger than a page upload: checked first (the report names file, row, column and rule), nothing
// written unless every row passes, then matched by national ID and applied in one transaction.
// The database is the app's choice (lib/db/config.ts), as for `npm run import`.
// Exit: 0 done, 1 problems found, 2 cannot run.
import "dotenv/config";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTranslator } from "use-intl/core";
import { PrismaClient } from "../lib/generated/prisma/client";
import { databaseChoice } from "../lib/db/config";
import { createPrisma, setDb } from "../lib/db/client";
import { fixedPgliteAdapterFactory } from "../lib/db/adapter-fixes";
import { lockDataDir, openPglite } from "../lib/db/pglite-owner";
import { fileSource } from "../lib/import";
import { loadFeed } from "../lib/feeds/load";
import { purgeExpiredFeedRows } from "../lib/data/feeds";
import { isDepartment } from "../lib/domain/feeds";
import { CSV_ENCODINGS, type CsvEncoding } from "../lib/import/csv";
import { messages } from "../i18n/messages";

function fail(message: string, code = 2): never {
  console.error(`[feeds] ✖ ${message}`);
  process.exit(code);
}

async function openDatabase(): Promise<PrismaClient> {
  const choice = databaseChoice();
  if (choice.kind === "postgres") return createPrisma(choice.url, { max: 4 });
  lockDataDir(choice.dataDir);
  const lite = await openPglite(choice.dataDir);
  return new PrismaClient({ adapter: fixedPgliteAdapterFactory(lite, { closeOnDispose: true }) });
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      department: { type: "string" },
      "as-of": { type: "string" },
      scope: { type: "string" },
      as: { type: "string" },
      encoding: { type: "string", default: "auto" },
      locale: { type: "string", default: "zh-CN" },
    },
  });
  const [command, file] = positionals;
  let prisma: PrismaClient | undefined;
  let code = 0;
  try {
    prisma = await openDatabase();
    setDb(prisma);
    if (command === "purge") {
      const r = await purgeExpiredFeedRows(prisma);
      console.log(`[feeds] purged ${r.rows} rows of ${r.feeds} feeds`);
      return;
    }
    if (command !== "load" || !file)
      fail("usage: npm run feeds:load -- FILE --department D --as-of YYYY-MM-DD --scope REGION [--as USERNAME]");
    const department = values.department ?? "";
    if (!isDepartment(department)) fail(`unknown department: ${department}`);
    const asOf = values["as-of"] ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail("--as-of YYYY-MM-DD");
    const scopeId = values.scope ?? "";
    const encoding = values.encoding as CsvEncoding;
    if (!CSV_ENCODINGS.includes(encoding)) fail(`--encoding ${CSV_ENCODINGS.join("|")}`);
    const user = values.as
      ? await prisma.user.findUnique({ where: { username: values.as }, select: { id: true, role: true, regionId: true } })
      : await prisma.user.findFirst({
          where: { role: "admin", disabled: false },
          orderBy: { createdAt: "asc" },
          select: { id: true, role: true, regionId: true },
        });
    if (!user || (user.role !== "admin" && user.role !== "county_official"))
      fail("the loader must be an admin or a county official (--as)");
    // a county loads only its own people
    if (!scopeId.startsWith(user.regionId) || !(await prisma.region.findUnique({ where: { id: scopeId } })))
      fail(`scope ${scopeId} is not under ${user.regionId}`);
    const r = await loadFeed(prisma, fileSource(path.resolve(file)), {
      actor: { id: user.id, role: user.role },
      scopeId,
      department,
      asOf,
      encoding,
    });
    const locale = values.locale === "en" ? "en" : "zh-CN";
    const t = createTranslator({ locale, messages: messages[locale], namespace: "feeds" }) as unknown as (
      k: string,
      v?: Record<string, unknown>,
    ) => string;
    for (const i of r.issues) {
      const message = t(`rules.${i.rule}`, i.params ?? {});
      const where = i.row === null ? t("where.file", { file: i.file ?? "" }) : t("where.row", { file: i.file ?? "", row: i.row });
      console.log(i.column ? t("where.withColumn", { where, column: i.column, message }) : t("where.noColumn", { where, message }));
    }
    if (!r.ok) {
      console.log(t("report.failed", { count: r.issueCount }));
      code = 1;
    } else console.log(r.replay ? t("report.replay") : t("report.ok", r.counts));
    console.log(
      JSON.stringify({
        feedId: r.feedId,
        sha256: r.file.sha256,
        rows: r.file.rows,
        loader: r.loader,
        durationMs: r.durationMs,
        timings: r.timings,
      }),
    );
  } finally {
    await prisma?.$disconnect().catch(() => {});
  }
  process.exit(code);
}

void main();
