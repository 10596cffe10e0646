import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_ROWS } from "@/lib/domain/policy-defaults";
import { resolvePolicy } from "@/lib/domain/policy";
import {
  canTake,
  decisionDeadline,
  resolveProcedureSettings,
  incomeAboveThresholdFor,
  nextSteps,
  PROCEDURE_STEPS,
  registeredStatusAfter,
  startProcedure,
  take,
  type ProcedureState,
  type ProcedureStep,
  type ProposalKind,
  type StepContext,
} from "@/lib/domain/procedure";
import type { MonitoringCategory } from "@/lib/domain/candidate";

const policy = resolvePolicy(DEFAULT_POLICY_ROWS, 2021).values;
const by = { actorId: "u-1", reason: "test" };

const exitOk = { householdAgreementSigned: true };
const riskOk = {
  assessments: [
    { date: "2026-05-01", perCapitaIncome: 6500, monitoringThreshold: 6300 },
    { date: "2026-08-01", perCapitaIncome: 6800, monitoringThreshold: 6300 },
    { date: "2026-11-01", perCapitaIncome: 7000, monitoringThreshold: 6300 },
  ],
  rigidExpenditureResolved: true,
  allGuaranteesMet: true,
  noLabourCapacity: false,
  livesOnSubsistenceAllowance: false,
  monitoringSince: "2026-05-01",
  measuresDelivered: 1,
};

function ctx(today: string, extra: Partial<StepContext> = {}): StepContext {
  return { today, policy, exit: exitOk, homeVerified: true, riskElimination: riskOk, openObjections: 0, ...extra };
}

function must(state: ProcedureState, step: ProcedureStep, c: StepContext): ProcedureState {
  const r = take(state, step, c, by);
  if (!r.ok) throw new Error(`${step}: ${r.missingEn.join("; ")}`);
  return r.state;
}

function start(kind: ProposalKind, category: MonitoringCategory | null = null): ProcedureState {
  return startProcedure({ kind, category, on: "2026-11-20", actorId: "cadre-1", reason: "visit" });
}

const passingMeeting = { closed: true, roster: 31, attending: 21, yes: 11 };

/** proposed .. first notice posted 2026-11-29 */
function toFirstNotice(kind: ProposalKind, category: MonitoringCategory | null = null): ProcedureState {
  let s = start(kind, category);
  s = must(s, "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
  s = must(s, "on_agenda", ctx("2026-11-22"));
  s = must(s, "voted", ctx("2026-11-28", { meeting: passingMeeting }));
  s = must(s, "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-29" }));
  return s;
}

function refusal(r: ReturnType<typeof canTake>) {
  if (r.ok) throw new Error("expected a refusal");
  return r;
}

describe("happy paths", () => {
  it("identify: two notices, county approval, announcement; 7-day notices", () => {
    let s = toFirstNotice("identify");
    expect(s.notice).toEqual({ which: "first", start: "2026-11-29", days: 7 });
    s = must(s, "township_review", ctx("2026-12-06"));
    expect(nextSteps(s)).toEqual(["second_notice"]);
    s = must(s, "second_notice", ctx("2026-12-07", { noticeStart: "2026-12-07" }));
    s = must(s, "county_approval", ctx("2026-12-14"));
    s = must(s, "announced", ctx("2026-12-15"));
    expect(nextSteps(s)).toEqual([]);
    expect(s.history.map((h) => h.step)).toEqual([
      "proposed",
      "comparison_explained",
      "on_agenda",
      "voted",
      "first_notice",
      "township_review",
      "second_notice",
      "county_approval",
      "announced",
    ]);
    expect(s.history[3]).toMatchObject({ passed: true, votes: { roster: 31, attending: 21, yes: 11 } });
    expect(s.history[4]!.notice).toEqual({ start: "2026-11-29", days: 7, end: "2026-12-05" });
    expect(s.history.every((h) => h.actorId && h.on && h.reason)).toBe(true);
  });

  it.each(["exit", "monitor", "eliminate_risk"] as const)("%s: no second notice", (kind) => {
    let s = toFirstNotice(kind, kind === "monitor" ? "marginal" : null);
    const days = kind === "exit" ? 7 : 5;
    expect(s.notice!.days).toBe(days);
    const ended = kind === "exit" ? "2026-12-06" : "2026-12-04";
    s = must(s, "township_review", ctx(ended));
    expect(nextSteps(s)).toEqual(["county_approval", "reverify"]);
    s = must(s, "county_approval", ctx(ended));
    s = must(s, "announced", ctx(ended));
    expect(s.stage).toBe("announced");
  });
});

