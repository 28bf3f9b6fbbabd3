-- CreateTable
CREATE TABLE "sandbox_states" (
    "id" TEXT NOT NULL,
    "state" JSON NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sandbox_states_pkey" PRIMARY KEY ("id")
);

-- A big sandbox's state is several MiB and rewritten on every mutating request: lz4 compresses
-- several times faster than the default pglz. Builds without lz4 (such as PGlite) keep pglz.
DO $$
BEGIN
    ALTER TABLE "sandbox_states" ALTER COLUMN "state" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available; sandbox states use the default compression';
END $$;
