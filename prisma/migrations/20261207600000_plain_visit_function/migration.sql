-- Written by hand (decision 0055): a plain visit (no household changes, no files) stored by one
-- database call. The same steps as the application's transaction for a visit (lib/data/visits/
-- log-visit.ts), in the same order: the household in the cadre's scope (its county, its village or
-- township, a current assignment of this cadre), a stored visit with this id answered as a replay
-- (someone else's id: not found), a visit dated before the assignment refused, then the visit, its
-- follow-ups, the plan steps it marks, the household's last-visit date and the audit event
-- (through jz_audit_append: the chain's lock, the last hash and the insert). One statement, so one
-- transaction; the chain's lock is held only for the rest of this call.
--
-- v: {id, householdId, cadreId, countyId, villageId (exact, or null), villagePrefix (or null),
--     at (the application's moment, ISO), date, mode, findings, problems, actionsTaken,
--     locationConsent, latitude, longitude, accuracyM, locatedAt, confirmation, baseVersion,
--     followUps: [{id, description, dueDate}], planProgress: [plan item id]}
-- audit_rows: the audit events, built and sealed by the application (lib/audit.ts).
-- Answers {status: stored | replay | household_not_found | visit_not_found | before_assignment, ...}.
CREATE OR REPLACE FUNCTION jz_store_plain_visit(v jsonb, audit_rows jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  at_utc timestamp(3) := ((v->>'at')::timestamptz AT TIME ZONE 'UTC');
  visit_day date := (v->>'date')::date;
  h record;
  s record;
  from_day date;
  inserted text;
BEGIN
  -- the household in the cadre's scope; the reach names its county (decision 0044)
  SELECT hh.id, hh."countyId", hh."assessedStatus", hh."unmetIndicators", hh."perCapitaIncome",
         (SELECT a."validFrom" FROM "cadre_assignment" a
           WHERE a."householdId" = hh.id AND a."cadreId" = v->>'cadreId' AND a."validFrom" <= at_utc
             AND (a."validTo" IS NULL OR a."validTo" > at_utc)
           ORDER BY a."validFrom" DESC LIMIT 1) AS "validFrom"
    INTO h
    FROM "household" hh
   WHERE hh.id = v->>'householdId'
     AND hh."countyId" = v->>'countyId' AND (v->>'villageId' IS NULL OR hh."villageId" = v->>'villageId')
     AND (v->>'villagePrefix' IS NULL OR left(hh."villageId", length(v->>'villagePrefix')) = v->>'villagePrefix');
  IF h.id IS NULL OR h."validFrom" IS NULL THEN
    RETURN jsonb_build_object('status', 'household_not_found');
  END IF;

  -- a retry of a stored visit writes nothing
  SELECT vv.id, vv."householdId", vv."cadreId", vv.state::text AS state, vv."stateReason" INTO s FROM "visit" vv WHERE vv.id = v->>'id';
  IF s.id IS NULL THEN
    -- the day in China (UTC+8, no daylight saving) the assignment began
    from_day := (h."validFrom" + interval '8 hours')::date;
    IF visit_day < from_day THEN
      RETURN jsonb_build_object('status', 'before_assignment', 'from', to_char(from_day, 'YYYY-MM-DD'));
    END IF;

    INSERT INTO "visit" ("id", "householdId", "countyId", "cadreId", "date", "mode", "findings", "problems", "actionsTaken",
                         "locationConsent", "latitude", "longitude", "accuracyM", "locatedAt", "confirmation", "state",
                         "baseVersion", "createdAt")
    VALUES (v->>'id', h.id, h."countyId", v->>'cadreId', visit_day, (v->>'mode')::"VisitMode", v->>'findings',
            v->>'problems', v->>'actionsTaken', (v->>'locationConsent')::boolean, (v->>'latitude')::float8,
            (v->>'longitude')::float8, (v->>'accuracyM')::float8,
            ((v->>'locatedAt')::timestamptz AT TIME ZONE 'UTC'), (v->>'confirmation')::"VisitConfirmation",
            'accepted', (v->>'baseVersion')::integer, at_utc)
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id" INTO inserted;

    IF inserted IS NULL THEN
      -- the same visit sent twice at once: the other one was stored first; answer with it
      SELECT vv.id, vv."householdId", vv."cadreId", vv.state::text AS state, vv."stateReason" INTO s FROM "visit" vv WHERE vv.id = v->>'id';
    ELSE
      INSERT INTO "follow_up" ("id", "visitId", "householdId", "countyId", "description", "dueDate", "createdAt")
      SELECT f->>'id', inserted, h.id, h."countyId", f->>'description', (f->>'dueDate')::date, at_utc
        FROM jsonb_array_elements(coalesce(v->'followUps', '[]'::jsonb)) f;

      -- the plan's steps marked on this visit: this household's only, each marked once
      UPDATE "plan_item" SET "doneAt" = at_utc, "doneById" = v->>'cadreId', "doneVisitId" = inserted
       WHERE "id" IN (SELECT jsonb_array_elements_text(coalesce(v->'planProgress', '[]'::jsonb)))
         AND "householdId" = h.id AND "doneAt" IS NULL;

      -- the latest visit date, never moved back by a late-logged older visit
      UPDATE "household" SET "lastVisitAt" = visit_day, "updatedAt" = at_utc
       WHERE "id" = h.id AND ("lastVisitAt" IS NULL OR "lastVisitAt" < visit_day);

      PERFORM jz_audit_append(audit_rows);
      RETURN jsonb_build_object('status', 'stored', 'assessedStatus', h."assessedStatus"::text,
                                'unmetIndicators', to_jsonb(h."unmetIndicators"), 'perCapitaIncome', h."perCapitaIncome");
    END IF;
  END IF;

  -- a visit id is the device's own: someone else's id is "not found", never a replay
  IF s."cadreId" <> v->>'cadreId' OR s."householdId" <> h.id THEN
    RETURN jsonb_build_object('status', 'visit_not_found');
  END IF;
  RETURN jsonb_build_object('status', 'replay', 'state', s.state, 'stateReason', s."stateReason",
                            'assessedStatus', h."assessedStatus"::text, 'unmetIndicators', to_jsonb(h."unmetIndicators"),
                            'perCapitaIncome', h."perCapitaIncome");
END $$;
