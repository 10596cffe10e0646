// The visit schema (shared by the form and the action): each bad input is reported on the
// field it concerns, with a message key of the validation namespace.
import { describe, expect, it } from "vitest";
import { makeVisitSchema } from "@/lib/validation/visit";
import { diffFacts, factsFromRecord, pruneChanges } from "@/lib/validation/visit-facts";
import { sniffMime } from "@/lib/validation/file-type";
import { makeNationalId } from "@/lib/national-id";

const TODAY = "2026-11-20";
const schema = makeVisitSchema(() => TODAY);

const valid = {
  clientVisitId: "6f1c1f6e-2f1a-4c55-9a43-1b1d7c1e0a01",
  householdId: "0b8f8e57-6a3e-4a53-8a0e-6f5f1d2f3c11",
  baseVersion: 3,
  date: TODAY,
  mode: "home",
  findings: "家中粮食充足，住房完好。",
  confirmation: "read_back",
};

function issuesOf(input: Record<string, unknown>) {
  const r = schema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.map(String).join(".")] ??= []).push(i.message);
  return out;
}

describe("visit schema", () => {
  it("accepts a plain visit and fills the defaults", () => {
    const r = schema.safeParse(valid);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data).toMatchObject({ problems: "", actionsTaken: "", followUps: [], evidence: [], locationConsent: false });
  });

  it("refuses a date after today, on the date field; today itself is fine", () => {
    expect(issuesOf({ ...valid, date: "2026-11-21" })).toEqual({ date: ["validation.futureDate"] });
    expect(issuesOf({ ...valid, date: TODAY })).toEqual({});
    expect(issuesOf({ ...valid, date: "2026-02-30" })).toEqual({ date: ["validation.invalidDate"] });
  });

  it("refuses a negative income item, on that item", () => {
    expect(issuesOf({ ...valid, updates: { income: { incomeWages: "-1" } } })).toEqual({
      "updates.income.incomeWages": ["validation.nonNegative"],
    });
    expect(issuesOf({ ...valid, updates: { income: { incomeWages: "0" } } })).toEqual({});
  });

  it("refuses a cleared amount instead of reading it as zero", () => {
    expect(issuesOf({ ...valid, updates: { income: { incomeTransfers: "" } } })).toEqual({
      "updates.income.incomeTransfers": ["validation.required"],
    });
    // fields that may be unknown take empty as "not measured"
    expect(issuesOf({ ...valid, updates: { income: { previousYearIncome: null }, indicators: { waterRoundTripMin: null } } })).toEqual({});
  });

  it("refuses an unknown school status, on that member's field", () => {
    const member = { id: "4d0a3a8c-1c9e-4f57-9d7e-3b2a1c0d9e8f", schoolStatus: "truant" };
    expect(issuesOf({ ...valid, updates: { members: [member] } })).toEqual({
      "updates.members.0.schoolStatus": ["validation.unknownValue"],
    });
  });

  it("refuses a national ID with a wrong check digit, on the new member's ID", () => {
    const good = makeNationalId("520603", "2026-10-01", 12);
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const baby = { name: "王小宝", sex: "female", birthDate: "2026-10-01", relation: "grandchild" };
    expect(issuesOf({ ...valid, updates: { newMembers: [{ ...baby, nationalId: bad }] } })).toEqual({
      "updates.newMembers.0.nationalId": ["validation.nationalIdCheck"],
    });
    expect(issuesOf({ ...valid, updates: { newMembers: [{ ...baby, nationalId: good }] } })).toEqual({});
    // the ID and the typed birth date must tell the same story
    expect(issuesOf({ ...valid, updates: { newMembers: [{ ...baby, birthDate: "2026-09-30", nationalId: good }] } })).toEqual({
      "updates.newMembers.0.birthDate": ["validation.nationalIdMismatchBirth"],
    });
  });

  it("reports several problems at once, each on its own field", () => {
    expect(issuesOf({ ...valid, date: "2027-01-01", findings: " ", updates: { income: { rigidExpenditure: -5 } } })).toEqual({
      findings: ["validation.required"],
      date: ["validation.futureDate"],
      "updates.income.rigidExpenditure": ["validation.nonNegative"],
    });
    // a wrong kind of value elsewhere does not hide the cross-field checks
    const member = { id: "4d0a3a8c-1c9e-4f57-9d7e-3b2a1c0d9e8f", schoolStatus: "truant" };
    expect(
      issuesOf({
        ...valid,
        date: "2027-01-01",
        mode: "fax",
        followUps: [{ description: "x", dueDate: "2026-12-01" }],
        updates: { members: [member] },
      }),
    ).toEqual({
      date: ["validation.futureDate"],
      mode: ["validation.unknownValue"],
      "updates.members.0.schoolStatus": ["validation.unknownValue"],
      "followUps.0.dueDate": ["validation.dueBeforeVisit"],
    });
  });

  it("needs the household's confirmation, and a signature only in person", () => {
    expect(issuesOf({ ...valid, confirmation: undefined })).toEqual({ confirmation: ["validation.confirmationRequired"] });
    expect(issuesOf({ ...valid, confirmation: "signature" })).toEqual({ signature: ["validation.signatureRequired"] });
    expect(issuesOf({ ...valid, mode: "phone", confirmation: "signature" })).toEqual({ confirmation: ["validation.signatureHomeOnly"] });
  });

  it("keeps a location only for a home visit with consent, and due dates on or after the visit", () => {
    const location = { latitude: 27.52, longitude: 109.21, accuracyM: 12, locatedAt: "2026-11-20T02:00:00.000Z" };
    expect(issuesOf({ ...valid, location })).toEqual({ locationConsent: ["validation.locationWithoutConsent"] });
    expect(issuesOf({ ...valid, location, locationConsent: true })).toEqual({});
    expect(issuesOf({ ...valid, followUps: [{ description: "申报危房改造", dueDate: "2026-11-19" }] })).toEqual({
      "followUps.0.dueDate": ["validation.dueBeforeVisit"],
    });
  });

  it("checks attached files' declared type and size", () => {
    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], "a.pdf", { type: "application/pdf" });
    const exe = new File([new Uint8Array([0x4d, 0x5a])], "a.exe", { type: "application/x-msdownload" });
    const huge = new File([new Uint8Array(8 * 1024 * 1024 + 1)], "big.jpg", { type: "image/jpeg" });
    expect(issuesOf({ ...valid, evidence: [{ file: pdf, indicator: "income" }] })).toEqual({});
    expect(issuesOf({ ...valid, evidence: [{ file: exe }, { file: huge, indicator: "housing" }] })).toEqual({
      "evidence.0.file": ["validation.fileType"],
      "evidence.1.file": ["validation.fileTooLarge"],
    });
  });
});

