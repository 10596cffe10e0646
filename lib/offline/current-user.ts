// Who the outbox belongs to on this page, and how their households are named: set by the
// signed-in layout (OfflineClient) while it renders, read by the outbox when a visit is queued.
// No imports: it is loaded on every page.
let userId: string | null = null;
const labels = new Map<string, string>();

export function setOutboxUser(id: string | null, directory: { id: string; label: string }[] = []) {
  if (typeof window === "undefined") return; // never module state on the server
  for (const d of directory) labels.set(d.id, d.label);
  userId = id;
}
export const outboxUser = () => userId;
export const labelFor = (householdId: string) => labels.get(householdId) ?? "";
