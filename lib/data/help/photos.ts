// A help report's photo: checked by its size and its bytes, kept in the one file store
// (lib/storage/files.ts) as help/<countyId>/<uuid>.<ext>.
import "server-only";
import { AppError } from "@/lib/auth/errors";
import { sniffMime } from "@/lib/validation/file-type";
import { PHOTO_MAX_BYTES, PHOTO_TYPES } from "@/lib/validation/help";
import { putFile, readStored, removeStored } from "@/lib/storage/files";
import { messageKey } from "@/i18n/keys";

export interface PreparedPhoto {
  bytes: Uint8Array;
  mime: (typeof PHOTO_TYPES)[number];
}

const EXT: Record<PreparedPhoto["mime"], string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/** A sent photo checked by size and by its bytes (never the name or declared type). */
export async function preparePhoto(blob: Blob): Promise<PreparedPhoto> {
  if (blob.size > PHOTO_MAX_BYTES)
    throw new AppError("invalid", messageKey("help.v.photoTooLarge"), { fieldErrors: { photo: [messageKey("help.v.photoTooLarge")] } });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (bytes.length > PHOTO_MAX_BYTES)
    throw new AppError("invalid", messageKey("help.v.photoTooLarge"), { fieldErrors: { photo: [messageKey("help.v.photoTooLarge")] } });
  const mime = sniffMime(bytes);
  if (!mime || !(PHOTO_TYPES as readonly string[]).includes(mime))
    throw new AppError("invalid", messageKey("help.v.photoType"), { fieldErrors: { photo: [messageKey("help.v.photoType")] } });
  return { bytes, mime: mime as PreparedPhoto["mime"] };
}

export async function writePhoto(countyId: string, photo: PreparedPhoto): Promise<string> {
  return (await putFile({ store: "help_photo", countyId }, EXT[photo.mime], photo.bytes)).key;
}

export async function removePhoto(key: string | null): Promise<void> {
  await removeStored([key], "help_photo");
}

/** A stored help photo's bytes and type, or null when it is missing. */
export async function readPhoto(key: string): Promise<{ bytes: Buffer; mime: string } | null> {
  const bytes = await readStored(key, "help_photo");
  if (!bytes) return null;
  const ext = key.split(".").pop();
  const mime = ext === "png" ? "image/png" : ext === "webp" ? "image/webp" : "image/jpeg";
  return { bytes, mime };
}