describe("only changes travel", () => {
  const record = {
    food: true,
    clothing: true,
    housingGrade: "A",
    electricity: true,
    waterLitres: "40.00",
    waterScarceArea: false,
    waterPiped: true,
    waterRoundTripMin: null,
    waterHorizontalM: null,
    waterVerticalM: null,
    waterQualitySafe: true,
    waterOutageDays: 0,
    incomeWages: "12000.00",
    incomeBusiness: "0",
    incomeBusinessCosts: "0",
    incomeProperty: "0",
    incomeTransfers: "1500.5",
    rigidExpenditure: "0",
    previousYearIncome: null,
    members: [
      { id: "m1", name: "王一", active: true, schoolStatus: "graduated", medicalInsurance: true, laborCapacity: "full", health: "healthy" },
    ],
  };

  it("sends nothing when nothing changed, however the numbers are written", () => {
    const base = factsFromRecord(record);
    const edited = structuredClone(base);
    edited.indicators.waterLitres = "40";
    edited.income.incomeTransfers = "1500.50";
    expect(diffFacts(base, edited)).toBeUndefined();
  });

  it("sends only the changed fields", () => {
    const base = factsFromRecord(record);
    const edited = structuredClone(base);
    edited.indicators.housingGrade = "C";
    edited.income.previousYearIncome = "9000";
    edited.members[0]!.leave = "moved_out";
    expect(diffFacts(base, edited)).toEqual({
      indicators: { housingGrade: "C" },
      income: { previousYearIncome: "9000" },
      members: [{ id: "m1", leave: "moved_out" }],
    });
  });

  it("the server drops what already equals the household as it now stands", () => {
    const current = { ...record, members: record.members.map((m) => ({ ...m })) };
    expect(pruneChanges(current, { indicators: { housingGrade: "A", waterLitres: 40 }, income: { incomeTransfers: 1500.5 } })).toBeNull();
    expect(
      pruneChanges(current, {
        indicators: { housingGrade: "C", food: true },
        members: [{ id: "m1", health: "healthy", medicalInsurance: false }],
      }),
    ).toEqual({
      indicators: { housingGrade: "C" },
      members: [{ id: "m1", medicalInsurance: false }],
    });
  });
});

describe("file type by magic bytes", () => {
  it("knows the accepted types and nothing else", () => {
    expect(sniffMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffMime(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffMime(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffMime(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(sniffMime(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
