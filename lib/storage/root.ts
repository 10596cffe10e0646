// The folder every stored file lives under (evidence photos and signatures, meeting-minute scans,
// help photos, archived notice PDFs): UPLOAD_DIR, default ./data/uploads. Configuration read at
// run time, not something for the bundler to trace. Not server-only: the backup script uses it.
import path from "node:path";

export function uploadRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? "./data/uploads");
}

/** The full path of a stored file's key; a key that would leave the folder is refused. */
export function resolveStoredKey(key: string, root = uploadRoot()): string {
  const full = path.resolve(/*turbopackIgnore: true*/ root, key);
  if (!full.startsWith(root + path.sep)) throw new Error("storage key outside the upload folder");
  return full;
}
