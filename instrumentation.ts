// Runs once when a Next.js server starts: resume batch recomputes a stopped server left unfinished.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ resumeRecomputeJobs }, { db }] = await Promise.all([import("./lib/data/recompute"), import("./lib/db/client")]);
  await resumeRecomputeJobs(db()).catch((e) => console.error("[recompute] resume failed:", (e as Error).message));
}
