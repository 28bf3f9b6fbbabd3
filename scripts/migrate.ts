// `npm run migrate`: applies prisma/migrations to DATABASE_URL, as `prisma migrate deploy`
// would, for machines where the Prisma CLI cannot fetch its schema engine.
import { Pool } from "pg";
import { migrate, pgExecutor } from "../lib/db";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. (The embedded PGlite database migrates itself at start-up.)");
    process.exit(2);
  }
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { applied, alreadyApplied } = await migrate(pgExecutor(pool));
    for (const name of applied) console.log(`applied  ${name}`);
    console.log(`${applied.length} applied, ${alreadyApplied.length} already up to date`);
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