describe("order: no skipping, no reordering", () => {
  it("nextSteps follows the procedure", () => {
    const s = start("identify");
    expect(nextSteps(s)).toEqual(["comparison_explained"]);
    expect(nextSteps({ ...s, stage: "first_notice" })).toEqual(["township_review", "reverify"]);
    expect(nextSteps({ ...s, stage: "second_notice" })).toEqual(["county_approval", "reverify"]);
    expect(nextSteps({ ...s, stage: "reverify" })).toEqual(["comparison_explained"]);
    expect(nextSteps({ ...s, stage: "voted", votePassed: false })).toEqual([]);
    expect(nextSteps({ ...s, kind: "exit", stage: "township_review" })).toEqual(["county_approval", "reverify"]);
  });

  it("every step other than the next one is refused from every stage, naming the allowed step", () => {
    const s = start("identify");
    for (const step of PROCEDURE_STEPS) {
      if (step === "comparison_explained") continue;
      const r = refusal(canTake(s, step, ctx("2026-11-21", { comparisonFlags: [] })));
      expect(r.codes).toEqual(["out_of_order"]);
      expect(r.missing[0]).toContain("不能跳过或颠倒步骤");
      expect(r.missing[0]).toContain("「比对疑点说明」");
      expect(r.missingEn[0]).toContain('"comparison flags explained"');
    }
  });

  it("the announcement cannot come straight after the vote, nor approval before the township review", () => {
    let s = start("exit");
    s = must(s, "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    s = must(s, "on_agenda", ctx("2026-11-22"));
    s = must(s, "voted", ctx("2026-11-28", { meeting: passingMeeting }));
    expect(refusal(canTake(s, "announced", ctx("2026-12-30"))).codes).toEqual(["out_of_order"]);
    s = must(s, "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-29" }));
    expect(refusal(canTake(s, "county_approval", ctx("2026-12-30"))).codes).toEqual(["out_of_order"]);
  });

  it("exit/monitor/eliminate_risk have no second notice", () => {
    let s = toFirstNotice("exit");
    s = must(s, "township_review", ctx("2026-12-06"));
    expect(refusal(canTake(s, "second_notice", ctx("2026-12-07", { noticeStart: "2026-12-07" }))).codes).toEqual(["out_of_order"]);
  });

  it("a failed vote ends the procedure", () => {
    let s = start("identify");
    s = must(s, "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    s = must(s, "on_agenda", ctx("2026-11-22"));
    s = must(s, "voted", ctx("2026-11-28", { meeting: { closed: true, roster: 31, attending: 22, yes: 11 } }));
    expect(s.votePassed).toBe(false); // exactly half of 22
    const r = refusal(canTake(s, "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-29" })));
    expect(r.codes).toEqual(["finished"]);
    expect(r.missing[0]).toBe("表决未通过，流程已结束");
  });

  it("nothing after the announcement", () => {
    let s = toFirstNotice("monitor", "sudden_hardship");
    s = must(s, "township_review", ctx("2026-12-04"));
    s = must(s, "county_approval", ctx("2026-12-04"));
    s = must(s, "announced", ctx("2026-12-05"));
    expect(refusal(canTake(s, "reverify", ctx("2026-12-05", { openObjections: 1 }))).codes).toEqual(["finished"]);
  });

  it("a step dated before the previous one is refused", () => {
    const s = start("identify");
    const r = refusal(canTake(s, "comparison_explained", ctx("2026-11-19", { comparisonFlags: [] })));
    expect(r.codes).toEqual(["before_previous_step"]);
    expect(r.missing[0]).toContain("2026-11-20");
    expect(refusal(canTake(s, "comparison_explained", ctx("2026-11-31", { comparisonFlags: [] }))).codes).toEqual(["invalid_date"]);
  });
});

