import type { AutoScalingPort, EcsPort, Elbv2Port } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import { lessonById, missingInstances, taskToCrash, withFailingRelease, withNewRelease, type LoadShape, type SandboxAction } from "@/lib/domain/learn";
import { splitPlan, type Plan } from "@/lib/domain/plan";
import { validateDesign, type Finding } from "@/lib/domain/rules";
import { planPorts, withEcs } from "../aws-ports";
import type { AppContext } from "../context";
import { saveDesign } from "../designs";
import { AwsCallError, NotFoundError, PlanHasErrorsError, RefusedError } from "../errors";
import { applyPlan, planAgainstAccount } from "../plan";
import { lessonDesign } from "./lesson-design";
import { lessonSandbox, sandboxControl } from "./sandbox";
import type { SandboxActionInput } from "./schemas";
import { sandboxSnapshot } from "./snapshot";

/**
 * ECS refusing a call is part of learning, not a server failure: it comes back as `error`. So
 * does a design the validator finds errors in, refused before any call, as Plan & apply refuses
 * it: no lesson step applies an invalid design on purpose, and a lesson has no "apply anyway".
 */
export type SandboxActionResult = { ok: true; message: string } | { ok: false; error: string };

/** The learner's copy of a lesson; `spot`: the lesson takes Fargate Spot capacity away in one of its steps. */
type Lesson = { designId: string; design: Design; version: number; spot: boolean };

const SPOT_ACTIONS = new Set<SandboxAction["id"]>(["spot-capacity-gone"]);

export async function runSandboxAction({ ctx, input }: { ctx: AppContext; input: SandboxActionInput }): Promise<SandboxActionResult> {
  const lesson = lessonById(input.lessonId);
  const action = lesson?.steps.find((s) => s.id === input.stepId)?.actions?.find((a) => a.id === input.actionId);
  if (!lesson || !action) throw new NotFoundError(`Step ${input.stepId} of ${input.lessonId} offers no ${input.actionId}`);
  const { progress, design, version } = await lessonDesign(ctx, lesson.id);
  if (!design || !progress.designId || version === undefined) return { ok: false, error: "Start the lesson first: it creates the design you work in." };
  try {
    const spot = lesson.steps.some((s) => s.actions?.some((a) => SPOT_ACTIONS.has(a.id)));
    return { ok: true, message: await perform(ctx, { designId: progress.designId, design, version, spot }, action) };
  } catch (err) {
    if (err instanceof AwsCallError || err instanceof RefusedError || err instanceof PlanHasErrorsError) return { ok: false, error: err.message };
    throw err;
  }
}

