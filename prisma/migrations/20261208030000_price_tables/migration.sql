-- CreateTable
CREATE TABLE "price_tables" (
    "region" VARCHAR(30) NOT NULL,
    "price_date" VARCHAR(10) NOT NULL,
    "prices" JSONB NOT NULL,
    "products" INTEGER NOT NULL,
    "environment_id" TEXT,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "price_tables_pkey" PRIMARY KEY ("region")
);
