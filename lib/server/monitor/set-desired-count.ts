import type { AppContext } from "../context";
import { changeService } from "./change-service";
import type { SetDesiredCountInput } from "./schemas";

/** Scales the service (UpdateService desiredCount); a design applied later sets it back to the design's count. */
export async function setDesiredCount({ ctx, input }: { ctx: AppContext; input: SetDesiredCountInput }): Promise<{ serviceArn: string; desiredCount: number }> {
  return changeService(ctx, input.envId, async (ecs) => {
    const out = await ecs.updateService({ cluster: input.cluster, service: input.service, desiredCount: input.desiredCount });
    return { serviceArn: out.service?.serviceArn ?? input.service, desiredCount: out.service?.desiredCount ?? input.desiredCount };
  });
}
