import { databaseKind, type DatabaseKind } from "@/lib/db";
import type { AppContext } from "../context";

/** A round trip to the database, so "healthy" means migrated and answering, not merely started. */
export async function checkHealth({ ctx }: { ctx: AppContext }): Promise<{ ok: true; database: DatabaseKind }> {
  await ctx.db.$queryRaw`SELECT 1`;
  return { ok: true, database: databaseKind() };
}
