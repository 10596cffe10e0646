/**
 * Unique national IDs for one county: region code + birth date + sequence + check digit. The
 * sequence is a counter per birth date (odd for men, even for women, as GB 11643 has it), so
 * uniqueness needs no set of issued IDs; the counters are cleared when the generator moves to
 * the next county (another region code cannot collide), which keeps memory flat. Pure.
 */
import { makeNationalId } from "@/lib/national-id";

export class CountyIdIssuer {
  private county = "";
  /** "YYYYMMDD" -> next index for men (seq 2k+1) and women (seq 2k+2) */
  private readonly next = new Map<string, { m: number; f: number }>();

  /** Start issuing for a county (a 6-digit code); forgets the previous county's counters. */
  startCounty(code6: string): void {
    if (!/^\d{6}$/.test(code6)) throw new RangeError(`county code must be 6 digits, got "${code6}"`);
    this.county = code6;
    this.next.clear();
  }

  /** The next free ID for this birth date and sex, or null when all 499/500 are taken. */
  issue(birthDate: string, sex: "male" | "female"): string | null {
    if (!this.county) throw new Error("startCounty() first");
    const key = birthDate;
    let c = this.next.get(key);
    if (!c) this.next.set(key, (c = { m: 0, f: 0 }));
    const k = sex === "male" ? c.m++ : c.f++;
    const seq = sex === "male" ? 2 * k + 1 : 2 * k + 2;
    if (seq > 999) return null;
    return makeNationalId(this.county, birthDate, seq);
  }

  /** how many birth dates the current county has counters for (memory check) */
  get size(): number {
    return this.next.size;
  }
}
