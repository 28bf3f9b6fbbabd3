import type { RunTaskCommandOutput, Task } from "@aws-sdk/client-ecs";
import type { EcsPort, PacerClock } from "../../aws";
import type { Design } from "../../domain/design";
import { registerInput } from "../../domain/plan";
import { runTaskRequest, type RunTaskOptions } from "../../domain/monitor";
import { registerOnce } from "./apply-plan";

// A one-off task, shared by the monitor (lib/server/monitor/run-task.ts) and `stevedore
// run-task`: register the design's task definition as apply does (an identical latest revision
// is reused, not stacked), RunTask, and wait for STOPPED by polling DescribeTasks.

/**
 * The `family:revision` to run for a design's task definition (by id or family): registered
 * when the latest ACTIVE revision differs from the design, the latest otherwise.
 */
export async function registerDesignTaskDefinition(ecs: EcsPort, design: Design, designId: string, ref: string): Promise<string> {
  const td = design.taskDefinitions.find((t) => t.id === ref || t.family === ref);
  if (!td) throw Object.assign(new Error(`The design has no task definition ${ref} (it has ${design.taskDefinitions.map((t) => t.family).join(", ") || "none"})`), { name: "NotFound" });
  return registerOnce(ecs, registerInput(td, designId).input as unknown as Record<string, unknown>);
}

/** RunTask once (count 1) with Stevedore's startedBy and run-by tag; ECS's failures[] come back as it gave them. */
export async function startOneOffTask(ecs: EcsPort, args: { cluster: string; taskDefinition: string; options: RunTaskOptions; runBy: string; clientToken: string }): Promise<RunTaskCommandOutput> {
  return ecs.runTask(runTaskRequest(args.cluster, args.taskDefinition, args.options, args.runBy, args.clientToken));
}

/** How often a waiting caller asks DescribeTasks (a task-read: 20 a second per account; one every 2 s costs nothing). */
export const WAIT_POLL_MS = 2_000;

/** Polls DescribeTasks until the task is STOPPED (or `timeoutMs` passes), reporting each change of status. */
export async function waitForTaskStopped(
  ecs: EcsPort, cluster: string, taskArn: string, clock: PacerClock,
  opts: { timeoutMs: number; pollMs?: number; onProgress?: (task: Task) => void },
): Promise<Task> {
  const deadline = clock.now() + opts.timeoutMs;
  let seen = "";
  for (;;) {
    const { tasks, failures } = await ecs.describeTasks({ cluster, tasks: [taskArn] });
    const task = tasks[0];
    if (!task) throw Object.assign(new Error(`DescribeTasks: ${failures[0]?.reason ?? "MISSING"} ${taskArn}`), { name: "TaskNotFound" });
    if (task.lastStatus !== seen) {
      seen = task.lastStatus ?? "";
      opts.onProgress?.(task);
    }
    if (task.lastStatus === "STOPPED") return task;
    if (clock.now() >= deadline) throw Object.assign(new Error(`${taskArn} is still ${task.lastStatus} after ${Math.round(opts.timeoutMs / 1000)} s`), { name: "TimeoutError" });
    await clock.sleep(opts.pollMs ?? WAIT_POLL_MS);
  }
}
