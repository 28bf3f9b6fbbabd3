import { toEcsFailure } from "@/lib/aws";
import { planFingerprint } from "@/lib/domain/plan";
import { getDesign } from "../designs/get-design";
import { ecsFor, loadEnvironmentRow, type EnvCtx } from "../environments";
import { AwsCallError } from "../errors";
import { planAgainstAccount } from "../plan";
import type { PlanForEnvironmentInput } from "./schemas";
import type { PlanResult } from "./types";

/** Reads what the design touches in the environment and plans against it (read-only calls only). */
export async function planForEnvironment({ ctx, input }: { ctx: EnvCtx; input: PlanForEnvironmentInput }): Promise<PlanResult> {
  const design = await getDesign({ ctx, input: { id: input.designId } });
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  const { ecs, pacer } = ecsFor(ctx, env);
  try {
    const { plan } = await planAgainstAccount(ecs, design.document, { designId: design.id, pacer });
    return {
      plan, designVersion: design.version, fingerprint: planFingerprint(plan), environmentId: env.id,
      readOnly: env.readOnly, plannedAt: ctx.clock.now().toISOString(),
    };
  } catch (err) {
    const f = toEcsFailure(err);
    throw new AwsCallError("ecs", f.name, f.message);
  } finally {
    ecs.destroy();
  }
}
