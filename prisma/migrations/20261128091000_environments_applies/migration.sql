-- CreateTable
CREATE TABLE "environments" (
    "id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "region" VARCHAR(40) NOT NULL,
    "profile" TEXT,
    "role_arn" TEXT,
    "external_id_secret" TEXT,
    "endpoint" TEXT,
    "read_only" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "environments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "applies" (
    "id" UUID NOT NULL,
    "design_id" UUID NOT NULL,
    "design_version" INTEGER NOT NULL,
    "environment_id" UUID NOT NULL,
    "plan" JSON NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    "steps" JSON NOT NULL,
    "error" TEXT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "applies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "environments_name_key" ON "environments"("name");

-- CreateIndex
CREATE INDEX "applies_design_id_started_at_idx" ON "applies"("design_id", "started_at");
