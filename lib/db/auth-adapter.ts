import { prismaAdapter } from "@better-auth/prisma-adapter";
import type { Db } from "./client";

/**
 * better-auth's database: its Prisma adapter on our client, so sessions, accounts and rate-limit
 * counts live in the app's PostgreSQL (or PGlite) next to everything else. Multi-step writes
 * (a password change that revokes sessions) run in one transaction.
 */
export function authDatabase(db: Db) {
  return prismaAdapter(db, { provider: "postgresql", transaction: true });
}
