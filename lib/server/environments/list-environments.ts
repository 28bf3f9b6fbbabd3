import type { AppContext } from "../context";
import { ensureSandboxEnvironment, SANDBOX_ENVIRONMENT_ID, toView } from "./environment-record";
import type { EnvironmentView } from "./types";

/** The built-in sandbox first, then the rest by name. */
export async function listEnvironments({ ctx }: { ctx: AppContext; input?: unknown }): Promise<EnvironmentView[]> {
  await ensureSandboxEnvironment(ctx);
  const rows = await ctx.db.environment.findMany({ orderBy: { name: "asc" } });
  return rows.map(toView).sort((a, b) => Number(b.id === SANDBOX_ENVIRONMENT_ID) - Number(a.id === SANDBOX_ENVIRONMENT_ID));
}
