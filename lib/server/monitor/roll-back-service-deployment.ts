import type { AppContext } from "../context";
import { changeService } from "./change-service";
import type { RollbackDeploymentInput } from "./schemas";

/** Stops a deployment in progress and returns the service to its last successful revision (StopServiceDeployment, ROLLBACK). */
export async function rollBackServiceDeployment({ ctx, input }: { ctx: AppContext; input: RollbackDeploymentInput }): Promise<{ serviceDeploymentArn: string }> {
  return changeService(ctx, input.envId, async (ecs) => {
    const out = await ecs.stopServiceDeployment({ serviceDeploymentArn: input.serviceDeploymentArn, stopType: "ROLLBACK" });
    return { serviceDeploymentArn: out.serviceDeploymentArn ?? input.serviceDeploymentArn };
  });
}
