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
