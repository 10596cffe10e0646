// CSV of the county's village list, with the same filters and order as /county (UTF-8 with BOM,
// Chinese headers). Checks the session and scope like the page.
import { exportVillages } from "@/lib/data/county-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportVillages(request);
}
