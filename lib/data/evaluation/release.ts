// The embargo's end: the moment the county and its villages may learn the sample ("the evening
// before" the field check). Set by the team, always in the future when set; once it has passed
// the sample is out and the time can no longer be moved.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { audit, actorOf } from "@/lib/audit";
import { AppError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/auth/session";
import { lockForWrite } from "./access";
import { chinaDateTime } from "@/lib/domain/china-time";

export async function setRelease(
  viewer: Viewer,
  input: { evaluationId: string; releaseAt: Date },
  now = new Date(),
): Promise<{ releaseAt: Date }> {
  const t = await getTranslations("evaluation");
  if (input.releaseAt.getTime() <= now.getTime()) {
    const message = t("errors.releaseInPast", { now: chinaDateTime(now), given: chinaDateTime(input.releaseAt) });
    throw new AppError("invalid", message, { fieldErrors: { releaseAt: [message] } });
  }
  return db().$transaction(async (tx) => {
    const e = await lockForWrite(tx, viewer, input.evaluationId, ["draft", "drawn"], t("errors.closed"), t("errors.closed"));
    if (e.releaseAt && e.releaseAt.getTime() <= now.getTime())
      throw new AppError("conflict", t("errors.alreadyReleased", { at: chinaDateTime(e.releaseAt) }));
    await tx.evaluation.update({ where: { id: e.id }, data: { releaseAt: input.releaseAt, version: { increment: 1 } } });
    await audit(tx, actorOf(viewer), {
      action: "evaluation.release",
      entity: "evaluation",
      entityId: e.id,
      before: { releaseAt: e.releaseAt },
      after: { releaseAt: input.releaseAt, countyId: e.countyId },
    });
    return { releaseAt: input.releaseAt };
  });
}
