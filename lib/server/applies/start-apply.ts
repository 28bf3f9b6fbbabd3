import { toEcsFailure } from "@/lib/aws";
import { toJson } from "@/lib/db";
import { planFingerprint, type Plan } from "@/lib/domain/plan";
import { getDesign } from "../designs/get-design";
import { ecsFor, loadEnvironmentRow, type EnvCtx } from "../environments";
import { AwsCallError, PlanChangedError, ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { planAgainstAccount } from "../plan";
import { initialProgress } from "./apply-record";
import { runApplyInBackground, runningApplies } from "./apply-runner";
import type { StartApplyInput } from "./schemas";

/**
 * Plans again on the server and applies only if that plan is the one the user reviewed (same
 * design version, same calls): the browser's copy of a plan is never trusted. The apply then
 * runs in the background; its row records each step.
 */
export async function startApply({ ctx, input }: { ctx: EnvCtx; input: StartApplyInput }): Promise<{ id: string }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  const running = await ctx.db.apply.findMany({ where: { environmentId: env.id, designId: input.designId, status: "running" }, select: { id: true } });
  if (running.some((r) => runningApplies().has(r.id))) throw new RefusedError("An apply of this design to this environment is already running.");
  const design = await getDesign({ ctx, input: { id: input.designId } });
  if (design.version !== input.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this plan was made. Plan again before applying.`);
  }
  const { ecs, pacer } = ecsFor(ctx, env);
  let plan: Plan;
  try {
    plan = (await planAgainstAccount(ecs, design.document, { designId: design.id, pacer })).plan;
  } catch (err) {
    ecs.destroy();
    const f = toEcsFailure(err);
    throw new AwsCallError("ecs", f.name, f.message);
  }
  if (planFingerprint(plan) !== input.fingerprint) { ecs.destroy(); throw new PlanChangedError(); }
  if (plan.empty) { ecs.destroy(); throw new RefusedError("Nothing to apply: the account already matches the design."); }
  const row = await ctx.db.apply.create({
    data: {
      designId: design.id, designVersion: design.version, environmentId: env.id, plan: toJson(plan), status: "running",
      steps: toJson(initialProgress(plan)), startedAt: ctx.clock.now(),
    },
    select: { id: true },
  });
  runApplyInBackground(ctx.db, { id: row.id, ecs, pacer, plan, waitForSteady: input.waitForSteady, clock: ctx.clock });
  return { id: row.id };
}
