import { isUniqueViolation, toJson, type DbTransaction } from "@/lib/db";
import { personOf } from "@/lib/domain/access";
import type { Finding } from "@/lib/domain/rules";
import type { Plan } from "@/lib/domain/plan";
import type { AppContext } from "../context";
import { PlanChangedError } from "../errors";
import type { EnvironmentRow } from "../environments";
import { servicesToWatch } from "../plan";
import { initialProgress } from "./apply-record";
import { refuseIfRunning } from "./refuse-if-running";

type Launch = {
  env: EnvironmentRow; design: { id: string; version: number }; plan: Plan; waitForSteady: boolean; allowedErrors: Finding[] | null;
  /** More writes in the apply row's transaction (an approved request is marked applied with it). */
  within?: (tx: DbTransaction, applyId: string) => Promise<void>;
};

/**
 * Inserts the running apply row (the partial unique index lets one run per design and
 * environment, across instances) and starts it in the background on this instance.
 */
export async function launchApply(ctx: AppContext, { env, design, plan, waitForSteady, allowedErrors, within }: Launch): Promise<{ id: string }> {
  const ecs = ctx.aws.ecs(env);
  const doc = initialProgress(plan);
  // Who started it: on the row, and the person the apply runner's own audit rows act for.
  const startedBy = personOf(ctx.actor);
  let row: { id: string };
  try {
    row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.apply.create({
        data: {
          designId: design.id, designVersion: design.version, environmentId: env.id, plan: toJson(plan), status: "running",
          steps: toJson(doc), startedAt: ctx.clock.now(), waitForSteady, owner: ctx.applies.holder,
          ...(allowedErrors ? { allowedErrors: toJson(allowedErrors) } : {}),
          ...(startedBy ? { startedBy } : {}),
        },
        select: { id: true },
      });
      await within?.(tx, created.id);
      return created;
    });
  } catch (err) {
    // Another instance started one between our check and this insert: the index decides.
    if (!isUniqueViolation(err)) throw err;
    await refuseIfRunning(ctx, design.id, env.id);
    throw new PlanChangedError("Another apply of this design to this environment ran meanwhile. Plan again before applying.");
  }
  ctx.applies.start(ctx.db, {
    id: row.id, environmentId: env.id, ecs, elbv2: ctx.aws.elbv2(env), autoscaling: ctx.aws.autoscaling(env), scheduler: ctx.aws.scheduler(env), plan, doc, watch: waitForSteady ? servicesToWatch(plan) : [], clock: ctx.clock, actingFor: startedBy,
  });
  return { id: row.id };
}
