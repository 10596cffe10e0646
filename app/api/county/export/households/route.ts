// CSV of a village's (or the county's) households, with the same filters as the village page;
// streamed in keyset batches. Another county's village is "not found" (audited).
import { exportHouseholds } from "@/lib/data/county-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportHouseholds(request);
}
