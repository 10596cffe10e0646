// Which of the four fact sections are open, and the rule that opens the ones holding an error: apart
// from the fields (fact-fields.tsx), so the visit form has it in its first load without them.

export interface OpenSections {
  indicators: boolean;
  income: boolean;
  members: boolean;
  newMembers: boolean;
}

/** Open every collapsed section that holds one of these error paths (never close one); `at` as for the fields. */
export function openSectionsWithErrors<T extends Partial<OpenSections>>(open: T, errorPaths: string[], at: string): T {
  const has = (prefix: string) => errorPaths.some((k) => k.startsWith(prefix));
  const out = { ...open };
  if ("indicators" in out) out.indicators = out.indicators || has(`${at}indicators`);
  if ("income" in out) out.income = out.income || has(`${at}income`);
  if ("members" in out) out.members = out.members || has(`${at}members`) || has("members.");
  if ("newMembers" in out) out.newMembers = out.newMembers || has(`${at}newMembers`);
  return out;
}
