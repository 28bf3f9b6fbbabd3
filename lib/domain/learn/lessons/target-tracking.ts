import type { AutoScaling } from "../../design";
import { serviceCost, usd } from "../../cost";
import { catalogEntry } from "../catalog";
import { activeService, APPLY_AND_WAIT, done, isRunning, NOT_APPLIED, notYet, serviceTasks } from "../helpers";
import type { Lesson, SandboxStepCheck } from "../types";
import { notBackIn, scalingActivitiesOf } from "./scaling-activities";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-scaling";
const SERVICE = "web-scaled";
const MIN = 2;
const MAX = 6;
const TARGET = 50;

/**
 * Average CPU held at 50 %: scale out a minute after the last scale-out at the soonest, scale in
 * five minutes after the last scale-in (Application Auto Scaling's defaults for ECS are 300 s both ways).
 */
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

const starter = starterDesign({
  clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
  taskDefinitions: [fargateTaskDefinition(SERVICE, [web()])],
  services: [fargateService(SERVICE, CLUSTER, SERVICE, { desiredCount: MIN, autoScaling: AUTO_SCALING })],
});

// What the peak costs, from the cost model and the published prices (us-east-1: the price
// table's Region; the sandbox's own Region has no bill).
const cost = serviceCost(starter.services[0], starter, { capacity: { [starter.services[0].id]: { min: MIN, max: MAX } } });
const atMin = usd(cost.atMin ?? 0);
const atMax = usd(cost.atMax ?? 0);
const perTask = usd(cost.perTask ?? 0);

const successfulScaling = scalingActivitiesOf(CLUSTER, SERVICE, MIN);

/** Desired count above the minimum, set by the scaler, and every task it asked for RUNNING. */
export const scaledOut: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const svc = activeService(snapshot);
    if (!svc) return notYet(NOT_APPLIED);
    const desired = svc.desiredCount ?? 0;
    if (desired <= MIN) {
      return notYet(`The desired count is still ${desired}. The high alarm needs 3 one-minute datapoints above ${TARGET} % in a row: set the load, then fast-forward a few minutes.`);
    }
    if (!successfulScaling(snapshot, "out").length) return notYet(`The desired count is ${desired}, but no scaling activity set it: was it changed by hand? Let the scaler do it (apply again resets it).`);
    const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
    if (running < desired) return notYet(`The scaler asked for ${desired} tasks and ${running} run so far: the new tasks are starting. Fast-forward, then check again.`);
    return done();
  },
};

/** Back at the minimum by a scale-in activity, with the extra tasks stopped. */
export const scaledIn: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const waiting = notBackIn(snapshot, successfulScaling, MIN);
    if (waiting) return waiting;
    const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
    if (running > MIN) return notYet(`${running} tasks still run: the ones scaled in are draining and stopping. Fast-forward, then check again.`);
    return done();
  },
};

