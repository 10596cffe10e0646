// This process, as the holder of a lease (a periodic job's, a recompute job's): host, pid and a
// random part, so a restarted process on the same host with the same pid is someone else.
import crypto from "node:crypto";
import os from "node:os";

export const HOLDER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