describe("comparison flags", () => {
  it("needs the comparison result", () => {
    expect(refusal(canTake(start("identify"), "comparison_explained", ctx("2026-11-21"))).codes).toEqual(["comparison_missing"]);
  });
  it("lists every unexplained flag", () => {
    const r = refusal(
      canTake(
        start("identify"),
        "comparison_explained",
        ctx("2026-11-21", {
          comparisonFlags: [
            { code: "vehicle", explained: false },
            { code: "public_employee", explained: true },
            { code: "duplicate_id", explained: false },
          ],
        }),
      ),
    );
    expect(r.codes).toEqual(["comparison_unexplained", "comparison_unexplained"]);
    expect(r.missing).toEqual(["比对疑点未说明：拥有价值 3 万元以上的车辆", "比对疑点未说明：身份证号出现在其他家庭"]);
  });
  it("all explained: allowed", () => {
    expect(
      canTake(start("identify"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [{ code: "business", explained: true }] })),
    ).toEqual({ ok: true });
  });
});

describe("the vote", () => {
  function onAgenda(): ProcedureState {
    let s = start("identify");
    s = must(s, "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    return must(s, "on_agenda", ctx("2026-11-22"));
  }
  it("needs a closed meeting", () => {
    expect(refusal(canTake(onAgenda(), "voted", ctx("2026-11-28"))).codes).toEqual(["meeting_missing"]);
    expect(refusal(canTake(onAgenda(), "voted", ctx("2026-11-28", { meeting: { ...passingMeeting, closed: false } }))).codes).toEqual([
      "meeting_open",
    ]);
  });
  it("refuses without quorum (20 of 31), saying how many were needed", () => {
    const r = refusal(canTake(onAgenda(), "voted", ctx("2026-11-28", { meeting: { closed: true, roster: 31, attending: 20, yes: 15 } })));
    expect(r.codes).toEqual(["no_quorum"]);
    expect(r.missing[0]).toContain("至少 21 人");
    expect(r.missingEn[0]).toContain("at least 21 needed");
  });
  it("refuses impossible counts instead of throwing", () => {
    expect(
      refusal(canTake(onAgenda(), "voted", ctx("2026-11-28", { meeting: { closed: true, roster: 10, attending: 11, yes: 6 } }))).codes,
    ).toEqual(["meeting_counts_invalid"]);
  });
  it("passes with more than half of attendance (11 of 21), fails at half", () => {
    expect(must(onAgenda(), "voted", ctx("2026-11-28", { meeting: passingMeeting })).votePassed).toBe(true);
    expect(must(onAgenda(), "voted", ctx("2026-11-28", { meeting: { closed: true, roster: 31, attending: 21, yes: 10 } })).votePassed).toBe(
      false,
    );
  });
});

describe("notices", () => {
  it("the posting date is required and must lie between the vote and today", () => {
    let s = start("identify");
    s = must(s, "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    s = must(s, "on_agenda", ctx("2026-11-22"));
    s = must(s, "voted", ctx("2026-11-28", { meeting: passingMeeting }));
    expect(refusal(canTake(s, "first_notice", ctx("2026-11-29"))).codes).toEqual(["notice_start_missing"]);
    expect(refusal(canTake(s, "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-27" }))).codes).toEqual(["notice_start_invalid"]);
    expect(refusal(canTake(s, "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-30" }))).codes).toEqual(["notice_start_invalid"]);
    expect(canTake(s, "first_notice", ctx("2026-11-30", { noticeStart: "2026-11-28" }))).toEqual({ ok: true });
  });

  it("township review before the first notice has ended is refused with its end date", () => {
    const s = toFirstNotice("identify");
    const r = refusal(canTake(s, "township_review", ctx("2026-12-05")));
    expect(r.codes).toEqual(["notice_not_ended"]);
    expect(r.missing).toEqual(["第一次公示期尚未结束（至 2026-12-05）"]);
    expect(r.missingEn).toEqual(["The first notice period has not ended (runs through 2026-12-05)"]);
    expect(canTake(s, "township_review", ctx("2026-12-06"))).toEqual({ ok: true });
  });

  it("monitoring decisions: 5-day notice", () => {
    const s = toFirstNotice("eliminate_risk");
    expect(refusal(canTake(s, "township_review", ctx("2026-12-03"))).missing).toEqual(["第一次公示期尚未结束（至 2026-12-03）"]);
    expect(canTake(s, "township_review", ctx("2026-12-04"))).toEqual({ ok: true });
  });

  it("county approval for identification waits for the second notice", () => {
    let s = toFirstNotice("identify");
    s = must(s, "township_review", ctx("2026-12-06"));
    s = must(s, "second_notice", ctx("2026-12-07", { noticeStart: "2026-12-07" }));
    const r = refusal(canTake(s, "county_approval", ctx("2026-12-13")));
    expect(r.missing).toEqual(["第二次公示期尚未结束（至 2026-12-13）"]);
    expect(canTake(s, "county_approval", ctx("2026-12-14"))).toEqual({ ok: true });
  });

  it("an open objection blocks the next step, and both reasons are given together", () => {
    const s = toFirstNotice("exit");
    const r = refusal(canTake(s, "township_review", ctx("2026-12-02", { openObjections: 2 })));
    expect(r.codes).toEqual(["notice_not_ended", "objection_open"]);
    expect(r.missing).toEqual(["第一次公示期尚未结束（至 2026-12-05）", "有 2 条异议尚未处理"]);
    expect(refusal(canTake(s, "township_review", ctx("2026-12-06", { openObjections: 1 }))).missingEn).toEqual([
      "1 objection is still open",
    ]);
  });

  it("the objection count must be given", () => {
    const s = toFirstNotice("exit");
    expect(refusal(canTake(s, "township_review", ctx("2026-12-06", { openObjections: undefined }))).codes).toEqual(["objections_unknown"]);
  });

  it("an objection sends the proposal back to re-verification and a new vote, then a new notice", () => {
    let s = toFirstNotice("identify");
    expect(refusal(canTake(s, "reverify", ctx("2026-12-01"))).codes).toEqual(["no_objection"]);
    s = must(s, "reverify", ctx("2026-12-01", { openObjections: 1 }));
    expect(s.votePassed).toBeNull();
    expect(s.notice).toBeNull();
    expect(nextSteps(s)).toEqual(["comparison_explained"]);
    // skipping the new vote is refused
    expect(refusal(canTake(s, "first_notice", ctx("2026-12-02", { noticeStart: "2026-12-02" }))).codes).toEqual(["out_of_order"]);
    expect(refusal(canTake(s, "voted", ctx("2026-12-02", { meeting: passingMeeting }))).codes).toEqual(["out_of_order"]);
    s = must(s, "comparison_explained", ctx("2026-12-03", { comparisonFlags: [{ code: "recent_split", explained: true }] }));
    s = must(s, "on_agenda", ctx("2026-12-03"));
    s = must(s, "voted", ctx("2026-12-10", { meeting: passingMeeting }));
    expect(s.rounds).toBe(2);
    s = must(s, "first_notice", ctx("2026-12-11", { noticeStart: "2026-12-11" }));
    expect(refusal(canTake(s, "township_review", ctx("2026-12-17"))).missing).toEqual(["第一次公示期尚未结束（至 2026-12-17）"]);
    s = must(s, "township_review", ctx("2026-12-18"));
    expect(s.history.filter((h) => h.step === "voted")).toHaveLength(2);
  });

  it("an objection during the second notice also goes back", () => {
    let s = toFirstNotice("identify");
    s = must(s, "township_review", ctx("2026-12-06"));
    s = must(s, "second_notice", ctx("2026-12-07", { noticeStart: "2026-12-07" }));
    expect(refusal(canTake(s, "county_approval", ctx("2026-12-14", { openObjections: 1 }))).codes).toEqual(["objection_open"]);
    s = must(s, "reverify", ctx("2026-12-09", { openObjections: 1 }));
    expect(s.stage).toBe("reverify");
  });
});

