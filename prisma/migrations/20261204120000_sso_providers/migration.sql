-- OpenID Connect identity providers an admin configures (People → single sign-on). The client
-- secret is sealed (AES-256-GCM, lib/server/environments/secret-box.ts) and never leaves the server.
-- group_roles maps the identity provider's group names to a Stevedore role: {"ops": "admin"}.
CREATE TABLE "sso_providers" (
    "id" VARCHAR(40) NOT NULL,
    "label" VARCHAR(100) NOT NULL,
    "issuer" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "client_secret_sealed" TEXT NOT NULL,
    "scopes" TEXT[] NOT NULL DEFAULT ARRAY['openid', 'email', 'profile']::TEXT[],
    "groups_claim" VARCHAR(100) NOT NULL DEFAULT 'groups',
    "group_roles" JSONB NOT NULL DEFAULT '{}',
    "default_role" VARCHAR(20),
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_providers_pkey" PRIMARY KEY ("id")
);

-- How a session was signed in: "password", or "sso:<provider id>". The audit trail records it.
ALTER TABLE "session" ADD COLUMN "sign_in_method" VARCHAR(60) NOT NULL DEFAULT 'password';
