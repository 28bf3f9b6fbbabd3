import type { AppContext } from "../context";
import { changeService } from "./change-service";
import type { ContinueDeploymentInput } from "./schemas";

/** Answers a hook awaiting action: CONTINUE moves the deployment on, ROLLBACK returns to the source revision. */
export async function continueServiceDeployment({ ctx, input }: { ctx: AppContext; input: ContinueDeploymentInput }): Promise<{ serviceDeploymentArn: string }> {
  return changeService(ctx, input.envId, async (ecs) => {
    const out = await ecs.continueServiceDeployment({ serviceDeploymentArn: input.serviceDeploymentArn, hookId: input.hookId, action: input.action });
    return { serviceDeploymentArn: out.serviceDeploymentArn ?? input.serviceDeploymentArn };
  });
}
