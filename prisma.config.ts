import { defineConfig } from "prisma/config";

// DATABASE_URL is optional: without it the app uses the embedded PGlite database.
// The Prisma CLI only needs a URL for `migrate deploy` against a real server.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/stevedore" },
});