describe("exit: home verification before the agenda, the household's own agreement before the notice", () => {
  function atApproval(): ProcedureState {
    return must(toFirstNotice("exit"), "township_review", ctx("2026-12-06"));
  }
  function voted(): ProcedureState {
    let s = must(start("exit"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    s = must(s, "on_agenda", ctx("2026-11-22"));
    return must(s, "voted", ctx("2026-11-28", { meeting: passingMeeting }));
  }
  it("the agenda needs the signed home verification, not the agreement (that comes after the vote)", () => {
    const agenda = must(start("exit"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    expect(refusal(canTake(agenda, "on_agenda", ctx("2026-11-22", { homeVerified: false }))).codes).toEqual(["home_check_missing"]);
    expect(canTake(agenda, "on_agenda", ctx("2026-11-22", { exit: { householdAgreementSigned: false } }))).toEqual({ ok: true });
  });
  it.each([
    [undefined, ["exit_evidence_missing"]],
    [{ householdAgreementSigned: false }, ["household_agreement_missing"]],
    [{ householdAgreementSigned: false, householdRefused: true }, ["household_refused"]],
  ] as const)("first notice and county approval with %j -> %j", (exit, codes) => {
    expect(refusal(canTake(voted(), "first_notice", ctx("2026-11-29", { exit, noticeStart: "2026-11-29" }))).codes).toEqual(codes);
    expect(refusal(canTake(atApproval(), "county_approval", ctx("2026-12-07", { exit }))).codes).toEqual(codes);
  });
  it("a visit read back is not an agreement: only a signed (or thumb-printed) agreement opens the notice", () => {
    const r = refusal(
      canTake(voted(), "first_notice", ctx("2026-11-29", { exit: { householdAgreementSigned: false }, noticeStart: "2026-11-29" })),
    );
    expect(r.missing).toEqual(["缺少农户本人签字（或按手印）认可退出"]);
    expect(canTake(voted(), "first_notice", ctx("2026-11-29", { noticeStart: "2026-11-29" }))).toEqual({ ok: true });
  });
  it("county approval checks the home verification again", () => {
    expect(refusal(canTake(atApproval(), "county_approval", ctx("2026-12-07", { homeVerified: false }))).codes).toEqual([
      "home_check_missing",
    ]);
  });
});

describe("home verification before the village, for every kind", () => {
  it.each([["identify"], ["monitor"], ["eliminate_risk"], ["exit"]] as const)("%s: refused at the agenda without it", (kind) => {
    const agenda = must(
      start(kind, kind === "monitor" ? "marginal" : null),
      "comparison_explained",
      ctx("2026-11-21", { comparisonFlags: [] }),
    );
    expect(refusal(canTake(agenda, "on_agenda", ctx("2026-11-22", { homeVerified: undefined }))).codes).toEqual(["home_check_missing"]);
  });
});

describe("red-line comparison flags exclude the item from the agenda", () => {
  const explainedFlag = { code: "vehicle" as const, explained: true };
  function explained(): ProcedureState {
    return must(start("monitor", "marginal"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [explainedFlag] }));
  }
  it("an explained flag is fine; the same flag marked red line refuses, whatever the explanation", () => {
    expect(canTake(explained(), "on_agenda", ctx("2026-11-22", { comparisonFlags: [explainedFlag] }))).toEqual({ ok: true });
    const r = refusal(canTake(explained(), "on_agenda", ctx("2026-11-22", { comparisonFlags: [{ ...explainedFlag, redLine: true }] })));
    expect(r.codes).toEqual(["red_line"]);
    expect(r.missing[0]).toContain("红线");
  });
  it("identification and monitoring only: an exit with the same flag is not held on the list", () => {
    const exit = must(start("exit"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [explainedFlag] }));
    expect(canTake(exit, "on_agenda", ctx("2026-11-22", { comparisonFlags: [{ ...explainedFlag, redLine: true }] }))).toEqual({ ok: true });
  });
});

describe("procedure settings from policy rows", () => {
  it("defaults, the nation's latest row, and the province's own value over it", () => {
    expect(resolveProcedureSettings([], 2026, "52")).toEqual({
      riskEliminationMonitoringMonths: 6,
      riskEliminationMinMeasures: 1,
      decisionDays: 15,
    });
    const rows = [
      { year: 2021, provinceCode: null, values: { decisionDays: 20 } },
      { year: 2024, provinceCode: null, values: { decisionDays: 15 } },
      { year: 2022, provinceCode: "52", values: { decisionDays: 10, riskEliminationMinMeasures: 2 } },
      { year: 2027, provinceCode: "52", values: { decisionDays: 5 } },
      { year: 2022, provinceCode: "53", values: { decisionDays: 30 } },
      { year: 2022, provinceCode: null, values: { riskEliminationMonitoringMonths: 0, decisionDays: "x" } },
    ];
    expect(resolveProcedureSettings(rows, 2026, "52")).toEqual({
      riskEliminationMonitoringMonths: 6,
      riskEliminationMinMeasures: 2,
      decisionDays: 10,
    });
    expect(resolveProcedureSettings(rows, 2026, "11")).toEqual({
      riskEliminationMonitoringMonths: 6,
      riskEliminationMinMeasures: 1,
      decisionDays: 15,
    });
  });
});

describe("time limits: a monitoring proposal is decided within 15 calendar days of being raised", () => {
  it("due on day 15, late from day 16, and how late", () => {
    expect(decisionDeadline("monitor", "2026-11-20", "2026-12-05", policy)).toEqual({ due: "2026-12-05", daysLate: 0, overdue: false });
    expect(decisionDeadline("monitor", "2026-11-20", "2026-12-06", policy)).toEqual({ due: "2026-12-05", daysLate: 1, overdue: true });
    expect(decisionDeadline("monitor", "2026-11-20", "2027-01-04", policy)).toMatchObject({ daysLate: 30, overdue: true });
    expect(decisionDeadline("monitor", "2026-11-20", "2026-12-06", { ...policy, decisionDays: 20 })).toMatchObject({
      due: "2026-12-10",
      overdue: false,
    });
  });
  it("other kinds have no such limit", () => {
    expect(decisionDeadline("exit", "2026-01-01", "2026-12-06", policy)).toBeNull();
  });
});

describe("eliminate_risk", () => {
  function atApproval(): ProcedureState {
    return must(toFirstNotice("eliminate_risk"), "township_review", ctx("2026-12-04"));
  }
  const today = "2026-12-04";

  it("never for a household whose members all lack labour capacity, with or without subsistence allowance", () => {
    for (const livesOnSubsistenceAllowance of [true, false]) {
      const r = refusal(
        canTake(
          atApproval(),
          "county_approval",
          ctx(today, {
            riskElimination: { ...riskOk, noLabourCapacity: true, livesOnSubsistenceAllowance },
          }),
        ),
      );
      expect(r.codes).toEqual(["no_labour_capacity"]);
      expect(r.missing[0]).toContain("暂不标注风险消除");
    }
    expect(
      canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, livesOnSubsistenceAllowance: true } })),
    ).toEqual({ ok: true });
  });

  it("needs 6 months in monitoring (a setting) and a measure delivered (a setting)", () => {
    expect(canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, monitoringSince: "2026-06-04" } }))).toEqual(
      { ok: true },
    );
    const short = refusal(
      canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, monitoringSince: "2026-06-05" } })),
    );
    expect(short.codes).toEqual(["monitoring_too_short"]);
    expect(
      refusal(canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, monitoringSince: null } }))).codes,
    ).toEqual(["monitoring_too_short"]);
    expect(
      refusal(canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, measuresDelivered: 0 } }))).codes,
    ).toEqual(["no_measure_delivered"]);
    const strict = { ...policy, riskEliminationMonitoringMonths: 12, riskEliminationMinMeasures: 2 };
    expect(refusal(canTake(atApproval(), "county_approval", ctx(today, { policy: strict }))).codes).toEqual([
      "monitoring_too_short",
      "no_measure_delivered",
    ]);
  });

  it("refused when rigid expenditure is unresolved or a guarantee unmet", () => {
    expect(
      refusal(
        canTake(
          atApproval(),
          "county_approval",
          ctx(today, { riskElimination: { ...riskOk, rigidExpenditureResolved: false, allGuaranteesMet: false } }),
        ),
      ).codes,
    ).toEqual(["rigid_expenditure_unresolved", "guarantees_unmet"]);
  });

  it("refused without evidence, at the agenda too", () => {
    expect(refusal(canTake(atApproval(), "county_approval", ctx(today, { riskElimination: undefined }))).codes).toEqual([
      "risk_evidence_missing",
    ]);
    const agenda = must(start("eliminate_risk"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    expect(refusal(canTake(agenda, "on_agenda", ctx("2026-11-22", { riskElimination: undefined }))).codes).toEqual([
      "risk_evidence_missing",
    ]);
  });

  it("refused when one recent assessment is not above the threshold", () => {
    const assessments = [...riskOk.assessments, { date: "2026-10-01", perCapitaIncome: 6300, monitoringThreshold: 6300 }];
    const r = refusal(canTake(atApproval(), "county_approval", ctx(today, { riskElimination: { ...riskOk, assessments } })));
    expect(r.codes).toEqual(["income_not_above_threshold"]);
    expect(r.missing).toEqual(["2026-10-01 人均纯收入 6,300 元，未高于监测线 6,300 元"]);
  });
});

