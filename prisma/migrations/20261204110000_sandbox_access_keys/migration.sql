-- Personal sandbox access keys: SigV4 credentials for the sandbox's AWS endpoints. The secret is
-- sealed by the application (AES-256-GCM); a key goes with its person.
-- CreateTable
CREATE TABLE "sandbox_access_keys" (
    "id" VARCHAR(20) NOT NULL,
    "user_id" UUID NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "sandbox_access_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sandbox_access_keys_user_id_idx" ON "sandbox_access_keys"("user_id");

-- AddForeignKey
ALTER TABLE "sandbox_access_keys" ADD CONSTRAINT "sandbox_access_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
