/**
 * Prisma's debug module keeps the arguments of its last 100 debug calls, logging on or off, for
 * its error reports — and @prisma/adapter-pg logs every query with its parameters. A bulk
 * statement's parameter is one large JSON text, so those 100 entries alone held hundreds of MB
 * (measured: +5 MB retained per 5 MB parameter, and the client runtime keeps a second, private
 * copy of its own). The import therefore keeps each parameter under 512 kB and empties the
 * adapter's history after each batch. (The same module instance as the adapter's when run by
 * Node; in a bundle it may be another instance, and this is then a no-op.)
 */
import { clearLogs } from "@prisma/debug";

export function forgetQueryArgs(): void {
  clearLogs();
}

/** Largest JSON parameter the import sends in one statement (bytes, roughly). */
export const MAX_PARAM_BYTES = 512 * 1024;
