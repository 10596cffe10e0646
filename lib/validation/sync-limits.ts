// The limits of one syncVisits request, shared by the server (which refuses a larger batch) and
// the phone's outbox (which never makes one). Plain constants: the outbox imports them without zod.

/** A phone's backlog is sent in requests of at most this many visits … */
export const SYNC_MAX_VISITS = 50;
/** … and at most this many bytes of files; a visit with more goes on its own (logVisit). */
export const SYNC_MAX_BYTES = 8 * 1024 * 1024;
