-- Written by hand: appending to the audit hash chain in one round trip (decision 0005).
-- The chain's lock (a transaction-scoped advisory lock) is held until the surrounding
-- transaction commits; taken, read and written here in a single call, it is held for that call
-- and the COMMIT, not for several round trips of the application's event loop.
-- Inside a plpgsql function each statement takes a fresh snapshot (READ COMMITTED), so the last
-- hash is read after the lock is granted: it sees the previous holder's committed event.
-- Each entry carries its canonical content (lib/audit-chain.ts eventContent), so the hash is
-- the same SHA-256 over prevHash || '\n' || content that the verifier recomputes in TypeScript.
CREATE FUNCTION jz_audit_append(entries jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  prev text;
  h text;
  n integer := 0;
BEGIN
  PERFORM pg_advisory_xact_lock(7243001);
  SELECT "hash" INTO prev FROM "audit_event" ORDER BY "id" DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  FOR e IN SELECT value FROM jsonb_array_elements(entries) LOOP
    h := encode(sha256(convert_to(prev || E'\n' || (e->>'content'), 'UTF8')), 'hex');
    INSERT INTO "audit_event" ("at", "actorId", "actorRole", "action", "entity", "entityId", "countyId", "before", "after", "reason", "prevHash", "hash")
    VALUES (((e->>'at')::timestamptz AT TIME ZONE 'UTC'), e->>'actorId', e->>'actorRole', e->>'action', e->>'entity',
            e->>'entityId', e->>'countyId', e->'before', e->'after', e->>'reason', prev, h);
    prev := h;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
