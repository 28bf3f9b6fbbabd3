import type { AppContext } from "../context";
import { changeService } from "./change-service";
import type { ServiceRef } from "./schemas";

/** Replaces every task with the same revision (UpdateService forceNewDeployment), e.g. to pick up a moved image tag. */
export async function forceNewDeployment({ ctx, input }: { ctx: AppContext; input: ServiceRef }): Promise<{ serviceArn: string }> {
  return changeService(ctx, input.envId, async (ecs) => {
    const out = await ecs.updateService({ cluster: input.cluster, service: input.service, forceNewDeployment: true });
    return { serviceArn: out.service?.serviceArn ?? input.service };
  });
}
