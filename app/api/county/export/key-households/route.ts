// CSV (or XLSX, ?format=xlsx) of the county's key households (重点户), with the register's filters.
import { exportKeyHouseholds } from "@/lib/data/county-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportKeyHouseholds(request);
}