async function perform(ctx: AppContext, lesson: Lesson, action: SandboxAction): Promise<string> {
  switch (action.id) {
    case "apply": {
      // Every run of a lesson that takes Fargate Spot capacity away starts with it back in its clusters.
      if (lesson.spot) await setLessonSpotCapacity(ctx, lesson.design, true);
      const calls = await planAndApply(ctx, lesson.designId, lesson.design);
      return `Applied: ${calls} call${calls === 1 ? "" : "s"} to the sandbox's ECS API.`;
    }
    case "deploy": {
      const live = await sandboxSnapshot(ctx, lesson.design);
      if (!live.services.some((s) => s.status === "ACTIVE")) return "Nothing to deploy yet: apply the design first.";
      // A new revision is a change to the design, saved like any edit, then planned and applied.
      refuseErrors(validateDesign(lesson.design).filter((f) => f.severity === "error"));
      const design = withNewRelease(lesson.design);
      await saveDesign({ ctx, input: { id: lesson.designId, expectedVersion: lesson.version, document: design } });
      await planAndApply(ctx, lesson.designId, design);
      return "A new revision (RELEASE raised by one) is registered and the service is deploying it.";
    }
    case "deploy-failing": {
      const live = await sandboxSnapshot(ctx, lesson.design);
      if (!live.services.some((s) => s.status === "ACTIVE")) return "Nothing to deploy yet: apply the design first.";
      refuseErrors(validateDesign(lesson.design).filter((f) => f.severity === "error"));
      const { design, image } = withFailingRelease(lesson.design);
      const { env } = await lessonSandbox(ctx);
      // The sandbox fails the health checks of tasks running this image (and only those): the green ones.
      await sandboxControl(ctx, { action: "failHealthCheck", region: env.region, image });
      await saveDesign({ ctx, input: { id: lesson.designId, expectedVersion: lesson.version, document: design } });
      await planAndApply(ctx, lesson.designId, design);
      return `A new revision running ${image} is deploying; the sandbox makes its tasks fail their health checks.`;
    }
    case "crash-task": {
      const { env } = await lessonSandbox(ctx);
      const snapshot = await sandboxSnapshot(ctx, lesson.design);
      const task = taskToCrash(snapshot.tasks);
      if (!task?.taskArn) return "No task is RUNNING yet, so there is nothing to crash. Apply and wait first.";
      const cluster = task.clusterArn?.slice(task.clusterArn.lastIndexOf("/") + 1);
      await sandboxControl(ctx, {
        action: "crashTask", region: env.region, cluster, task: task.taskArn, exitCode: 1,
        reason: "Crashed on purpose by the lesson", ...(action.container ? { container: action.container } : {}),
      });
      const id = task.taskArn.slice(task.taskArn.lastIndexOf("/") + 1, task.taskArn.lastIndexOf("/") + 13);
      return `Task ${id} crashed${action.container ? ` (${action.container} exited with code 1)` : ""}.`;
    }
    case "set-load": {
      const { env } = await lessonSandbox(ctx);
      const svc = lesson.design.services.find((x) => x.serviceName === action.service);
      const live = (await sandboxSnapshot(ctx, lesson.design)).services.find((x) => x.status === "ACTIVE" && x.serviceName === action.service);
      if (!svc || !live) return "Nothing to load yet: apply the design first.";
      const cluster = live.clusterArn?.slice(live.clusterArn.lastIndexOf("/") + 1);
      await sandboxControl(ctx, { action: "setLoad", region: env.region, cluster, service: action.service, load: action.shape });
      return `The sandbox now sends ${action.service} ${loadText(action.shape)}.`;
    }
    case "fast-forward":
      await sandboxControl(ctx, { action: "step", seconds: action.seconds });
      return `The sandbox's clock moved ${action.seconds} seconds forward.`;
    case "interrupt-spot":
    case "spot-capacity-gone": {
      const { env } = await lessonSandbox(ctx);
      const spot = (await sandboxSnapshot(ctx, lesson.design)).tasks
        .filter((t) => t.capacityProviderName === "FARGATE_SPOT" && t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING");
      if (action.id === "spot-capacity-gone") await setLessonSpotCapacity(ctx, lesson.design, false);
      if (!spot.length) return action.id === "spot-capacity-gone" ? "Fargate Spot has no capacity now; no Spot task was running." : "No task runs on FARGATE_SPOT yet: apply and wait first.";
      const clusters = [...new Set(spot.map((t) => t.clusterArn?.slice(t.clusterArn.lastIndexOf("/") + 1)))];
      for (const cluster of action.id === "interrupt-spot" ? clusters.slice(0, 1) : clusters) {
        const count = action.id === "interrupt-spot" ? 1 : spot.filter((t) => t.clusterArn?.endsWith(`/${cluster}`)).length;
        await sandboxControl(ctx, { action: "interruptSpot", region: env.region, cluster, count });
      }
      return action.id === "interrupt-spot"
        ? "AWS took one Fargate Spot task back: it got the two-minute warning and is stopping."
        : `Fargate Spot has no capacity now, and AWS took back all ${spot.length} Spot task${spot.length === 1 ? "" : "s"}.`;
    }
  }
}

function loadText(s: LoadShape): string {
  switch (s.kind) {
    case "constant": return `${s.rps} requests per second`;
    case "ramp": return `a load ramping from ${s.from} to ${s.to} requests per second over ${s.minutes} minutes`;
    case "daily": return `a daily curve from ${s.trough} to ${s.peak} requests per second (peak at ${s.peakHour}:00 UTC)`;
    case "spike": return `${s.base} requests per second, with a spike of ${s.height} more in ${s.atMinutes} minutes for ${s.minutes} minutes`;
    case "off": return "no load";
  }
}

/**
 * A lesson's Apply is Plan & apply, the same planDesign and applyPlan, in two parts: clusters
 * (with the capacity providers they name, in the plan's order) first, then the design's EC2 instances the sandbox does not have yet (no ECS call creates
 * those), then the rest, so services are placed once their capacity is there. Returns how many
 * calls it made; a refused call ends it with ECS's message.
 */
async function planAndApply(ctx: AppContext, designId: string, design: Design): Promise<number> {
  const { env, ecs } = await lessonSandbox(ctx);
  const { plan } = await withEcs(ctx, env, (port) => planAgainstAccount(port, design, { designId, ...planPorts(ctx, env) }));
  refuseErrors(plan.errors);
  const [clusters, rest] = splitPlan(plan, (s) => (s.kind === "cluster" || s.kind === "capacity-provider") && s.action !== "delete");
  const elbv2 = ctx.aws.elbv2(env);
  const autoscaling = ctx.aws.autoscaling(env);
  await applyOrRefuse(ecs, { elbv2, autoscaling }, clusters);
  const registered = await withEcs(ctx, env, async (port) => Object.fromEntries(await Promise.all(design.clusters.map(async (c) =>
    [c.clusterName, (await port.listContainerInstances({ cluster: c.clusterName })).length] as const))));
  const instances = missingInstances(design, registered, env.region);
  for (const call of instances) await sandboxControl(ctx, { ...call, action: "addInstances" });
  await applyOrRefuse(ecs, { elbv2, autoscaling }, rest);
  return callCount(plan) + instances.length;
}

function refuseErrors(errors: Finding[]): void {
  if (errors.length) throw new PlanHasErrorsError(errors, "Fix them on the lesson's canvas (its Problems panel lists them), then apply again.");
}

async function applyOrRefuse(ecs: EcsPort, ports: { elbv2: Elbv2Port; autoscaling: AutoScalingPort }, plan: Plan): Promise<void> {
  const r = await applyPlan(ecs, plan, ports);
  if (!r.ok) throw new RefusedError(`${r.failedCall.operation} failed: ${r.error.name}: ${r.error.message}`);
}

const callCount = (plan: Plan) => plan.steps.reduce((n, s) => n + s.calls.length, 0);

/** Fargate Spot capacity in the lesson's own clusters of the sandbox (that exist there): only they lose it, never anyone else's. */
export async function setLessonSpotCapacity(ctx: AppContext, design: Design, available: boolean): Promise<void> {
  const { env, ecs } = await lessonSandbox(ctx);
  const { clusters } = await ecs.describeClusters({ clusters: design.clusters.map((c) => c.clusterName) });
  const live = new Set(clusters.filter((c) => c.status === "ACTIVE").map((c) => c.clusterName));
  for (const c of design.clusters) {
    if (live.has(c.clusterName)) await sandboxControl(ctx, { action: "setSpotCapacity", region: env.region, cluster: c.clusterName, available });
  }
}
