-- The groups a person belongs to: set by an admin, or at each single sign-on from the identity
-- provider's groups claim. Per-environment grants name people or groups.
ALTER TABLE "user" ADD COLUMN "groups" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
