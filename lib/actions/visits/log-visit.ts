"use server";
// Log a visit (permission visit.create; a cadre, on a household currently assigned to them).
// The visit id comes from the device, so a retry or a double tap stores one visit.
import { defineAction } from "@/lib/actions/safe-action";
import { visitSchema } from "@/lib/validation/visit";
import { storeVisit } from "./store-visit";

/** Log a visit: its findings, follow-ups, proof, evidence and any household changes. */
export const logVisit = defineAction({
  name: "visit.create",
  permission: "visit.create",
  schema: visitSchema,
  handler: (input, viewer) => storeVisit(input, viewer),
});
