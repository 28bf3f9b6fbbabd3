import type { EcsPort } from "../../aws";
import type { InstancesFor, PriceTable } from "../../domain/cost";
import type { Design } from "../../domain/design";
import { planDesign, type LiveState, type Plan } from "../../domain/plan";
import { readLiveState, type LiveStateOptions } from "./read-live-state";

/**
 * Reads what the design touches and plans against it: the one entry point the CLI and the UI
 * share. `elbv2` (and `ec2`, for the default VPC) are needed for designs with load balancers or
 * target groups, and to find the ones the design created and dropped.
 */
export async function planAgainstAccount(ecs: EcsPort, design: Design, opts: { designId: string; region?: string; priceTable?: PriceTable; instancesFor?: InstancesFor } & Omit<LiveStateOptions, "designId">): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLiveState(ecs, design, opts);
  return { plan: planDesign(design, live, { designId: opts.designId, ...(opts.region ? { region: opts.region } : {}), ...(opts.priceTable ? { priceTable: opts.priceTable } : {}), ...(opts.instancesFor ? { instancesFor: opts.instancesFor } : {}) }), live };
}
