// Photos are made smaller on the phone before they travel over a weak signal: decoded, drawn
// on a canvas with the longest side at most 1600 px, re-encoded as JPEG at quality 0.8. The
// re-encoding also drops the photo's own metadata (location is recorded only with consent).
// PDFs go as they are. Browser-only.
import { EVIDENCE_MIMES } from "@/lib/validation/file-type";
import { IMAGE_MAX_SIDE, IMAGE_QUALITY, MAX_EVIDENCE_BYTES } from "@/lib/validation/visit-constants";

export type PrepareError = "type" | "size" | "decode";

async function decode(file: Blob): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === "function") {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // fall through to <img>, which some older Android browsers decode more formats with
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => {} };
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** The image, longest side ≤ maxSide, as a JPEG File. Throws when it cannot be decoded. */
export async function downscaleImage(file: File, maxSide = IMAGE_MAX_SIDE, quality = IMAGE_QUALITY): Promise<File> {
  const img = await decode(file);
  try {
    const scale = Math.min(1, maxSide / Math.max(img.width, img.height));
    const width = Math.max(1, Math.round(img.width * scale));
    const height = Math.max(1, Math.round(img.height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    ctx.fillStyle = "#ffffff"; // transparent PNGs become white, not black
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img.source, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (!blob) throw new Error("encoding failed");
    const name = (file.name || "photo").replace(/\.[^.]*$/, "") + ".jpg";
    return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
  } finally {
    img.close();
  }
}

/** A picked file, ready to upload: images downscaled, PDFs as they are, or why not. */
export async function prepareForUpload(file: File): Promise<{ file: File } | { error: PrepareError }> {
  const isImage = file.type.startsWith("image/");
  const isPdf = file.type === "application/pdf" || (!file.type && /\.pdf$/i.test(file.name));
  if (!isImage && !isPdf) return { error: "type" };
  let out = file;
  if (isImage) {
    try {
      out = await downscaleImage(file);
    } catch {
      return { error: "decode" };
    }
  }
  if (out.type && !(EVIDENCE_MIMES as string[]).includes(out.type)) return { error: "type" };
  if (out.size > MAX_EVIDENCE_BYTES) return { error: "size" };
  return { file: out };
}
