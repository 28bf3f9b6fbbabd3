import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Pool } from "pg";
import { closeDb, createDb, pgExecutor, pgliteExecutor, type Db, type SqlExecutor } from "@/lib/db";

/**
 * A database of its own for one test file: a fresh PostgreSQL database when DATABASE_URL is
 * set (created through it, dropped afterwards), otherwise an in-memory PGlite.
 */
export type TestDatabase = {
  kind: "postgres" | "pglite";
  /** The database's URL, for another process to connect to (PostgreSQL only). */
  url?: string;
  /** A raw SQL executor on the database, plus a way to release it. */
  executor(): Promise<{ executor: SqlExecutor; close(): Promise<void> }>;
  /** A migrated Prisma client on the database. */
  client(opts?: { migrate?: boolean; migrationsDir?: string }): Promise<Db>;
  /** Points getDb() (and so every server action) at this database. */
  useForApp(): void;
  drop(): Promise<void>;
};

const adminUrl = process.env.DATABASE_URL;

export const usingPostgres = Boolean(adminUrl);

export async function createTestDatabase(): Promise<TestDatabase> {
  return adminUrl ? createPostgres(adminUrl) : createPglite();
}

async function createPostgres(admin: string): Promise<TestDatabase> {
  const name = `stevedore_it_${randomBytes(6).toString("hex")}`;
  const adminPool = new Pool({ connectionString: admin, max: 1 });
  // DROP DATABASE … WITH (FORCE) ends sessions a test still holds; their pools report it as an
  // idle-client error, which is expected here and must not crash the run.
  adminPool.on("error", ignore);
  await adminPool.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const clients: Db[] = [];
  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, STEVEDORE_DATA_DIR: process.env.STEVEDORE_DATA_DIR };
  return {
    kind: "postgres",
    url: url.toString(),
    async executor() {
      const pool = new Pool({ connectionString: url.toString(), max: 2 });
      pool.on("error", ignore);
      return { executor: pgExecutor(pool), close: () => pool.end() };
    },
    async client(opts) {
      const db = await createDb({ url: url.toString(), ...opts });
      clients.push(db);
      return db;
    },
    useForApp() {
      process.env.DATABASE_URL = url.toString();
    },
    async drop() {
      await closeDb();
      await Promise.all(clients.map((c) => c.$disconnect()));
      Object.assign(process.env, savedEnv);
      await adminPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminPool.end();
    },
  };
}

async function createPglite(): Promise<TestDatabase> {
  const pglite = await PGlite.create();
  const clients: Db[] = [];
  const savedDir = process.env.STEVEDORE_DATA_DIR;
  return {
    kind: "pglite",
    async executor() {
      return { executor: pgliteExecutor(pglite), close: async () => undefined };
    },
    async client(opts) {
      const db = await createDb({ pglite, ...opts });
      clients.push(db);
      return db;
    },
    useForApp() {
      // getDb() opens its own PGlite; memory:// keeps it off disk and private to this file.
      process.env.STEVEDORE_DATA_DIR = "memory://";
    },
    async drop() {
      await closeDb();
      await Promise.all(clients.map((c) => c.$disconnect()));
      if (savedDir === undefined) delete process.env.STEVEDORE_DATA_DIR;
      else process.env.STEVEDORE_DATA_DIR = savedDir;
      await pglite.close();
    },
  };
}

function ignore() {}
