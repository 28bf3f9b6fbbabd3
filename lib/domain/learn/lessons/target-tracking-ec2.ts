import type { ContainerInstance } from "@aws-sdk/client-ecs";
import type { AutoScaling, Design } from "../../design";
import { designCost, usd } from "../../cost";
import { SANDBOX_REGION } from "../../ecs-facts/sandbox";
import { catalogEntry } from "../catalog";
import { activeService, done, isRunning, NOT_APPLIED, notYet, serviceTasks } from "../helpers";
import type { Lesson, SandboxSnapshot, SandboxStepCheck } from "../types";
import { notBackIn, scalingActivitiesOf } from "./scaling-activities";
import { NGINX, starterDesign } from "./starters";

// Target tracking on EC2: the service scales its tasks on CPU (Application Auto Scaling), and an
// Auto Scaling group capacity provider with managed scaling scales the instances under them. ECS
// keeps the provider's CapacityProviderReservation metric (instances needed ÷ instances running ×
// 100) at targetCapacity: tasks that cannot be placed make it launch instances (registered after
// instanceWarmupPeriod), and instances left idle are scaled in (after 15 minutes below target).
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html

const CLUSTER = "learn-ec2-scaling";
const SERVICE = "web-ec2";
const PROVIDER = "learn-asg";
const GROUP = "learn-web-asg";
const MIN = 2;
const MAX = 6;
const TARGET = 50;
const WARMUP = 60;
/** An m5.large registers 2 vCPUs (2048 cpu units) and 7,680 MiB with ECS: two 1-vCPU, 2 GiB tasks each. */
const INSTANCE = { instanceType: "m5.large", cpu: 2048, memory: 7680 };
const TASKS_PER_INSTANCE = 2;
const instancesFor = (tasks: number) => Math.ceil(tasks / TASKS_PER_INSTANCE);

const AUTO_SCALING: AutoScaling = {
  minCapacity: MIN,
  maxCapacity: MAX,
  policies: [{
    policyName: "cpu-at-50",
    policyType: "TargetTrackingScaling",
    targetTrackingScalingPolicyConfiguration: {
      targetValue: TARGET,
      predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
      scaleOutCooldown: 60,
      scaleInCooldown: 300,
    },
  }],
};

const starter: Design = starterDesign({
  capacityProviders: [{
    id: `cp-${PROVIDER}`, name: PROVIDER,
    autoScalingGroupProvider: {
      autoScalingGroupArn: `arn:aws:autoscaling:${SANDBOX_REGION}:000000000000:autoScalingGroup:6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b:autoScalingGroupName/${GROUP}`,
      managedScaling: { status: "ENABLED", targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10, instanceWarmupPeriod: WARMUP },
      managedTerminationProtection: "DISABLED",
      managedDraining: "ENABLED",
    },
  }],
  clusters: [{
    id: `cl-${CLUSTER}`, clusterName: CLUSTER, capacityProviders: [PROVIDER],
    defaultCapacityProviderStrategy: [{ capacityProvider: PROVIDER, weight: 1 }],
  }],
  taskDefinitions: [{
    id: `td-${SERVICE}`, family: SERVICE, networkMode: "bridge", requiresCompatibilities: ["EC2"], cpu: "1024", memory: "2048",
    containerDefinitions: [{ name: "web", image: NGINX, essential: true, portMappings: [{ containerPort: 80, hostPort: 0, protocol: "tcp" }] }],
  }],
  services: [{
    id: `svc-${SERVICE}`, serviceName: SERVICE, cluster: CLUSTER, taskDefinition: SERVICE, desiredCount: MIN,
    capacityProviderStrategy: [{ capacityProvider: PROVIDER, weight: 1 }], autoScaling: AUTO_SCALING,
  }],
});

/** What `n` m5.large instances cost a month, from the cost model (it prices a cluster's instances; us-east-1's on-demand prices). */
function instancesMonthly(n: number): number {
  const cluster = { ...starter.clusters[0], instances: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, ...INSTANCE })) };
  return designCost({ ...starter, clusters: [cluster] }).shared.find((l) => l.kind === "instances")?.monthly ?? 0;
}
const atMin = usd(instancesMonthly(instancesFor(MIN)));
const atMax = usd(instancesMonthly(instancesFor(MAX)));
const perInstance = usd(instancesMonthly(1));

const successfulScaling = scalingActivitiesOf(CLUSTER, SERVICE, MIN);
const providerInstances = (snapshot: SandboxSnapshot, status = "ACTIVE") =>
  snapshot.containerInstances.filter((i) => i.capacityProviderName === PROVIDER && i.status === status);
