// The procedure's input schemas (shared by the forms and the actions): each bad input is
// reported on the field it concerns, with a message key ("v.<key>" validation, "p.<key>"
// procedure.validation). Also the pure eligibility rule and the public-notice text check.
import { describe, expect, it } from "vitest";
import {
  announceSchema,
  attendanceSchema,
  closeMeetingSchema,
  createMeetingSchema,
  exitAgreementSchema,
  explainComparisonSchema,
  objectionSchema,
  publicSafe,
  publishNoticeSchema,
  raiseProposalSchema,
  secretBallotSchema,
  stepSchema,
  voteSchema,
} from "@/lib/validation/procedure";
import { proposalEligibility } from "@/lib/domain/eligibility";
import type { z } from "zod";

const A = "6f1c1f6e-2f1a-4c55-9a43-1b1d7c1e0a01";
const B = "0b8f8e57-6a3e-4a53-8a0e-6f5f1d2f3c11";
const C = "3d6a1c2b-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

function issues(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.map(String).join(".")] ??= []).push(i.message);
  return out;
}

/** FormData as a browser posts it (repeated keys for lists), turned into the object zod sees. */
function formObject(entries: [string, string][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

describe("raise a proposal", () => {
  const valid = {
    id: A,
    householdId: B,
    kind: "monitor",
    monitoringCategory: "marginal",
    source: "application",
    reason: "户主因病住院，申请纳入监测",
    authorisationEvidenceId: C,
  };

  it("accepts a monitor proposal with its category, and any other kind without one", () => {
    expect(raiseProposalSchema.safeParse(valid).success).toBe(true);
    const exit = raiseProposalSchema.safeParse({ ...valid, kind: "exit", monitoringCategory: "" });
    expect(exit.success && exit.data.monitoringCategory).toBe(null);
  });

  it("monitoring needs a category; no other kind takes one", () => {
    expect(issues(raiseProposalSchema, { ...valid, monitoringCategory: "" })).toEqual({
      monitoringCategory: ["procedure.validation.categoryRequired"],
    });
    expect(issues(raiseProposalSchema, { ...valid, kind: "identify" })).toEqual({
      monitoringCategory: ["procedure.validation.categoryOnlyMonitor"],
    });
    expect(issues(raiseProposalSchema, { ...valid, monitoringCategory: "poor" })).toEqual({
      monitoringCategory: ["validation.unknownValue"],
    });
  });

  it("names each bad field: id, kind, source, reason", () => {
    expect(issues(raiseProposalSchema, { ...valid, id: "42" })).toEqual({ id: ["validation.invalidId"] });
    expect(issues(raiseProposalSchema, { ...valid, kind: "promote" })).toMatchObject({ kind: ["validation.unknownValue"] });
    expect(issues(raiseProposalSchema, { ...valid, source: "department" })).toEqual({ source: ["validation.unknownValue"] });
    expect(issues(raiseProposalSchema, { ...valid, reason: "   " })).toEqual({ reason: ["validation.required"] });
    expect(issues(raiseProposalSchema, { ...valid, reason: "长".repeat(501) })).toEqual({ reason: ["validation.tooLong"] });
    expect(issues(raiseProposalSchema, { ...valid, extra: 1 })).toHaveProperty("");
  });

  it("refuses a reason the public notice must not print: IDs, phone numbers, income amounts", () => {
    for (const bad of ["身份证 52060319800101123X 户", "电话 139 0000 0000", "年收入 3,200 元", "人均 4000元", "income 2800 yuan"]) {
      expect(issues(raiseProposalSchema, { ...valid, reason: bad }), bad).toEqual({ reason: ["procedure.validation.reasonNotPublic"] });
    }
    for (const ok of ["2023 年因病致贫", "家中 3 口人，主要劳动力残疾", "房屋鉴定为 C 级危房"]) expect(publicSafe(ok), ok).toBe(true);
  });
});

describe("meeting inputs", () => {
  it("a meeting needs a real date and a place", () => {
    expect(createMeetingSchema.safeParse({ id: A, date: "2026-11-28", place: "村委会" }).success).toBe(true);
    expect(issues(createMeetingSchema, { id: A, date: "2026-02-30", place: "村委会" })).toEqual({ date: ["validation.invalidDate"] });
    expect(issues(createMeetingSchema, { id: A, date: "2026-11-28", place: "" })).toEqual({ place: ["validation.required"] });
  });

  it("attendance takes one representative or the whole roster, present or not", () => {
    const r = attendanceSchema.safeParse({ meetingId: A, representativeId: "all", present: "true" });
    expect(r.success && r.data).toMatchObject({ representativeId: "all", present: true });
    expect(attendanceSchema.safeParse({ meetingId: A, representativeId: B, present: "false" }).success).toBe(true);
    expect(issues(attendanceSchema, { meetingId: A, representativeId: "everyone", present: "true" })).toHaveProperty("representativeId");
  });

  it("a vote is yes, no or abstain; the device's id is optional", () => {
    expect(voteSchema.safeParse({ meetingId: A, agendaItemId: B, representativeId: C, choice: "yes" }).success).toBe(true);
    expect(voteSchema.safeParse({ id: "", meetingId: A, agendaItemId: B, representativeId: C, choice: "abstain" }).success).toBe(true);
    expect(issues(voteSchema, { meetingId: A, agendaItemId: B, representativeId: C, choice: "maybe" })).toEqual({
      choice: ["validation.unknownValue"],
    });
  });

  it("secret-ballot counts: blank is missing (not zero), whole non-negative numbers only", () => {
    const ok = secretBallotSchema.safeParse({ meetingId: A, agendaItemId: B, yes: "12", no: "0", abstain: "3" });
    expect(ok.success && ok.data).toMatchObject({ yes: 12, no: 0, abstain: 3 });
    expect(issues(secretBallotSchema, { meetingId: A, agendaItemId: B, yes: "", no: "1", abstain: "1" })).toEqual({
      yes: ["validation.required"],
    });
    expect(issues(secretBallotSchema, { meetingId: A, agendaItemId: B, yes: "2.5", no: "1", abstain: "1" })).toEqual({
      yes: ["validation.integer"],
    });
    expect(issues(secretBallotSchema, { meetingId: A, agendaItemId: B, yes: "3", no: "-1", abstain: "1" })).toEqual({
      no: ["validation.nonNegative"],
    });
    expect(issues(secretBallotSchema, { meetingId: A, agendaItemId: B, yes: "3", no: "1", abstain: "x" })).toHaveProperty("abstain");
  });

  it("closing needs the minutes; an empty file input is no scan", () => {
    expect(issues(closeMeetingSchema, { meetingId: A, minutes: " " })).toEqual({ minutes: ["validation.required"] });
    const r = closeMeetingSchema.safeParse({ meetingId: A, minutes: "会议记录", scan: new File([], "") });
    expect(r.success && r.data.scan).toBeUndefined();
    const big = new File([new Uint8Array(8 * 1024 * 1024 + 1)], "scan.pdf", { type: "application/pdf" });
    expect(issues(closeMeetingSchema, { meetingId: A, minutes: "会议记录", scan: big })).toEqual({ scan: ["validation.fileTooLarge"] });
  });
});

describe("notices, objections and decisions", () => {
  it("a notice lists one or more proposals (one checked box arrives as a string)", () => {
    const one = publishNoticeSchema.safeParse(
      formObject([
        ["id", A],
        ["meetingId", B],
        ["proposalIds", C],
        ["startDate", "2026-11-20"],
      ]),
    );
    expect(one.success && one.data.proposalIds).toEqual([C]);
    const two = publishNoticeSchema.safeParse(
      formObject([
        ["id", A],
        ["meetingId", B],
        ["proposalIds", C],
        ["proposalIds", B],
        ["startDate", "2026-11-20"],
      ]),
    );
    expect(two.success && two.data.proposalIds).toEqual([C, B]);
    expect(issues(publishNoticeSchema, { id: A, meetingId: B, startDate: "2026-11-20" })).toEqual({
      proposalIds: ["procedure.validation.pickItems"],
    });
    expect(issues(publishNoticeSchema, { id: A, meetingId: B, proposalIds: [C], startDate: "20.11.2026" })).toEqual({
      startDate: ["validation.invalidDate"],
    });
    expect(issues(announceSchema, { id: A, proposalIds: ["x"] })).toEqual({ "proposalIds.0": ["validation.invalidId"] });
  });

  it("an objection needs its text; who and how to reach them are optional", () => {
    expect(objectionSchema.safeParse({ id: A, proposalId: B, text: "该户有车" }).success).toBe(true);
    expect(issues(objectionSchema, { id: A, proposalId: B, text: "" })).toEqual({ text: ["validation.required"] });
  });

  it("a decision carries the version seen and its reason", () => {
    expect(stepSchema.safeParse({ proposalId: A, version: "3", reason: "同意" }).success).toBe(true);
    expect(issues(stepSchema, { proposalId: A, version: "0", reason: "同意" })).toEqual({ version: ["validation.positive"] });
    expect(issues(stepSchema, { proposalId: A, version: "3", reason: "" })).toEqual({ reason: ["validation.required"] });
    expect(explainComparisonSchema.safeParse({ proposalId: A, version: 2 }).success).toBe(true);
  });

  it("an exit agreement: agreed with a signature or a form photo, or refused with the reason", () => {
    const png = new File([new Uint8Array([0x89, 0x50])], "s.png", { type: "image/png" });
    expect(
      exitAgreementSchema.safeParse({ id: A, proposalId: B, version: 1, outcome: "agreed", method: "signature", signature: png }).success,
    ).toBe(true);
    expect(issues(exitAgreementSchema, { id: A, proposalId: B, version: 1, outcome: "agreed", method: "signature" })).toEqual({
      signature: ["procedure.validation.signatureRequired"],
    });
    expect(issues(exitAgreementSchema, { id: A, proposalId: B, version: 1, outcome: "agreed", method: "thumbprint_form" })).toEqual({
      formPhoto: ["procedure.validation.formPhotoRequired"],
    });
    expect(issues(exitAgreementSchema, { id: A, proposalId: B, version: 1, outcome: "agreed" })).toEqual({
      method: ["validation.required"],
    });
    expect(issues(exitAgreementSchema, { id: A, proposalId: B, version: 1, outcome: "refused", refusalReason: " " })).toEqual({
      refusalReason: ["procedure.validation.refusalReasonRequired"],
    });
    expect(exitAgreementSchema.safeParse({ id: A, proposalId: B, version: 1, outcome: "refused", refusalReason: "不同意" }).success).toBe(
      true,
    );
  });

  it("a monitoring application carries the household's signed authorisation", () => {
    const base = { id: A, householdId: B, kind: "monitor", monitoringCategory: "marginal", reason: "户主申请" };
    expect(issues(raiseProposalSchema, { ...base, source: "application" })).toEqual({
      authorisation: ["procedure.validation.authorisationRequired"],
    });
    expect(raiseProposalSchema.safeParse({ ...base, source: "application", authorisationEvidenceId: C }).success).toBe(true);
    expect(raiseProposalSchema.safeParse({ ...base, source: "cadre" }).success).toBe(true);
  });
});

describe("which proposals a registered status admits", () => {
  const h = (registeredStatus: "not_registered" | "registered_poor" | "lifted", monitoringCategory: "marginal" | null = null) => ({
    registeredStatus,
    monitoringCategory,
  });
  it("identify, exit, monitor (by category) and eliminate risk", () => {
    expect(proposalEligibility("identify", null, h("not_registered"))).toBeNull();
    expect(proposalEligibility("identify", null, h("registered_poor"))).toBe("identify_already_registered");
    expect(proposalEligibility("exit", null, h("registered_poor"))).toBeNull();
    expect(proposalEligibility("exit", null, h("lifted"))).toBe("exit_not_registered");
    expect(proposalEligibility("monitor", "marginal", h("not_registered"))).toBeNull();
    expect(proposalEligibility("monitor", "marginal", h("lifted"))).toBe("marginal_needs_unregistered");
    expect(proposalEligibility("monitor", "unstable_lifted", h("lifted"))).toBeNull();
    expect(proposalEligibility("monitor", "unstable_lifted", h("not_registered"))).toBe("unstable_needs_lifted");
    expect(proposalEligibility("monitor", "sudden_hardship", h("lifted"))).toBeNull();
    expect(proposalEligibility("monitor", "sudden_hardship", h("registered_poor"))).toBe("monitor_registered_poor");
    expect(proposalEligibility("monitor", "sudden_hardship", h("lifted", "marginal"))).toBe("monitor_already_monitored");
    expect(proposalEligibility("eliminate_risk", null, h("not_registered", "marginal"))).toBeNull();
    expect(proposalEligibility("eliminate_risk", null, h("not_registered"))).toBe("eliminate_not_monitored");
  });
});
