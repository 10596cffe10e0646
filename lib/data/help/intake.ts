// Asking for help (求助), the public side: a household reports a difficulty from its card, anyone
// reports a household in difficulty on the village form. Each report is a monitoring lead with a
// response deadline (policy leadResponseWorkingDays after the day it arrived, by the work calendar).
// It lands with the household's current cadre, or the village's cadres when no household is known,
// and with the county (./leads.ts); the reporter follows it by a status link.
//
// A report id made on the device (a retry stores once and gets the same status link back), a proof
// of work used once, limits per address (hashed) and per village, a photo checked by its bytes
// (./photos.ts). Nothing in a refusal tells anything about any household.
import "server-only";
import crypto from "node:crypto";
import { db, type Db, type Tx } from "@/lib/db/client";
import { audit, type Actor } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import { today } from "@/lib/clock";
import { loadPolicyRows } from "@/lib/data/assessment";
import { resolvePolicy } from "@/lib/domain/policy";
import { responseDeadline } from "@/lib/domain/working-days";
import { loadWorkCalendar } from "@/lib/data/calendar";
import { derivedKey, addressKey } from "@/lib/security/secret";
import { hashToken, lookupHash } from "@/lib/card/token";
import { verifyPow } from "@/lib/security/pow";
import { claimOnce, hit, LIMITS } from "@/lib/ratelimit";
import { type HelpCategoryValue } from "@/lib/validation/help";
import type { HelpSource } from "@/lib/generated/prisma/client";
import { resolveCardToken } from "@/lib/data/card";
import { displayHotline } from "@/lib/domain/hotline";
import { messageKey } from "@/i18n/keys";
import { chinaDay } from "@/lib/domain/china-time";
import { preparePhoto, removePhoto, writePhoto, type PreparedPhoto } from "./photos";

type Client = Db | Tx;
const PUBLIC: Actor = { id: null, role: "public" };
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

// ───────────────────────── deadlines, villages, status links ─────────────────────────

/**
 * The response deadline of a lead received on `on` in this county (policy of that year and
 * province), in working days by the work calendar (holidays and make-up days, lib/data/calendar.ts).
 */
export async function leadDeadline(client: Client, countyId: string, on: string = today()): Promise<string> {
  const policy = resolvePolicy(await loadPolicyRows(client), Number(on.slice(0, 4)), countyId.slice(0, 2));
  return responseDeadline(on, policy.values, await loadWorkCalendar(client, on)).due;
}

/**
 * The reporter's status token: HMAC of the report id under the server's status key, so a retried
 * submission (same id, same content) gets the same link back. Only its hash is stored.
 */
export function statusTokenFor(id: string): string {
  return crypto.createHmac("sha256", derivedKey("status")).update(`help-status:${id}`).digest("base64url");
}

/** A village as the public form shows it (names and the county hotline are public). */
export async function helpVillage(villageId: string) {
  if (!/^\d{12}$/.test(villageId)) return null;
  const v = await db().region.findFirst({
    where: { id: villageId, level: "village" },
    select: { id: true, name: true, parent: { select: { name: true } } },
  });
  if (!v) return null;
  const county = await db().region.findUnique({ where: { id: villageId.slice(0, 6) }, select: { id: true, name: true, hotline: true } });
  return {
    id: v.id,
    name: v.name,
    townshipName: v.parent?.name ?? null,
    countyId: villageId.slice(0, 6),
    countyName: county?.name ?? null,
    hotline: displayHotline(county?.hotline),
  };
}

// ───────────────────────── receiving a report (public) ─────────────────────────

export interface ReportContext {
  address: string;
  now?: Date;
}

interface ProofOfWork {
  challenge: string;
  nonce: string;
}

export interface Received {
  id: string;
  deadline: string;
  /** the reporter's status link token; null when a village report left no contact */
  statusToken: string | null;
  replay: boolean;
}

/** A refusal the public form shows as is; the key is translated by the action wrapper. */
const refuse = (key: string, details?: Record<string, unknown>) => new AppError("invalid", key, details);

/**
 * What makes two submissions the same report. Never the matched household: whether a head's name
 * matches exactly one household must not show in how a replay is answered.
 */
function fingerprint(r: {
  source: string;
  villageId: string;
  householdId?: string | null;
  category: string;
  text: string;
  contact: string | null;
}): string {
  // a card report is its card's household's (known from the token, not from a name)
  return hashToken(
    JSON.stringify([r.source, r.villageId, r.source === "card" ? r.householdId : null, r.category, r.text, r.contact ?? ""]),
  );
}

