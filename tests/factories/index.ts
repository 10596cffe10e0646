// Small, explicit factories for tests: the minimum rows a case needs, with valid IDs.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { makeNationalId } from "@/lib/national-id";

export const TEST_PASSWORD = "Test-password-1";
let passwordHash: string | undefined;

export async function seedRegions(prisma: PrismaClient) {
  await prisma.region.createMany({
    data: [
      { id: "52", level: "province", name: "贵州省", zone: "west" },
      { id: "5206", parentId: "52", level: "city", name: "铜仁市", zone: "west" },
      { id: "520603", parentId: "5206", level: "county", name: "万山区", zone: "west" },
      { id: "520603201", parentId: "520603", level: "township", name: "黄道侗族乡", zone: "west" },
      { id: "520603201200", parentId: "520603201", level: "village", name: "丹阳村", zone: "west" },
      { id: "520603201201", parentId: "520603201", level: "village", name: "邻村", zone: "west" },
      { id: "520602", parentId: "5206", level: "county", name: "碧江区", zone: "west" },
      { id: "520602100", parentId: "520602", level: "township", name: "某镇", zone: "west" },
      { id: "520602100200", parentId: "520602100", level: "village", name: "碧江某村", zone: "west" },
    ],
    skipDuplicates: true,
  });
  await prisma.policyRow.createMany({
    data: DEFAULT_POLICY_ROWS.map((r) => ({ id: r.id, year: r.year, provinceId: r.provinceCode, values: r.values as object })),
    skipDuplicates: true,
  });
}

export async function createUser(
  prisma: PrismaClient,
  data: {
    username: string;
    role: "admin" | "county_official" | "cadre" | "facilitator" | "evaluator" | "auditor";
    regionId: string;
    name?: string;
  },
) {
  passwordHash ??= await hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: { username: data.username, name: data.name ?? data.username, role: data.role, regionId: data.regionId, passwordHash },
  });
}

export async function createHousehold(
  prisma: PrismaClient,
  data: {
    villageId: string;
    number: string;
    headName?: string;
    registeredStatus?: "not_registered" | "registered_poor" | "lifted";
    monitoringCategory?: "unstable_lifted" | "marginal" | "sudden_hardship";
    incomeWages?: number;
    members?: number;
    /** give every member a valid national ID (issued from `idSeq`, 0–997, for the birth dates below) */
    idSeq?: number;
  },
) {
  const countyId = data.villageId.slice(0, 6);
  const headName = data.headName ?? `户主${data.number}`;
  const n = data.members ?? 3;
  return prisma.household.create({
    data: {
      countyId,
      villageId: data.villageId,
      number: data.number,
      headName,
      registeredStatus: data.registeredStatus ?? "not_registered",
      monitoringCategory: data.monitoringCategory ?? null,
      incomeWages: data.incomeWages ?? 30000,
      members: {
        create: Array.from({ length: n }, (_, i) => ({
          countyId,
          name: i === 0 ? headName : `${headName}家人${i}`,
          sex: i % 2 === 0 ? ("male" as const) : ("female" as const),
          birthDate: new Date(Date.UTC(1970 + i * 3, 4, 1)),
          nationalId:
            data.idSeq === undefined
              ? undefined
              : makeNationalId(countyId, `${1970 + i * 3}-05-01`, 2 * Math.floor(data.idSeq / 2) + (i % 2 === 0 ? 1 : 2)),
          relation: i === 0 ? ("head" as const) : i === 1 ? ("spouse" as const) : ("child" as const),
          schoolStatus: "graduated" as const,
        })),
      },
    },
  });
}

export async function assign(prisma: PrismaClient, householdId: string, cadreId: string, validFrom = new Date("2024-01-01")) {
  const h = await prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { countyId: true } });
  return prisma.cadreAssignment.create({ data: { householdId, cadreId, countyId: h.countyId, validFrom } });
}

/** An evidence row of the household (no file behind it: for rules that only need the row). */
export async function evidenceRow(prisma: PrismaClient, householdId: string, kind: "signature" | "signed_form" | "photo" = "signed_form") {
  const h = await prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { countyId: true } });
  return prisma.evidence.create({
    data: {
      householdId,
      countyId: h.countyId,
      kind,
      fileName: `${kind}.png`,
      mimeType: "image/png",
      sizeBytes: 1,
      storageKey: `${h.countyId}/${householdId}/${kind}.png`,
      sha256: "0".repeat(64),
    },
  });
}

/** A signed home verification of the proposal's current round (入户核实), straight into the database. */
export async function homeVerified(
  prisma: PrismaClient,
  proposalId: string,
  opts: { income?: number; unmet?: string[]; recordedById?: string } = {},
) {
  const p = await prisma.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { householdId: true, countyId: true, raisedById: true },
  });
  const sig = await evidenceRow(prisma, p.householdId, "signature");
  const guarantees = Object.fromEntries(
    ["food", "clothing", "medical", "housing", "water", "education"].map((k) => [k, !(opts.unmet ?? []).includes(k)]),
  );
  return prisma.homeVerification.create({
    data: {
      id: crypto.randomUUID(),
      proposalId,
      householdId: p.householdId,
      countyId: p.countyId,
      checkedByName: "核实人",
      recordedById: opts.recordedById ?? p.raisedById ?? "test",
      checkedOn: new Date(new Date().toISOString().slice(0, 10)),
      perCapitaIncome: opts.income ?? 9000,
      guarantees,
      findings: "与档案一致",
      signatureEvidenceId: sig.id,
    },
  });
}