const isIdle = (i: ContainerInstance) => (i.runningTasksCount ?? 0) + (i.pendingTasksCount ?? 0) === 0;
/** Every instance the service's tasks ran on (RUNNING and STOPPED tasks): at least what the group had at its peak. */
const instancesUsed = (snapshot: SandboxSnapshot) => new Set(serviceTasks(snapshot, SERVICE).map((t) => t.containerInstanceArn).filter(Boolean)).size;

/** Applied: the provider launched the instance the first tasks needed, and they run on it. */
export const launchedForTasks: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    if (!activeService(snapshot)) return notYet(NOT_APPLIED);
    const instances = providerInstances(snapshot).length;
    if (!instances) return notYet(`No instance of ${PROVIDER} is registered yet: the tasks wait in PROVISIONING while the Auto Scaling group launches one, which registers after the ${WARMUP} s warm-up. Fast-forward.`);
    const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
    return running >= MIN ? done() : notYet(`${instances} instance registered, ${running} of ${MIN} tasks RUNNING: fast-forward.`);
  },
};

/** More tasks, set by the scaler, on more instances, launched by the provider, every task RUNNING. */
export const instancesAdded: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const svc = activeService(snapshot);
    if (!svc) return notYet(NOT_APPLIED);
    const desired = svc.desiredCount ?? 0;
    if (desired <= MIN || !successfulScaling(snapshot, "out").length) {
      return notYet(`The desired count is ${desired}. The high alarm needs 3 one-minute datapoints above ${TARGET} % in a row: set the load, then fast-forward.`);
    }
    const instances = providerInstances(snapshot).length;
    const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
    if (running < desired) {
      return notYet(`The scaler asked for ${desired} tasks and ${running} run on ${instances} instance${instances === 1 ? "" : "s"}: the others cannot be placed until ${PROVIDER} launches more instances (${WARMUP} s warm-up each). Fast-forward.`);
    }
    if (instances < instancesFor(desired)) return notYet(`${running} tasks run, but only ${instances} instance${instances === 1 ? "" : "s"}: fast-forward.`);
    return done();
  },
};

/** Back at the minimum, and the instances the peak needed scaled in: every instance left runs a task. */
export const instancesRemoved: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const waiting = notBackIn(snapshot, successfulScaling, MIN);
    if (waiting) return waiting;
    const active = providerInstances(snapshot);
    const idle = active.filter(isIdle).length;
    const draining = providerInstances(snapshot, "DRAINING").length;
    if (idle || active.length >= instancesUsed(snapshot)) {
      return notYet(`The tasks are back to ${MIN}, ${active.length} instance${active.length === 1 ? "" : "s"} still ACTIVE (${idle} idle${draining ? `, ${draining} draining` : ""}): ECS scales in an instance after it has run no task for 15 minutes. Fast-forward.`);
    }
    return done();
  },
};