describe("incomeAboveThresholdFor (6 months)", () => {
  const a = (date: string, income: number, threshold = 6000) => ({ date, perCapitaIncome: income, monitoringThreshold: threshold });

  it("exactly 6 months of record, all above: ok, since the anchor", () => {
    expect(incomeAboveThresholdFor([a("2026-06-04", 6001), a("2026-09-01", 6500)], "2026-12-04", 6)).toEqual({
      ok: true,
      since: "2026-06-04",
    });
  });

  it("one day short of 6 months is refused, naming the date needed", () => {
    const r = incomeAboveThresholdFor([a("2026-06-05", 7000), a("2026-09-01", 7000)], "2026-12-04", 6);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.codes).toEqual(["income_history_short"]);
      expect(r.missing[0]).toBe("收入评估记录不足 6 个月：最早一次为 2026-06-05，须有不晚于 2026-06-04 的评估");
    }
  });

  it("no assessments at all", () => {
    const r = incomeAboveThresholdFor([], "2026-12-04", 6);
    expect(!r.ok && r.missing).toEqual(["没有收入评估记录"]);
  });

  it("exactly on the threshold is not above it; one fen above is", () => {
    expect(incomeAboveThresholdFor([a("2026-01-01", 6000)], "2026-12-04", 6).ok).toBe(false);
    expect(incomeAboveThresholdFor([a("2026-01-01", 6000.01)], "2026-12-04", 6).ok).toBe(true);
  });

  it("assessments before the anchor do not count; the anchor and everything after do", () => {
    // an old dip before the window is forgiven
    expect(incomeAboveThresholdFor([a("2025-01-01", 3000), a("2026-05-01", 6500), a("2026-11-01", 6600)], "2026-12-04", 6).ok).toBe(true);
    // the anchor itself (latest on or before 2026-06-04) below: refused
    const r = incomeAboveThresholdFor([a("2026-03-01", 7000), a("2026-06-01", 5000), a("2026-11-01", 6600)], "2026-12-04", 6);
    expect(!r.ok && r.codes).toEqual(["income_not_above_threshold"]);
  });

  it("uses each assessment's own threshold", () => {
    expect(incomeAboveThresholdFor([a("2026-01-01", 6200, 6000), a("2026-07-01", 6200, 6300)], "2026-12-04", 6).ok).toBe(false);
  });

  it("month-end clamp: 6 months before 2026-08-31 is 2026-02-28", () => {
    expect(incomeAboveThresholdFor([a("2026-02-28", 7000)], "2026-08-31", 6).ok).toBe(true);
    expect(incomeAboveThresholdFor([a("2026-03-01", 7000)], "2026-08-31", 6).ok).toBe(false);
  });

  it("an assessment dated after today is refused", () => {
    const r = incomeAboveThresholdFor([a("2026-01-01", 7000), a("2026-12-05", 7000)], "2026-12-04", 6);
    expect(!r.ok && r.codes).toEqual(["assessment_in_future"]);
  });

  it("follows policy riskEliminationMonths", () => {
    const list = [a("2026-09-01", 7000)];
    expect(incomeAboveThresholdFor(list, "2026-12-04", 3).ok).toBe(true);
    expect(incomeAboveThresholdFor(list, "2026-12-04", 4).ok).toBe(false);
  });
});

