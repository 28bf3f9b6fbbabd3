import { toJson } from "@/lib/db";
import { planFingerprint } from "@/lib/domain/plan";
import { withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { PlanChangedError, ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { planAgainstAccount } from "../plan";
import { initialProgress } from "./apply-record";
import { runApplyInBackground, runningApplies } from "./apply-runner";
import type { StartApplyInput } from "./schemas";
import { validatorGate } from "./validator-gate";

/**
 * Plans again on the server and applies only if that plan is the one the user reviewed (same
 * design version, same calls): the browser's copy of a plan is never trusted, and only if its
 * design has no validator errors or the person chose to apply anyway. The apply then
 * runs in the background; its row records each step.
 */
export async function startApply({ ctx, input }: { ctx: AppContext; input: StartApplyInput }): Promise<{ id: string }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  const running = await ctx.db.apply.findMany({ where: { environmentId: env.id, designId: input.designId, status: "running" }, select: { id: true } });
  if (running.some((r) => runningApplies().has(r.id))) throw new RefusedError("An apply of this design to this environment is already running.");
  const design = await getDesign({ ctx, input: { id: input.designId } });
  if (design.version !== input.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this plan was made. Plan again before applying.`);
  }
  const ecs = ctx.aws.ecs(env);
  const { plan } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design.document, { designId: design.id }));
  if (planFingerprint(plan) !== input.fingerprint) throw new PlanChangedError();
  if (plan.empty) throw new RefusedError("Nothing to apply: the account already matches the design.");
  const allowedErrors = validatorGate(plan, input.allowErrors === true);
  const row = await ctx.db.apply.create({
    data: {
      designId: design.id, designVersion: design.version, environmentId: env.id, plan: toJson(plan), status: "running",
      steps: toJson(initialProgress(plan)), startedAt: ctx.clock.now(), ...(allowedErrors ? { allowedErrors: toJson(allowedErrors) } : {}),
    },
    select: { id: true },
  });
  runApplyInBackground(ctx.db, { id: row.id, ecs, plan, waitForSteady: input.waitForSteady, clock: ctx.clock });
  return { id: row.id };
}
