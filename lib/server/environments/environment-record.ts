import { SANDBOX_REGION } from "@/lib/domain/ecs-facts/sandbox";
import type { AppContext } from "../context";
import { NotFoundError } from "../errors";
import type { EnvironmentKind } from "./schemas";
import type { EnvironmentView } from "./types";

/** The built-in sandbox's fixed id: created on first use, so every install has it. */
export const SANDBOX_ENVIRONMENT_ID = "00000000-0000-4000-8000-00000000ec50";
export { SANDBOX_REGION };

export type EnvironmentRow = {
  id: string; name: string; kind: string; region: string; profile: string | null; roleArn: string | null;
  externalIdSecret: string | null; endpoint: string | null; readOnly: boolean;
  protected: boolean; requiredApprovals: number; approvalExpiryMinutes: number; createdAt: Date; updatedAt: Date;
};

export function toView(row: EnvironmentRow): EnvironmentView {
  return {
    id: row.id, name: row.name, kind: row.kind as EnvironmentKind, region: row.region,
    ...(row.profile ? { profile: row.profile } : {}),
    ...(row.roleArn ? { roleArn: row.roleArn } : {}),
    hasExternalId: Boolean(row.externalIdSecret),
    ...(row.endpoint ? { endpoint: row.endpoint } : {}),
    readOnly: row.readOnly,
    protected: row.protected, requiredApprovals: row.requiredApprovals, approvalExpiryMinutes: row.approvalExpiryMinutes,
    builtIn: row.id === SANDBOX_ENVIRONMENT_ID,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The built-in sandbox row, created on first use. A plain INSERT … ON CONFLICT DO NOTHING: two
 * requests arriving together (the list page and a monitor poll, say) must not race a
 * read-then-insert upsert into a unique-key error.
 */
export async function ensureSandboxEnvironment(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.$executeRaw`
    INSERT INTO "environments" ("id", "name", "kind", "region", "read_only", "created_at", "updated_at")
    VALUES (${SANDBOX_ENVIRONMENT_ID}::uuid, 'Sandbox', 'sandbox', ${SANDBOX_REGION}, false, ${now}, ${now})
    ON CONFLICT DO NOTHING`;
}

/** The stored row, secret included: for server-side use only, never returned to a client. */
export async function loadEnvironmentRow(ctx: AppContext, id: string): Promise<EnvironmentRow> {
  if (id === SANDBOX_ENVIRONMENT_ID) await ensureSandboxEnvironment(ctx);
  const row = await ctx.db.environment.findUnique({ where: { id } });
  if (!row) throw new NotFoundError(`Environment ${id} does not exist`);
  return row;
}