export const targetTrackingEc2: Lesson = {
  ...catalogEntry("target-tracking-ec2"),
  summary: "Scale a service on CPU on EC2: ramp the load, watch tasks added and the Auto Scaling group capacity provider launch the instances they need, then watch both scale back in; then see what the peak costs.",
  recap: [
    "On EC2 two scalers work together: Application Auto Scaling changes the service's desired count, and the capacity provider's managed scaling changes the Auto Scaling group's desired capacity so that the tasks have somewhere to run.",
    "ECS keeps the provider's CapacityProviderReservation (instances needed ÷ instances running × 100) at its targetCapacity: tasks that cannot be placed raise it and an instance is launched, registered after its warm-up; an instance left idle lowers it and is scaled in after 15 minutes.",
    "At the peak you pay for whole instances, not task-sized slices: the bill moves in steps of one instance, and a targetCapacity below 100 buys spare room at the price of idle instances.",
  ],
  concepts: ["launch-types", "ecs-building-blocks"],
  starter,
  steps: [
    {
      id: "apply",
      title: "Apply a service on an Auto Scaling group provider",
      goal: `Apply the design: ${SERVICE} runs ${MIN} tasks of 1 vCPU on the capacity provider ${PROVIDER}, whose Auto Scaling group ${GROUP} starts with no instance. Managed scaling (targetCapacity 100 %) launches what the tasks need.`,
      hints: [
        `Press “Apply to sandbox”, then fast-forward: the tasks wait in PROVISIONING until the group's first m5.large registers, ${WARMUP} s after it was launched.`,
        "Two 1-vCPU tasks fit one m5.large (2 vCPUs), so one instance is all the minimum needs.",
      ],
      actions: [{ id: "apply" }, { id: "fast-forward", label: "Fast-forward 90 seconds", seconds: 90 }],
      check: launchedForTasks,
    },
    {
      id: "ramp",
      title: "Ramp the load and watch instances added",
      goal: `Ramp the load from 20 to 200 requests per second over 5 minutes. CPU climbs past ${TARGET} %, the scaler raises the desired count, and the tasks that do not fit on the instances there make ${PROVIDER} launch more.`,
      hints: [
        "Press “Ramp the load”, then fast-forward 10 minutes, twice if needed: the alarm needs three minutes above the target, and every instance its warm-up.",
        "The scene on this page draws each instance as it registers; the Auto Scaling group's DesiredCapacity (aws autoscaling describe-auto-scaling-groups against the sandbox) is what ECS asked for.",
      ],
      actions: [
        { id: "set-load", label: "Ramp the load (20 → 200 req/s)", service: SERVICE, shape: { kind: "ramp", from: 20, to: 200, minutes: 5 } },
        { id: "fast-forward", label: "Fast-forward 10 minutes", seconds: 600 },
      ],
      check: instancesAdded,
    },
    {
      id: "reservation",
      title: "How many instances?",
      goal: "Say it in your own words first, then pick the answer that matches.",
      hints: ["An m5.large registers 2 vCPUs; each task reserves 1 vCPU. ECS counts instances that run at least one task."],
      check: {
        kind: "question",
        question: "The scaler set the desired count to 5. With targetCapacity 100 % and two tasks per m5.large, how many instances does managed scaling want, and why?",
        choices: [
          {
            id: "three", correct: true, why: "",
            text: "Three: five tasks need three instances (2 + 2 + 1), and at targetCapacity 100 % CapacityProviderReservation is held at 100 %, instances needed equal to instances running, with no spare.",
          },
          { id: "five", text: "Five: ECS launches one instance per task.", why: "ECS places as many tasks on an instance as its CPU and memory allow; the provider launches only what the tasks that could not be placed need." },
          { id: "six", text: "Six: the service's maximum capacity, so the peak is always covered.", why: "The service's maxCapacity bounds the tasks, not the instances; managed scaling follows the tasks that are there, not those that might come." },
          { id: "two-and-half", text: "Two and a half, rounded down to two: targetCapacity 100 % means every instance full.", why: "Instances are whole: a fifth task on two full instances cannot be placed, so a third is launched." },
        ],
      },
    },
    {
      id: "quiet",
      title: "Take the load away",
      goal: `Drop the load to 10 requests per second. The tasks scale back to ${MIN} after the low alarm's 15 minutes; the instances they leave idle go 15 minutes later, drained first (managed draining).`,
      hints: [
        "Press “Drop the load”, then fast-forward 20 minutes, twice: tasks first, then the idle instances.",
        "An instance still running one task stays: scale-in only takes instances that run nothing.",
      ],
      actions: [
        { id: "set-load", label: "Drop the load (10 req/s)", service: SERVICE, shape: { kind: "constant", rps: 10 } },
        { id: "fast-forward", label: "Fast-forward 20 minutes", seconds: 1200 },
      ],
      check: instancesRemoved,
    },
    {
      id: "peak-cost",
      title: "What the peak costs",
      goal: `On EC2 you pay for the instances, not the tasks: an m5.large is ${perInstance} a month at us-east-1's on-demand Linux price (730 hours). Work out the bill at ${MIN} and at ${MAX} tasks before you pick.`,
      hints: [`${MIN} tasks fit ${instancesFor(MIN)} instance; ${MAX} tasks need ${instancesFor(MAX)}.`, "A month is 730 hours."],
      check: {
        kind: "question",
        question: `If the load stayed at its peak all month and the service sat at its maximum of ${MAX} tasks, what would the instances cost, against ${MIN} tasks when idle?`,
        choices: [
          { id: "instances", correct: true, why: "", text: `${atMax} a month for ${instancesFor(MAX)} m5.large instances, against ${atMin} for ${instancesFor(MIN)} at the minimum: the bill follows the instances the tasks need, in whole instances.` },
          { id: "per-task", text: `${usd(instancesMonthly(1) * 5 / TASKS_PER_INSTANCE)} for the five tasks the peak ran: half an instance each.`, why: "Instances are billed whole: five tasks need three instances, and at the maximum of six the three are full." },
          { id: "max-size", text: `${usd(instancesMonthly(10))}: the Auto Scaling group's maximum size of 10 instances.`, why: "MaxSize only bounds what managed scaling may ask for; you pay for the instances that run." },
          { id: "same", text: `${atMin}: managed scaling keeps the group at its minimum size.`, why: "Managed scaling grows the group when tasks cannot be placed; it went to three instances at the peak." },
        ],
      },
    },
  ],
};
