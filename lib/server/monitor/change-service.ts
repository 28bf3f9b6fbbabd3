import type { EcsPort } from "@/lib/aws";
import type { AppContext } from "../context";
import { withEcs } from "../aws-ports";
import { loadEnvironmentRow } from "../environments/environment-record";
import { ReadOnlyEnvironmentError } from "../errors";

/**
 * The monitor's changes to a live service (continue, roll back, force a deployment, scale): a
 * read-only environment refuses them as it refuses applies; ECS's own refusals reach the user in
 * its words. Who may call them is decided before (runAction: the deployer grant).
 */
export async function changeService<T>(ctx: AppContext, envId: string, fn: (ecs: EcsPort) => Promise<T>): Promise<T> {
  const env = await loadEnvironmentRow(ctx, envId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  return withEcs(ctx, env, fn);
}
