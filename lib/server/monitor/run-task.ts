import { randomUUID } from "node:crypto";
import { personOf } from "@/lib/domain/access";
import { failureLines, taskRunView, type TaskRunView } from "@/lib/domain/monitor";
import { registerDesignTaskDefinition, startOneOffTask } from "@/lib/server/plan";
import type { AppContext } from "../context";
import { getDesign } from "../designs/get-design";
import { NotFoundError } from "../errors";
import { changeService } from "./change-service";
import type { RunTaskInput } from "./schemas";

export type RunTaskResult = {
  /** The family:revision or ARN it ran (a design's, once registered). */
  taskDefinition: string;
  task?: TaskRunView;
  /** RunTask's failures[], as ECS says them (a task it could not place, a capacity provider without capacity). */
  failures: string[];
};

/**
 * Runs a one-off task now (RunTask, count 1) from a task definition of the environment or of a
 * design (registered first as apply registers it: the latest revision when it is the same).
 * A read-only environment refuses it as it refuses applies. The task says who ran it: startedBy
 * "stevedore" and the stevedore:run-by tag with the person's email.
 */
export async function runTask({ ctx, input }: { ctx: AppContext; input: RunTaskInput }): Promise<RunTaskResult> {
  const design = input.source.kind === "design" ? await getDesign({ ctx, input: { id: input.source.designId } }) : undefined;
  if (design && !design.document.taskDefinitions.some((t) => t.id === input.source.taskDefinition || t.family === input.source.taskDefinition)) {
    throw new NotFoundError(`Design ${design.name} has no task definition ${input.source.taskDefinition}`);
  }
  const runBy = personOf(ctx.actor)?.email ?? "stevedore";
  return changeService(ctx, input.envId, async (ecs) => {
    const taskDefinition = design
      ? await registerDesignTaskDefinition(ecs, design.document, design.id, input.source.taskDefinition)
      : input.source.taskDefinition;
    const out = await startOneOffTask(ecs, { cluster: input.cluster, taskDefinition, options: input.options, runBy, clientToken: randomUUID() });
    const task = out.tasks?.[0];
    return { taskDefinition, ...(task ? { task: taskRunView(task) } : {}), failures: failureLines(out.failures) };
  });
}
