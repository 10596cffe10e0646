// What each client tree is sent of the messages (issue #23 point 2). Every page used to carry all
// of them (~94 KB of a cadre page's HTML). Now the root sends the shell's — everything but the
// large feature namespaces below — and a segment whose client components need a feature
// namespace sends it in its own layout (FEATURE_SEGMENTS, components/i18n/feature-messages.tsx).
// tests/unit/client-messages.test.ts walks every page's client imports and fails when a page's
// client components use a feature namespace its segment does not send; the e2e suite fails on any
// MISSING_MESSAGE in the browser.
import { messages } from "./messages";
import type { Locale } from "./config";

export const FEATURE_NAMESPACES = [
  "procedure",
  "evaluation",
  "admin",
  "county",
  "bulkImport",
  "policy",
  "card",
  "help",
  "visit",
  "householdEdit",
  "audit",
  "township",
  "places",
  "countyRecords",
  "plan",
  "feeds",
  "villageExit",
] as const;
export type FeatureNamespace = (typeof FEATURE_NAMESPACES)[number];
const FEATURE = new Set<string>(FEATURE_NAMESPACES);

/** The segments (folders under app/) whose layout sends feature namespaces, and which. The nearest one applies. */
export const FEATURE_SEGMENTS = {
  "app/(app)/admin": ["admin", "policy", "bulkImport"],
  "app/(app)/cards": ["card"],
  "app/(app)/county": ["county", "evaluation", "places", "plan", "feeds"],
  "app/(app)/evaluator": ["evaluation"],
  "app/(app)/households": ["visit", "places", "plan", "countyRecords"],
  "app/(app)/households/[id]/edit": ["visit", "householdEdit", "plan"],
  "app/(app)/households/[id]/measures": ["householdEdit", "plan"],
  "app/(app)/households/[id]/plan": ["householdEdit", "plan"],
  "app/(app)/households/[id]/income": ["countyRecords", "plan"],
  "app/(app)/households/new": ["visit", "householdEdit", "plan"],
  "app/(app)/households/[id]/propose": ["procedure", "plan"],
  "app/(app)/leads": ["help"],
  "app/(app)/meetings": ["procedure"],
  "app/(app)/procedure": ["procedure"],
  "app/(app)/township/feeds": ["feeds"],
  "app/(app)/village-exit": ["villageExit"],
  "app/card": ["card", "help"],
  "app/help": ["help"],
} as const satisfies Record<string, readonly FeatureNamespace[]>;
export type FeatureSegment = keyof typeof FEATURE_SEGMENTS;

/** The shell's messages and the given feature namespaces, for one locale. */
export function clientMessages(locale: Locale, features: readonly FeatureNamespace[] = []): Record<string, unknown> {
  const all = messages[locale] as Record<string, unknown>;
  const keep = new Set<string>(features);
  return Object.fromEntries(Object.entries(all).filter(([ns]) => !FEATURE.has(ns) || keep.has(ns)));
}
