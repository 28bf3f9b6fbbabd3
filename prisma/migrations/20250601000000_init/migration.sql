-- CreateTable
CREATE TABLE "designs" (
    "id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "document" JSON NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "designs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "design_revisions" (
    "id" UUID NOT NULL,
    "design_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "document" JSON NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "design_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "designs_updated_at_idx" ON "designs"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "design_revisions_design_id_version_key" ON "design_revisions"("design_id", "version");

-- AddForeignKey
ALTER TABLE "design_revisions" ADD CONSTRAINT "design_revisions_design_id_fkey" FOREIGN KEY ("design_id") REFERENCES "designs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Documents can approach 1 MiB and are rewritten on every save: lz4 compresses several times
-- faster than the default pglz. Builds without lz4 (such as the embedded PGlite) keep pglz.
DO $$
BEGIN
    ALTER TABLE "designs" ALTER COLUMN "document" SET COMPRESSION lz4;
    ALTER TABLE "design_revisions" ALTER COLUMN "document" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available; documents use the default compression';
END $$;