describe("startProcedure", () => {
  it("monitor needs a category; other kinds take none", () => {
    expect(() => start("monitor")).toThrow(RangeError);
    expect(() => start("exit", "marginal")).toThrow(RangeError);
    expect(start("monitor", "unstable_lifted")).toMatchObject({ stage: "proposed", category: "unstable_lifted", rounds: 0 });
  });
});

describe("registeredStatusAfter: what the announcement sets", () => {
  it.each([
    ["identify", null, { registeredStatus: "registered_poor", monitoringCategory: "unchanged" }],
    ["exit", null, { registeredStatus: "lifted", monitoringCategory: "unchanged" }],
    ["monitor", "marginal", { registeredStatus: "unchanged", monitoringCategory: "marginal" }],
    ["monitor", "unstable_lifted", { registeredStatus: "unchanged", monitoringCategory: "unstable_lifted" }],
    ["monitor", "sudden_hardship", { registeredStatus: "unchanged", monitoringCategory: "sudden_hardship" }],
    ["eliminate_risk", null, { registeredStatus: "unchanged", monitoringCategory: null }],
  ] as const)("%s %s", (kind, category, want) => {
    expect(registeredStatusAfter(kind, category)).toEqual(want);
  });
  it("monitor without a category is an error", () => {
    expect(() => registeredStatusAfter("monitor")).toThrow(RangeError);
  });
});

