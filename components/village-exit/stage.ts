// The tone of each stage of a village exit (decision 0051): shared by the list and the village page.
import type { Tone } from "@/components/ui/tone";

export const STAGE_TONE: Record<string, Tone> = {
  none: "gray",
  draft: "gray",
  proposed: "amber",
  returned: "red",
  township_reviewed: "blue",
  announced: "green",
};

/** A criterion's badge: met, not met, or pending the county's judgment (the collective income). */
export const CRITERION_TONE: Record<"met" | "not_met" | "pending", Tone> = { met: "green", not_met: "amber", pending: "blue" };
export const CRITERION_LABEL = { met: "met", not_met: "notMet", pending: "pending" } as const;
