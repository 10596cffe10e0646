-- Written by hand (decision 0023): each audit event carries a seal, an HMAC of its canonical
-- content under a key that is never in the database; the application computes it and the
-- append function stores it beside the hash. Events written before this have none.
ALTER TABLE "audit_event" ADD COLUMN "mac" TEXT;

CREATE OR REPLACE FUNCTION jz_audit_append(entries jsonb) RETURNS integer LANGUAGE plpgsql AS $$
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
    INSERT INTO "audit_event" ("at", "actorId", "actorRole", "action", "entity", "entityId", "countyId", "before", "after", "reason", "prevHash", "hash", "mac")
    VALUES (((e->>'at')::timestamptz AT TIME ZONE 'UTC'), e->>'actorId', e->>'actorRole', e->>'action', e->>'entity',
            e->>'entityId', e->>'countyId', e->'before', e->'after', e->>'reason', prev, h, e->>'mac');
    prev := h;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;
