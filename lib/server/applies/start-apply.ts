import { isUniqueViolation, toJson } from "@/lib/db";
import { personOf } from "@/lib/domain/access";
import { planFingerprint } from "@/lib/domain/plan";
import { recordAudit } from "../audit";
import { withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { ApplyRunningError, PlanChangedError, ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { planAgainstAccount, servicesToWatch } from "../plan";
import { initialProgress } from "./apply-record";
import { markInterrupted } from "./apply-lease";
import type { StartApplyInput } from "./schemas";
import { validatorGate } from "./validator-gate";

/**
 * Plans again on the server and applies only if that plan is the one the user reviewed (same
 * design version, same calls): the browser's copy of a plan is never trusted, and only if its
 * design has no validator errors or the person chose to apply anyway. The apply then runs in
 * the background on this instance, which owns its row; its row records each step.
 * Only one apply of a design to an environment runs at a time, across every instance.
 */
export async function startApply({ ctx, input }: { ctx: AppContext; input: StartApplyInput }): Promise<{ id: string }> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  await refuseIfRunning(ctx, input.designId, env.id);
  const design = await getDesign({ ctx, input: { id: input.designId } });
  if (design.version !== input.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this plan was made. Plan again before applying.`);
  }
  const ecs = ctx.aws.ecs(env);
  const { plan } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design.document, { designId: design.id }));
  if (planFingerprint(plan) !== input.fingerprint) throw new PlanChangedError();
  if (plan.empty) throw new RefusedError("Nothing to apply: the account already matches the design.");
  const allowedErrors = validatorGate(plan, input.allowErrors === true);
  const doc = initialProgress(plan);
  const startedBy = personOf(ctx.actor);
  let row: { id: string };
  try {
    // The apply and its row of the audit trail (who started what, with which plan) commit together.
    row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.apply.create({
        data: {
          designId: design.id, designVersion: design.version, environmentId: env.id, plan: toJson(plan), status: "running",
          steps: toJson(doc), startedAt: ctx.clock.now(), waitForSteady: input.waitForSteady, owner: ctx.applies.holder,
          ...(allowedErrors ? { allowedErrors: toJson(allowedErrors) } : {}),
          ...(startedBy ? { startedBy } : {}),
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, {
        target: { type: "apply", id: created.id }, environmentId: env.id,
        after: { input, planHash: input.fingerprint, summary: plan.summary, ...(allowedErrors ? { allowedErrors: allowedErrors.length } : {}) },
      });
      return created;
    });
  } catch (err) {
    // Another instance started one between our check and this insert: the index decides.
    if (!isUniqueViolation(err)) throw err;
    await refuseIfRunning(ctx, design.id, env.id);
    throw new PlanChangedError("Another apply of this design to this environment ran meanwhile. Plan again before applying.");
  }
  ctx.applies.start(ctx.db, {
    id: row.id, environmentId: env.id, ecs, plan, doc, watch: input.waitForSteady ? servicesToWatch(plan) : [], clock: ctx.clock, actingFor: startedBy,
  });
  return { id: row.id };
}

/** Throws ApplyRunningError naming the running apply, after turning a dead one interrupted. */
export async function refuseIfRunning(ctx: AppContext, designId: string, environmentId: string): Promise<void> {
  await markInterrupted(ctx.db, { designId, environmentId }, ctx.applies.ttlMs);
  const running = await ctx.db.apply.findFirst({ where: { designId, environmentId, status: "running" }, select: { id: true, startedAt: true } });
  if (running) throw new ApplyRunningError(running.id, running.startedAt);
}