/** A report already stored under this id: the same content is a retry (same answer), else refused. */
async function replayOf(id: string, incoming: Parameters<typeof fingerprint>[0] | null): Promise<Received | "other" | null> {
  const r = await db().helpRequest.findUnique({
    where: { id },
    select: {
      id: true,
      source: true,
      villageId: true,
      householdId: true,
      category: true,
      text: true,
      contact: true,
      deadline: true,
      statusTokenHash: true,
    },
  });
  if (!r) return null;
  if (!incoming || fingerprint(r) !== fingerprint(incoming)) return "other";
  return { id: r.id, deadline: isoDay(r.deadline), statusToken: r.statusTokenHash ? statusTokenFor(r.id) : null, replay: true };
}

/** The same report sent again under a new id (a second tap, a reload) within a day is refused. */
async function refuseDuplicate(
  r: { source: HelpSource; villageId: string; householdId?: string | null; category: string; text: string; contact: string | null },
  now: Date,
): Promise<void> {
  const same = await db().helpRequest.findFirst({
    where: {
      source: r.source,
      villageId: r.villageId,
      category: r.category as HelpCategoryValue,
      text: r.text,
      contact: r.contact,
      ...(r.householdId !== undefined ? { householdId: r.householdId } : {}),
      createdAt: { gt: new Date(now.getTime() - 24 * 60 * 60_000) },
    },
    select: { id: true },
  });
  if (same) throw refuse(messageKey("help.e.duplicate"));
}

/** The proof of work: signed by us, not expired, enough zero bits, and not used before. */
async function spendProofOfWork(pow: ProofOfWork, now: Date): Promise<void> {
  const verdict = verifyPow(pow.challenge, pow.nonce, now.getTime());
  if (!verdict.ok) throw refuse(verdict.reason === "expired" ? messageKey("help.e.powExpired") : messageKey("help.e.pow"));
  if (!(await claimOnce(db(), `pow:${verdict.id}`, new Date(verdict.expiresAt)))) throw refuse(messageKey("help.e.powUsed"));
}

async function limitAddress(address: string, now: Date): Promise<void> {
  const r = await hit(db(), `help:addr:${addressKey(address)}`, LIMITS.reportPerAddress, now);
  if (!r.ok) throw new AppError("rate_limited", messageKey("help.e.tooMany"), { retryAfterS: r.retryAfterS });
}

async function limitCard(householdId: string, now: Date): Promise<void> {
  const r = await hit(db(), `help:card:${householdId}`, LIMITS.reportPerCard, now);
  if (!r.ok) throw new AppError("rate_limited", messageKey("help.e.tooMany"), { retryAfterS: r.retryAfterS });
}

/**
 * Anonymous reports into a village: one address may use only a small share of the village's
 * daily budget, and when the budget runs out the county is told (an audit event, once per
 * window, and the leads page's "flooded villages" list read from the counters).
 */
async function limitVillage(village: { id: string; countyId: string }, address: string, now: Date): Promise<void> {
  const mine = await hit(db(), `help:addr-village:${addressKey(address)}:${village.id}`, LIMITS.reportPerAddressPerVillage, now);
  if (!mine.ok) throw new AppError("rate_limited", messageKey("help.e.tooMany"), { retryAfterS: mine.retryAfterS });
  const r = await hit(db(), `help:village:${village.id}`, LIMITS.reportPerVillage, now);
  if (r.ok) return;
  if (r.count === LIMITS.reportPerVillage.max + 1) {
    await audit(db(), PUBLIC, {
      action: "help.village_flooded",
      entity: "region",
      entityId: village.id,
      countyId: village.countyId,
      after: { villageId: village.id, limit: LIMITS.reportPerVillage.max, windowHours: LIMITS.reportPerVillage.windowMs / 3600_000 },
    });
  }
  throw new AppError("rate_limited", messageKey("help.e.villageBusy"), { retryAfterS: r.retryAfterS });
}

async function store(
  row: {
    id: string;
    source: HelpSource;
    villageId: string;
    countyId: string;
    householdId: string | null;
    category: HelpCategoryValue;
    text: string;
    contact: string | null;
  },
  photo: PreparedPhoto | null,
  withStatus: boolean,
  now: Date,
): Promise<Received> {
  const photoKey = photo ? await writePhoto(row.countyId, photo) : null;
  const statusToken = withStatus ? statusTokenFor(row.id) : null;
  try {
    return await db().$transaction(async (tx) => {
      const deadline = await leadDeadline(tx, row.countyId, today(now));
      await tx.helpRequest.create({
        data: {
          ...row,
          photoKey,
          photoSha256: photo ? crypto.createHash("sha256").update(photo.bytes).digest("hex") : null,
          deadline: new Date(`${deadline}T00:00:00Z`),
          statusTokenHash: statusToken ? hashToken(statusToken) : null,
        },
      });
      await audit(tx, PUBLIC, {
        action: "help.report",
        entity: "help_request",
        entityId: row.id,
        countyId: row.countyId,
        after: {
          source: row.source,
          category: row.category,
          villageId: row.villageId,
          householdId: row.householdId,
          photo: photoKey !== null,
          contact: row.contact !== null,
          deadline,
        },
      });
      return { id: row.id, deadline, statusToken, replay: false };
    });
  } catch (e) {
    await removePhoto(photoKey);
    throw e;
  }
}

