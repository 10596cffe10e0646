-- The audit administrator (审计管理员): a role of its own, apart from the system administrator,
-- as graded protection separates system, security and audit administration. It reads the audit
-- history and nothing else.
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'auditor';

-- The viewer filters by action over a time range.
CREATE INDEX IF NOT EXISTS "audit_event_action_at_idx" ON "audit_event"("action", "at");
