-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_kind" VARCHAR(20) NOT NULL,
    "actor_id" UUID,
    "actor_email" TEXT,
    "actor_role" VARCHAR(20),
    "sign_in_method" VARCHAR(40),
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" VARCHAR(40),
    "target_id" TEXT,
    "environment_id" UUID,
    "outcome" VARCHAR(20) NOT NULL,
    "reason" TEXT,
    "before" JSON,
    "after" JSON,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_events_outcome_check" CHECK ("outcome" IN ('ok', 'denied', 'failed'))
);

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_actor_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_target_idx" ON "audit_events"("target_type", "target_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_environment_idx" ON "audit_events"("environment_id", "at");

-- Append-only: rows are never changed, and deleted only by the retention job, which says so
-- for its own transaction with SET LOCAL stevedore.audit_retention = 'on'.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('stevedore.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
