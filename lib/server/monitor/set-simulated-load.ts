import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments/environment-record";
import { ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { sandboxControl } from "../learn/sandbox";
import type { SetSimulatedLoadInput } from "./schemas";

/**
 * Sets the request rate the sandbox simulates for one service (its control `setLoad`, over the
 * sandbox's clock): the tasks' CPU and memory follow, and with them the AWS/ECS metrics and the
 * target-tracking alarms. Only a sandbox environment has a simulated load; who may call this is
 * decided before (runAction: an editor, as for the sandbox's control API).
 */
export async function setSimulatedLoad({ ctx, input }: { ctx: AppContext; input: SetSimulatedLoadInput }): Promise<{ service: string; shape: SetSimulatedLoadInput["shape"] }> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  if (env.kind !== "sandbox") throw new RefusedError(`Environment "${env.name}" is an AWS account: only the sandbox simulates load. Send real traffic to the service instead.`);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  await sandboxControl(ctx, { action: "setLoad", region: env.region, cluster: input.cluster, service: input.service, load: input.shape });
  return { service: input.service, shape: input.shape };
}
