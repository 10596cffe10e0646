// The migrations as SQL, in order: the same files `prisma migrate deploy` applies.
import fs from "node:fs";
import path from "node:path";

export function migrationSql(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}
