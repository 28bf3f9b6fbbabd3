import type { Pool } from "pg";
import type { PGlite } from "@electric-sql/pglite";

/** One connection: statements run in order, so BEGIN…COMMIT and session locks hold. */
export type SqlSession = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
};

/** The little the migration runner needs, so it runs over a pg Pool and over PGlite alike. */
export type SqlExecutor = {
  kind: "postgres" | "pglite";
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
};

export function pgExecutor(pool: Pool): SqlExecutor {
  return {
    kind: "postgres",
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          async query<T>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as T[];
          },
          // Without parameters pg uses the simple protocol, which accepts several statements.
          async exec(sql: string) {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
  };
}

export function pgliteExecutor(db: PGlite): SqlExecutor {
  // PGlite is a single connection already; nothing else runs while migrations do (start-up).
  const session: SqlSession = {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
  return { kind: "pglite", withSession: (fn) => fn(session) };
}
