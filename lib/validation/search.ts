// Finding a household by a member's national ID (exact, within the caller's scope). The ID is
// checked as everywhere else (18 characters, its check digit, its birth date): a mistyped ID is
// refused on its field rather than searched for and not found.
import { z } from "zod";
import { nationalIdSchema } from "./household-changes";

export const nationalIdSearchSchema = z.object({ nationalId: nationalIdSchema }).strict();
export type NationalIdSearch = z.output<typeof nationalIdSearchSchema>;