/** A difficulty reported from the household's card. */
export async function receiveCardReport(
  input: { token: string; id: string; category: HelpCategoryValue; text: string; photo?: Blob; challenge: string; nonce: string },
  ctx: ReportContext,
): Promise<Received> {
  const now = ctx.now ?? new Date();
  const card = await resolveCardToken(db(), input.token);
  const incoming = card
    ? {
        source: "card",
        villageId: card.villageId,
        householdId: card.householdId,
        category: input.category,
        text: input.text,
        contact: null,
      }
    : null;
  const before = await replayOf(input.id, incoming);
  if (before === "other") throw refuse(messageKey("help.e.idTaken"));
  if (before) return before;
  const photo = input.photo ? await preparePhoto(input.photo) : null;
  await spendProofOfWork(input, now);
  await limitAddress(ctx.address, now);
  if (!card) throw new AppError("not_found", "card");
  // a household's own card is never refused by the village's anonymous budget: only its own
  await limitCard(card.householdId, now);
  await refuseDuplicate({ ...incoming!, source: "card" }, now);
  return store(
    {
      id: input.id,
      source: "card",
      villageId: card.villageId,
      countyId: card.countyId,
      householdId: card.householdId,
      category: input.category,
      text: input.text,
      contact: null,
    },
    photo,
    false, // the card page itself lists the household's reports and their outcomes
    now,
  );
}

/** Exactly one household of that head name in the village, else none (never says which). */
async function matchHousehold(villageId: string, headName: string): Promise<string | null> {
  const name = headName.trim();
  if (!name) return null;
  const rows = await db().household.findMany({ where: { villageId, headName: name }, select: { id: true }, take: 2 });
  return rows.length === 1 ? rows[0]!.id : null;
}

/** A report on the public village form: anyone, about a household they believe in difficulty. */
export async function receiveVillageReport(
  input: {
    villageId: string;
    id: string;
    category: HelpCategoryValue;
    text: string;
    headName: string;
    contact: string;
    challenge: string;
    nonce: string;
  },
  ctx: ReportContext,
): Promise<Received> {
  const now = ctx.now ?? new Date();
  const village = await helpVillage(input.villageId);
  if (!village) throw new AppError("not_found", "village");
  const contact = input.contact.trim() || null;
  const text = input.headName.trim() ? `【户主：${input.headName.trim()}】${input.text}` : input.text;
  const incoming = { source: "village_form", villageId: village.id, category: input.category, text, contact };
  const before = await replayOf(input.id, incoming);
  if (before === "other") throw refuse(messageKey("help.e.idTaken"));
  if (before) return before;
  await spendProofOfWork(input, now);
  await limitAddress(ctx.address, now);
  await limitVillage(village, ctx.address, now);
  await refuseDuplicate({ source: "village_form", villageId: village.id, category: input.category, text, contact }, now);
  // only after the proof of work and the limits: which household a name matches is never an answer
  const householdId = await matchHousehold(village.id, input.headName);
  return store(
    {
      id: input.id,
      source: "village_form",
      villageId: village.id,
      countyId: village.countyId,
      householdId,
      category: input.category,
      text,
      contact,
    },
    null,
    contact !== null,
    now,
  );
}

/** What the status link shows: the lead's own progress, nothing about any household. */
/** May this address look a report up now (a link guessed by brute force is slowed down)? */
export async function allowStatusLookup(address: string): Promise<boolean> {
  return (await hit(db(), `help:status:${addressKey(address)}`, LIMITS.statusPerAddress)).ok;
}

export async function helpStatus(presented: unknown) {
  const hash = lookupHash(presented);
  if (!hash) return null;
  const r = await db().helpRequest.findUnique({
    where: { statusTokenHash: hash },
    select: { villageId: true, category: true, source: true, createdAt: true, deadline: true, state: true, outcome: true, handledAt: true },
  });
  if (!r) return null;
  const village = await db().region.findUnique({ where: { id: r.villageId }, select: { name: true } });
  return {
    villageId: r.villageId,
    villageName: village?.name ?? "",
    category: r.category,
    source: r.source,
    receivedOn: chinaDay(r.createdAt),
    deadline: isoDay(r.deadline),
    state: r.state,
    outcome: r.outcome,
    handledOn: r.handledAt ? chinaDay(r.handledAt) : null,
  };
}
