// `npm run seed:feeds`: the demo department feeds (lib/seed/feeds.ts) on an already seeded database,
// run with the react-server condition the loader needs. Loading the same files again creates nothing.
import "dotenv/config";
import { createPrisma, setDb } from "../lib/db/client";
import { databaseChoice } from "../lib/db/config";
import { seedFeeds } from "../lib/seed/feeds";
import { DEFAULT_TODAY } from "../lib/seed/constants";

async function main() {
  const choice = databaseChoice();
  if (choice.kind !== "postgres") throw new Error("set DATABASE_URL (PostgreSQL, or the address npm run db:serve prints)");
  const prisma = createPrisma(choice.url, { max: 2 });
  setDb(prisma);
  console.log(JSON.stringify(await seedFeeds(prisma, DEFAULT_TODAY)));
  await prisma.$disconnect();
}

void main();