describe("sending an item back at the review (#17 point 13): the reviewer's own return, with a reason", () => {
  it("the township reviewer returns an item at its review (first notice), no objection needed", () => {
    const s = toFirstNotice("monitor", "marginal");
    expect(refusal(canTake(s, "reverify", ctx("2026-12-06"))).codes).toEqual(["no_objection"]);
    const back = must(s, "reverify", ctx("2026-12-06", { reviewReturn: true }));
    expect(back.stage).toBe("reverify");
    expect(back.votePassed).toBeNull();
    expect(nextSteps(back)).toEqual(["comparison_explained"]);
  });
  it("the county returns an item awaiting its approval (after the township review; identify: after the second notice)", () => {
    const monitor = must(toFirstNotice("monitor", "marginal"), "township_review", ctx("2026-12-06"));
    expect(nextSteps(monitor)).toEqual(["county_approval", "reverify"]);
    expect(refusal(canTake(monitor, "reverify", ctx("2026-12-07"))).codes).toEqual(["no_objection"]);
    expect(must(monitor, "reverify", ctx("2026-12-07", { reviewReturn: true })).stage).toBe("reverify");
    let identify = must(toFirstNotice("identify"), "township_review", ctx("2026-12-06"));
    expect(nextSteps(identify)).toEqual(["second_notice"]);
    identify = must(identify, "second_notice", ctx("2026-12-07", { noticeStart: "2026-12-07" }));
    expect(must(identify, "reverify", ctx("2026-12-14", { reviewReturn: true })).stage).toBe("reverify");
  });
  it("never after the county approved, nor before the vote", () => {
    let s = must(toFirstNotice("monitor", "marginal"), "township_review", ctx("2026-12-06"));
    s = must(s, "county_approval", ctx("2026-12-07"));
    expect(refusal(canTake(s, "reverify", ctx("2026-12-08", { reviewReturn: true }))).codes).toEqual(["out_of_order"]);
    const early = must(start("monitor", "marginal"), "comparison_explained", ctx("2026-11-21", { comparisonFlags: [] }));
    expect(refusal(canTake(early, "reverify", ctx("2026-11-22", { reviewReturn: true }))).codes).toEqual(["out_of_order"]);
  });
});
