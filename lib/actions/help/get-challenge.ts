"use server";
// A proof-of-work challenge for the public report forms (signed, 10 minutes, used once).
// Public: no session. Counted per address (hashed) so it cannot be farmed in bulk.
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/result";
import { issueChallenge } from "@/lib/security/pow";
import { addressKey } from "@/lib/security/secret";
import { clientAddress } from "@/lib/http/request";
import { db } from "@/lib/db/client";
import { hit, LIMITS } from "@/lib/ratelimit";

export async function getChallenge(): Promise<ActionResult<{ challenge: string; bits: number }>> {
  const limit = await hit(db(), `pow:issue:${addressKey(await clientAddress())}`, LIMITS.challengePerAddress);
  if (!limit.ok) {
    const t = await getTranslations("help");
    return { ok: false, code: "rate_limited", message: t("e.tooMany") };
  }
  const c = issueChallenge();
  return { ok: true, data: { challenge: c.challenge, bits: c.bits } };
}
