-- Written by hand: the audit history is append-only in the database itself. Whatever role the
-- application connects with, UPDATE, DELETE and TRUNCATE of audit rows are refused.
CREATE FUNCTION jz_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'P0001', HINT = 'audit_append_only';
END $$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION jz_audit_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION jz_audit_append_only();