export const targetTracking: Lesson = {
  ...catalogEntry("target-tracking"),
  summary: "Give a service a target-tracking policy on CPU, ramp the sandbox's load, watch it add tasks, take the load away and watch it scale back in; then see what the peak costs.",
  recap: [
    "A target-tracking policy keeps a metric near its target: Application Auto Scaling makes two CloudWatch alarms for it and changes the desired count in proportion to how far the metric is off.",
    "It scales out quickly (3 one-minute datapoints above the target) and in slowly (15 datapoints well below it, then the scale-in cooldown), because removing capacity too early costs more than keeping it a little longer.",
    "Minimum and maximum capacity bound what the scaler may do, and the maximum is also what you pay at the peak.",
  ],
  concepts: ["ecs-building-blocks", "launch-types"],
  starter,
  steps: [
    {
      id: "apply",
      title: "Apply a service that scales on CPU",
      goal: `Apply the design: ${SERVICE} runs ${MIN} tasks, and Application Auto Scaling keeps its average CPU near ${TARGET} % with between ${MIN} and ${MAX} tasks. Open the service's page in the monitor to watch.`,
      hints: ["Press “Apply to sandbox”, then fast-forward until two tasks are RUNNING.", "The service's autoScaling block in the inspector shows the policy: target 50 % on ECSServiceAverageCPUUtilization."],
      actions: APPLY_AND_WAIT,
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
          return running >= MIN ? done() : notYet(`${running} of ${MIN} tasks are RUNNING: wait or fast-forward.`);
        },
      },
    },
    {
      id: "ramp",
      title: "Ramp the load and watch tasks added",
      goal: `Ramp the load from 10 to 60 requests per second over 5 minutes. Each request costs the tasks CPU, so their average climbs past ${TARGET} %; the high alarm fires and the scaler raises the desired count until the average is back near the target.`,
      hints: [
        "Press “Ramp the load”, then fast-forward 10 minutes of sandbox time: the alarm needs three minutes above the target, and each scale-out waits for its 60 s cooldown.",
        "On the service page, the CPU chart crosses the dashed target line, and the scaling activity says which alarm triggered the policy.",
      ],
      actions: [
        { id: "set-load", label: "Ramp the load (10 → 60 req/s)", service: SERVICE, shape: { kind: "ramp", from: 10, to: 60, minutes: 5 } },
        { id: "fast-forward", label: "Fast-forward 10 minutes", seconds: 600 },
      ],
      check: scaledOut,
    },
    {
      id: "quiet",
      title: "Take the load away",
      goal: `Drop the load to 2 requests per second. CPU falls at once, but the desired count does not: watch how long it takes to come back to ${MIN}.`,
      hints: [
        "Press “Drop the load”, then fast-forward 20 minutes: the low alarm needs 15 datapoints in a row, then the 300 s scale-in cooldown applies.",
        "The scaling activity on the service page names the low alarm when it scales in.",
      ],
      actions: [
        { id: "set-load", label: "Drop the load (2 req/s)", service: SERVICE, shape: { kind: "constant", rps: 2 } },
        { id: "fast-forward", label: "Fast-forward 20 minutes", seconds: 1200 },
      ],
      check: scaledIn,
    },
    {
      id: "why-slow",
      title: "Why scale-in waits",
      goal: "Say it in your own words first, then pick the answer that matches.",
      hints: ["Compare how many minutes passed between the load rising and tasks being added, and between the load dropping and tasks being removed."],
      check: {
        kind: "question",
        question: "The service scaled out within minutes of the load rising, but took a quarter of an hour to scale in after it fell. Why?",
        choices: [
          {
            id: "asymmetric",
            text: "Target tracking is built to scale in cautiously: its low alarm needs 15 one-minute datapoints below the target (its high alarm only 3), and the scale-in cooldown then holds further scale-in, so a short dip does not remove capacity that is needed again a minute later.",
            correct: true,
            why: "Scaling out late means slow or failed requests; scaling in late only costs a few task-minutes, so AWS makes scale-in the slow direction.",
          },
          {
            id: "draining",
            text: "ECS needed that long to drain the tasks' connections before it could lower the desired count.",
            why: "The desired count changed first, then tasks stopped; draining happens after the scaler decides, and it was not what kept the count up.",
          },
          {
            id: "broken",
            text: "The policy was not working: a target-tracking policy never scales in on its own; you must lower the desired count by hand.",
            why: "It did scale in by itself (see the scaling activity), unless DisableScaleIn is set, which this policy does not set.",
          },
          {
            id: "cooldown-out",
            text: "The scale-out cooldown of 60 seconds blocked every change for a quarter of an hour.",
            why: "A cooldown counts from the last scaling activity in its own direction and lasted one minute here; the wait came from the low alarm's 15 datapoints and the scale-in cooldown.",
          },
        ],
      },
    },
    {
      id: "peak-cost",
      title: "What the peak costs",
      goal: `Each task is 0.25 vCPU and 0.5 GB on Fargate (Linux, x86), ${perTask} a month at us-east-1's on-demand prices. Work out what the service costs at its minimum and at its maximum before you pick.`,
      hints: ["The cost of a service is its task count times the cost of one task: at least the minimum capacity, at most the maximum.", "A month is 730 hours."],
      check: {
        kind: "question",
        question: `If the load stayed at its peak all month and the service sat at its maximum of ${MAX} tasks, what would its tasks cost, against ${MIN} tasks when idle?`,
        choices: [
          { id: "max", text: `${atMax} a month at ${MAX} tasks, against ${atMin} at ${MIN}: scaling bounds the bill at the maximum capacity.`, correct: true, why: "" },
          { id: "min", text: `${atMin} a month: target tracking keeps the cost at the minimum capacity.`, why: "That is the idle cost; at the peak the scaler runs up to the maximum, and each task is billed while it runs." },
          { id: "hour", text: `${perTask} a month: Fargate bills the service, not its tasks.`, why: `That is one task's month. Fargate bills every task for its vCPU and memory per second, so ${MAX} tasks cost ${MAX} times as much.` },
          { id: "double", text: `Twice ${atMax}: a scaled service pays for the tasks being started and stopped as well.`, why: "Starting and stopping cost nothing extra; a task is billed from when its image pull starts until it stops." },
        ],
      },
    },
  ],
};
