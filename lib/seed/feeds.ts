/**
 * Demo department feeds for Wanshan (docs/department-feeds.md): one file per department, loaded
 * through the real loader after the rest of the seed, so the walkthrough has a handful of flags,
 * leads and facts — a large medical bill in a household of the demo cadre (a lead on /leads), a
 * vehicle from public security on a Danyang household (a comparison flag, shown with its source
 * when a proposal is raised and at the meeting), a housing feed old enough to be stale. Its own
 * random stream ("feeds"): nothing of the existing data is read from or changes its draws.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadFeed } from "@/lib/feeds/load";
import { memorySource } from "@/lib/import";
import { makeNationalId } from "@/lib/national-id";
import { monthsBefore, type DepartmentCode } from "@/lib/domain/feeds";
import { Rng } from "./random";
import { DANYANG_ID } from "./constants";

const COUNTY = "520603";

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function seedFeeds(
  prisma: PrismaClient,
  today: string,
): Promise<{ feeds: number; flags: number; leads: number; facts: number }> {
  const rng = new Rng("feeds");
  const official = await prisma.user.findUnique({ where: { username: "official" }, select: { id: true } });
  if (!official) return { feeds: 0, flags: 0, leads: 0, facts: 0 };
  const cadre = await prisma.user.findUnique({ where: { username: "cadre" }, select: { id: true } });
  const mine = cadre
    ? (await prisma.cadreAssignment.findMany({ where: { cadreId: cadre.id, validTo: null }, select: { householdId: true } })).map(
        (a) => a.householdId,
      )
    : [];
  const adults = await prisma.member.findMany({
    where: {
      active: true,
      nationalId: { not: null },
      household: { villageId: DANYANG_ID },
      laborCapacity: { not: "none" },
      relation: { in: ["head", "spouse"] },
    },
    select: { nationalId: true, name: true, householdId: true },
    orderBy: { nationalId: "asc" },
  });
  const pupils = await prisma.member.findMany({
    where: { active: true, nationalId: { not: null }, household: { villageId: DANYANG_ID }, schoolStatus: "enrolled" },
    select: { nationalId: true, name: true, householdId: true },
    orderBy: { nationalId: "asc" },
  });
  if (adults.length < 20 || pupils.length < 2) return { feeds: 0, flags: 0, leads: 0, facts: 0 };
  const used = new Set<string>();
  const take = (from: typeof adults, where: (m: (typeof adults)[number]) => boolean = () => true) => {
    const pool = from.filter((m) => !used.has(m.householdId) && where(m));
    const m = pool[rng.int(0, pool.length - 1)]!;
    used.add(m.householdId);
    return m;
  };
  const mineSet = new Set(mine);
  const sick = mine.length ? take(adults, (m) => mineSet.has(m.householdId)) : take(adults);
  const driver = take(adults, (m) => !mineSet.has(m.householdId));
  const smallCar = take(adults);
  const flat = take(adults);
  const shop = take(adults);
  const dibao = take(adults);
  const committee = take(adults);
  const jobless = take(adults);
  const [dropout, pupil] = [take(pupils), take(pupils)];
  const nobody = makeNationalId(COUNTY, "1986-06-06", 900 + rng.int(0, 98));

  const row = (m: { nationalId: string | null; name: string } | string, fact: string, date = "", value = "") =>
    typeof m === "string" ? `${m},${fact},${date},${value},` : `${m.nationalId},${fact},${date},${value},${m.name}`;
  const files: { department: DepartmentCode; asOf: string; name: string; rows: string[] }[] = [
    {
      department: "public_security",
      asOf: addDays(today, -8),
      name: "万山区公安局车辆登记.csv",
      rows: [row(driver, "vehicle", "", "68000"), row(smallCar, "vehicle", "", "12000"), row(nobody, "vehicle", "", "45000")],
    },
    // loaded long ago: stale on the county's page
    { department: "housing", asOf: monthsBefore(today, 5), name: "住建局商品房备案.csv", rows: [row(flat, "commercial_housing")] },
    { department: "market_regulation", asOf: addDays(today, -15), name: "市场监管局工商登记.csv", rows: [row(shop, "business")] },
    {
      department: "civil_affairs",
      asOf: addDays(today, -10),
      name: "民政局低保与村两委.csv",
      rows: [row(dibao, "dibao_start", addDays(today, -30)), row(committee, "village_committee")],
    },
    {
      department: "education",
      asOf: addDays(today, -12),
      name: "教育局学籍比对.csv",
      rows: [row(dropout, "not_enrolled"), row(pupil, "enrolled")],
    },
    {
      department: "medical_insurance",
      asOf: addDays(today, -5),
      name: "医保局大额自付费用.csv",
      rows: [row(sick, "large_bill", addDays(today, -21), "28600"), row(smallCar, "insured")],
    },
    {
      department: "human_resources",
      asOf: addDays(today, -9),
      name: "人社局失业登记.csv",
      rows: [row(jobless, "job_loss", addDays(today, -40))],
    },
  ];
  const total = { feeds: 0, flags: 0, leads: 0, facts: 0 };
  for (const f of files) {
    const text = ["national_id,fact,date,value,name", ...f.rows].join("\n") + "\n";
    const r = await loadFeed(prisma, memorySource(f.name, text), {
      actor: { id: official.id, role: "county_official" },
      scopeId: COUNTY,
      department: f.department,
      asOf: f.asOf,
      today,
      copyUrl: null,
    });
    if (!r.ok) throw new Error(`seed feed ${f.name}: ${JSON.stringify(r.issues)}`);
    total.feeds++;
    total.flags += r.counts.flags;
    total.leads += r.counts.leads;
    total.facts += r.counts.facts;
  }
  return total;
}
