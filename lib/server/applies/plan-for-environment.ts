import { planFingerprint } from "@/lib/domain/plan";
import { planPorts, withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { loadPriceTable, placedInstances } from "../cost";
import { getDesign } from "../designs/get-design";
import { loadEnvironmentRow } from "../environments";
import { planAgainstAccount } from "../plan";
import type { PlanForEnvironmentInput } from "./schemas";
import type { PlanResult } from "./types";

/** Reads what the design touches in the environment and plans against it (read-only calls only). */
export async function planForEnvironment({ ctx, input }: { ctx: AppContext; input: PlanForEnvironmentInput }): Promise<PlanResult> {
  const design = await getDesign({ ctx, input: { id: input.designId } });
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const priceTable = await loadPriceTable(ctx);
  const { plan } = await withEcs(ctx, env, (ecs) => planAgainstAccount(ecs, design.document, { designId: design.id, ...(env.kind === "sandbox" ? {} : { region: env.region }), priceTable, instancesFor: placedInstances, ...planPorts(ctx, env) }));
  return {
    plan, designVersion: design.version, fingerprint: planFingerprint(plan), environmentId: env.id,
    readOnly: env.readOnly, plannedAt: ctx.clock.now().toISOString(),
  };
}
