-- Who started an apply: the person's id and email at the time ({"id", "email"}); null for applies
-- made before sign-in, and for the server's own applies.
ALTER TABLE "applies" ADD COLUMN "started_by" JSONB;

-- The person a system actor (the apply runner) acted for: its rows name the server, and whom.
ALTER TABLE "audit_events" ADD COLUMN "acting_for_id" UUID;
ALTER TABLE "audit_events" ADD COLUMN "acting_for_email" TEXT;

-- Lesson progress belongs to the signed-in person: no learner by default any more. Rows of the
-- one learner before sign-in ("local") stay as they were and belong to nobody who signs in.
ALTER TABLE "lesson_progress" ALTER COLUMN "learner_id" DROP DEFAULT;
