// Help reports: the public intake (./intake.ts), the signed-in leads (./leads.ts) and the photos
// storage (./photos.ts).
export * from "./intake";
export * from "./leads";
export * from "./photos";
