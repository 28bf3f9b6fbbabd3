import type { Design } from "@/lib/domain/design";
import { LEARN_REGION, lessonById, planSandboxApply, taskToCrash, type SandboxAction, type SandboxLive } from "@/lib/domain/learn";
import { NotFoundError } from "../errors";
import { sandboxOf, type LearnCtx } from "./context";
import { lessonDesign } from "./lesson-design";
import { SandboxCallError, type LearnSandbox } from "./sandbox-client";
import type { SandboxActionInput } from "./schemas";
import { readSnapshot } from "./snapshot";

/** ECS refusing a call is part of learning, not a server failure: it comes back as `error`. */
export type SandboxActionResult = { ok: true; message: string } | { ok: false; error: string };

export async function runSandboxAction({ ctx, input }: { ctx: LearnCtx; input: SandboxActionInput }): Promise<SandboxActionResult> {
  const lesson = lessonById(input.lessonId);
  const action = lesson?.steps.find((s) => s.id === input.stepId)?.actions?.find((a) => a.id === input.actionId);
  if (!lesson || !action) throw new NotFoundError(`Step ${input.stepId} of ${input.lessonId} offers no ${input.actionId}`);
  const { design } = await lessonDesign(ctx, lesson.id);
  if (!design) return { ok: false, error: "Start the lesson first: it creates the design you work in." };
  const sandbox = sandboxOf(ctx);
  try {
    return { ok: true, message: await perform(sandbox, design, action) };
  } catch (err) {
    if (err instanceof SandboxCallError) return { ok: false, error: `${err.op} failed: ${err.type}: ${err.message}` };
    throw err;
  }
}

async function perform(sandbox: LearnSandbox, design: Design, action: SandboxAction): Promise<string> {
  switch (action.id) {
    case "apply":
    case "deploy": {
      const live = await readLive(sandbox, design);
      if (action.id === "deploy" && live.services.length === 0) return "Nothing to deploy yet: apply the design first.";
      const calls = planSandboxApply(design, live, { forceNewDeployment: action.id === "deploy" });
      for (const call of calls) {
        if (call.kind === "ecs") await sandbox.ecs(call.op, call.input);
        else await sandbox.control(call.input);
      }
      return action.id === "apply"
        ? `Applied: ${calls.length} call${calls.length === 1 ? "" : "s"} to the sandbox's ECS API.`
        : "A new revision is registered and the service is deploying it.";
    }
    case "crash-task": {
      const snapshot = await readSnapshot(sandbox, design);
      const task = taskToCrash(snapshot.tasks);
      if (!task?.taskArn) return "No task is RUNNING yet, so there is nothing to crash. Apply and wait first.";
      const cluster = task.clusterArn?.slice(task.clusterArn.lastIndexOf("/") + 1);
      await sandbox.control({
        action: "crashTask", region: LEARN_REGION, cluster, task: task.taskArn, exitCode: 1,
        reason: "Crashed on purpose by the lesson", ...(action.container ? { container: action.container } : {}),
      });
      const id = task.taskArn.slice(task.taskArn.lastIndexOf("/") + 1, task.taskArn.lastIndexOf("/") + 13);
      return `Task ${id} crashed${action.container ? ` (${action.container} exited with code 1)` : ""}.`;
    }
    case "fast-forward":
      await sandbox.control({ action: "step", seconds: action.seconds });
      return `The sandbox's clock moved ${action.seconds} seconds forward.`;
  }
}

async function readLive(sandbox: LearnSandbox, design: Design): Promise<SandboxLive> {
  const live: SandboxLive = { instanceCounts: {}, services: [] };
  const names = [...new Set(design.clusters.map((c) => c.clusterName))];
  if (names.length === 0) return live;
  const { clusters = [] } = await sandbox.ecs<{ clusters?: { clusterName: string; status: string }[] }>("DescribeClusters", { clusters: names });
  for (const cluster of clusters.filter((c) => c.status === "ACTIVE").map((c) => c.clusterName)) {
    const { containerInstanceArns = [] } = await sandbox.ecs<{ containerInstanceArns?: string[] }>("ListContainerInstances", { cluster, maxResults: 100 });
    live.instanceCounts[cluster] = containerInstanceArns.length;
    const { serviceArns = [] } = await sandbox.ecs<{ serviceArns?: string[] }>("ListServices", { cluster, maxResults: 100 });
    if (serviceArns.length === 0) continue;
    // A deleted service is listed while it drains; only ACTIVE ones can be updated.
    const { services = [] } = await sandbox.ecs<{ services?: { serviceName: string; status: string }[] }>("DescribeServices", { cluster, services: serviceArns.slice(0, 10) });
    for (const s of services) if (s.status === "ACTIVE") live.services.push(`${cluster}/${s.serviceName}`);
  }
  return live;
}
