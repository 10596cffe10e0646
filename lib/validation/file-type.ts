// What a file really is, from its first bytes: the declared MIME type and the file name are
// whatever the sender says, so the server decides by magic number. Pure.

export const EVIDENCE_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
} as const;

export type EvidenceMime = keyof typeof EVIDENCE_TYPES;
export const EVIDENCE_MIMES = Object.keys(EVIDENCE_TYPES) as EvidenceMime[];

/** The type the bytes show, or null when they are none of the accepted ones. */
export function sniffMime(bytes: Uint8Array): EvidenceMime | null {
  const at = (i: number) => bytes[i];
  const ascii = (from: number, text: string) => [...text].every((c, i) => at(from + i) === c.charCodeAt(0));
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return "image/png";
  if (bytes.length >= 12 && ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (bytes.length >= 5 && ascii(0, "%PDF-")) return "application/pdf";
  return null;
}
