// The household card: the public page opened from its QR code (./public.ts) and the signed-in
// issuing, printing and revoking (./manage.ts).
export * from "./public";
export * from "./manage";
