import { isUniqueViolation, toJson } from "@/lib/db";
import { personOf } from "@/lib/domain/access";
import type { Plan } from "@/lib/domain/plan";
import { recordAudit } from "../audit";
import { planPorts, withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { NotFoundError, PlanChangedError, ReadOnlyEnvironmentError, RefusedError } from "../errors";
import { loadEnvironmentRow } from "../environments";
import { planAgainstAccount, servicesToWatch } from "../plan";
import { requireFreshSignIn } from "../approvals/fresh-sign-in";
import { claimInterrupted, markInterrupted } from "./apply-lease";
import { resumeProgress } from "./apply-record";
import { refuseIfRunning } from "./refuse-if-running";
import { validatorGate } from "./validator-gate";
import type { ApplyRef } from "./schemas";
import type { ApplyProgressDoc } from "./types";

/** The environment an apply ran against: what the permission of resuming it checks. */
export async function applyEnvironmentId(ctx: AppContext, id: string): Promise<string> {
  const row = await ctx.db.apply.findUnique({ where: { id }, select: { environmentId: true } });
  if (!row) throw new NotFoundError(`Apply ${id} does not exist`);
  return row.environmentId;
}

/**
 * Finishes an interrupted apply on this instance: plans the same design version again against
 * the account (what the stopped owner did is there, whether or not it was recorded), takes the
 * row over and runs what is left. Its CreateService calls carry the apply's own idempotency
 * tokens, so a call the stopped owner had sent is the same request to ECS, not a second one.
 * The first run's record stays as it was; the resume is recorded after it.
 */
export async function resumeApply({ ctx, input }: { ctx: AppContext; input: ApplyRef }): Promise<{ id: string }> {
  await markInterrupted(ctx.db, { id: input.id }, ctx.applies.ttlMs);
  const row = await ctx.db.apply.findUnique({ where: { id: input.id } });
  if (!row) throw new NotFoundError(`Apply ${input.id} does not exist`);
  if (row.status !== "interrupted") throw new RefusedError(`This apply is ${row.status}: only an interrupted apply can be resumed.`);
  const env = await loadEnvironmentRow(ctx, row.environmentId);
  if (env.readOnly) throw new ReadOnlyEnvironmentError(env.name);
  // An apply to a protected environment ran an approved plan; finishing it needs a fresh sign-in as well.
  if (env.protected) await requireFreshSignIn(ctx);
  await refuseIfRunning(ctx, row.designId, env.id);
  const design = await getDesign({ ctx, input: { id: row.designId } });
  if (design.version !== row.designVersion) {
    throw new PlanChangedError(`The design was saved again (now version ${design.version}) after this apply of version ${row.designVersion} started. Plan and apply the new version instead.`);
  }
  const ecs = ctx.aws.ecs(env);
  const { plan: left } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design.document, { designId: design.id, ...planPorts(ctx, env) }));
  // The same gate as the start, with the choice recorded then: a resume neither skips it nor forgets an override.
  validatorGate(left, row.allowedErrors != null);

  const resumedBy = personOf(ctx.actor);
  const doc = resumeProgress(row.steps as ApplyProgressDoc, left, { resumedAt: ctx.clock.now(), interruptedAt: row.heartbeatAt, resumedBy });
  try {
    // Taking the row over, recording who resumed it and its row of the audit trail commit together.
    await ctx.db.$transaction(async (tx) => {
      if (!(await claimInterrupted(tx, { id: row.id, owner: ctx.applies.holder }))) throw new RefusedError("This apply was resumed elsewhere meanwhile.");
      await tx.apply.updateMany({ where: { id: row.id, owner: ctx.applies.holder, status: "running" }, data: { steps: toJson(doc) } });
      await recordAudit(tx, ctx, {
        target: { type: "apply", id: row.id }, environmentId: env.id,
        before: { status: "interrupted" }, after: { status: "running", stepsLeft: doc.resumes?.at(-1)?.steps.length ?? 0 },
      });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await refuseIfRunning(ctx, row.designId, env.id);
    throw new RefusedError("Another apply of this design to this environment ran meanwhile. Plan again to see what is left.");
  }
  const watch = row.waitForSteady ? servicesToWatch(row.plan as Plan) : [];
  // The runner acts for whoever resumed it; its rows say so.
  ctx.applies.start(ctx.db, { id: row.id, environmentId: env.id, ecs, elbv2: ctx.aws.elbv2(env), autoscaling: ctx.aws.autoscaling(env), scheduler: ctx.aws.scheduler(env), plan: left, doc, watch, clock: ctx.clock, actingFor: resumedBy });
  return { id: row.id };
}
