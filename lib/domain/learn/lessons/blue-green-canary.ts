import type { ServiceDeployment } from "@aws-sdk/client-ecs";
import type { Service } from "../../design";
import { listenerRuleRef } from "../../design/lookup";
import { catalogEntry } from "../catalog";
import { APPLY_AND_WAIT, done, isRunning, mapService, NOT_APPLIED, notYet, runningAtLeast, serviceTasks } from "../helpers";
import type { SandboxSnapshot, SandboxStepCheck } from "../types";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

// ECS's own traffic-shifting deployments (strategy CANARY, 2025-10-30) behind an Application
// Load Balancer: green tasks start beside blue ones, 10 % of production traffic moves to them,
// a PAUSE hook (2026-05-19) waits for the learner to continue from the monitor, and a green
// revision that fails its health checks is rolled back by the circuit breaker on its own. The
// checks read the sandbox's answers to ListServiceDeployments / DescribeServiceDeployments, in
// the API's own shapes (status, lifecycleHookDetails, rollback, deploymentCircuitBreaker).

const CLUSTER = "learn-canary";
const SERVICE = "canary-web";
const ALB = "learn-canary-alb";
const BLUE = "canary-blue";
const GREEN = "canary-green";
/** The role ECS uses to change the listener's weights (advancedConfiguration.roleArn); the sandbox accepts any. */
const LB_ROLE = "arn:aws:iam::000000000000:role/ecsInfrastructureRoleForLoadBalancers";
const PAUSE_STAGE = "PRE_PRODUCTION_TRAFFIC_SHIFT";

const deploymentsOf = (snapshot: SandboxSnapshot): ServiceDeployment[] =>
  (snapshot.serviceDeployments ?? []).filter((d) => d.serviceArn?.endsWith(`/${SERVICE}`))
    .sort((a, b) => new Date(b.createdAt ?? 0).getTime() - new Date(a.createdAt ?? 0).getTime());

const hasPauseHook = (s: Service) => (s.deploymentConfiguration?.lifecycleHooks ?? []).some((h) => h.targetType === "PAUSE" && (h.lifecycleStages ?? []).includes(PAUSE_STAGE));
const pauseHooks = (d: ServiceDeployment | undefined) => (d?.lifecycleHookDetails ?? []).filter((h) => h.targetType === "PAUSE");
const weight = (d: ServiceDeployment) => d.targetServiceRevision?.requestedProductionTrafficWeight;
const ROLLED_BACK = ["ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED"];

/** Without deployments in the snapshot the sandbox has not run one (or cannot tell): the hint says what to press. */
function latestDeployment(snapshot: SandboxSnapshot, press: string): { d: ServiceDeployment } | { hint: string } {
  if (!snapshot.services.some((s) => s.status === "ACTIVE" && s.serviceName === SERVICE)) return { hint: NOT_APPLIED };
  // The service's creation is a deployment too; a new revision makes the second one.
  const all = deploymentsOf(snapshot);
  return all.length > 1 ? { d: all[0] } : { hint: `No new revision is deploying yet. Press “${press}”.` };
}

const pausedCheck: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const r = latestDeployment(snapshot, "Deploy new revision");
    if ("hint" in r) return notYet(r.hint);
    const hook = pauseHooks(r.d).find((h) => h.status === "AWAITING_ACTION" || h.status === "SUCCEEDED");
    if (hook?.status === "SUCCEEDED" || r.d.status === "SUCCESSFUL") return done();
    if (r.d.status && ROLLED_BACK.includes(r.d.status)) return notYet(`This deployment rolled back (${r.d.status}). Press “Deploy new revision” to try again.`);
    if (!hook) return notYet(`The canary is in ${r.d.lifecycleStage ?? "its first stages"}: green tasks start beside the blue ones. Fast-forward until the pause hook waits.`);
    return done();
  },
};

const continuedCheck: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const r = latestDeployment(snapshot, "Deploy new revision");
    if ("hint" in r) return notYet(r.hint);
    const { d } = r;
    if (d.status && ROLLED_BACK.includes(d.status)) return notYet(`The deployment rolled back (${d.status}): you pressed Roll back, or the hook timed out. Deploy a new revision and press Continue this time.`);
    if (pauseHooks(d).some((h) => h.status === "AWAITING_ACTION")) {
      return notYet(`The deployment still waits at its pause hook (${weight(d) ?? 0} % of production traffic on green). Open the service's monitor page and press Continue.`);
    }
    if (d.status !== "SUCCESSFUL") return notYet(`The deployment is ${d.status ?? "in progress"} in ${d.lifecycleStage ?? "a stage"}, ${weight(d) ?? 0} % of traffic on green. Fast-forward through the bake times.`);
    return done();
  },
};

const rolledBackCheck: SandboxStepCheck = {
  kind: "sandbox",
  check(snapshot) {
    const r = latestDeployment(snapshot, "Deploy a failing revision");
    if ("hint" in r) return notYet(r.hint);
    const { d } = r;
    const healthy = d.status === "SUCCESSFUL" || pauseHooks(d).some((h) => h.status === "SUCCEEDED");
    if (healthy) return notYet("The newest deployment is a healthy one. Press “Deploy a failing revision”.");
    if (d.status !== "ROLLBACK_SUCCESSFUL") {
      return notYet(`The failing canary is ${d.status ?? "in progress"}${d.deploymentCircuitBreaker ? `, circuit breaker ${d.deploymentCircuitBreaker.status} with ${d.deploymentCircuitBreaker.failureCount ?? 0} failed tasks` : ""}. Fast-forward and let ECS decide; do not press anything on the monitor.`);
    }
    if (d.deploymentCircuitBreaker?.status !== "TRIGGERED" && !d.rollback?.reason) return notYet("This rollback was not ECS's own decision. Deploy the failing revision again and let the circuit breaker act.");
    const blueLeft = serviceTasks(snapshot, SERVICE).filter((t) => isRunning(t) && !t.containers?.some((c) => c.image?.endsWith(":broken"))).length;
    return blueLeft >= 2 ? done() : notYet(`${blueLeft} of 2 blue tasks run; fast-forward until the blue revision serves everything again.`);
  },
};

export const blueGreenCanary: Lesson = {
  ...catalogEntry("blue-green-canary"),
  summary: "A canary deployment moves a slice of traffic to the new revision first; a pause hook waits for you, and failing green tasks roll back on their own.",
  recap: [
    "Blue/green, linear and canary deployments start the new (green) tasks beside the old (blue) ones, so the service briefly runs twice its desired count.",
    "A canary moves a small share of production traffic to green first, bakes, then moves the rest at once; the listener's weights do the moving.",
    "A PAUSE hook stops the deployment at a stage until someone calls ContinueServiceDeployment with CONTINUE or ROLLBACK, or its timeout action runs.",
    "When green tasks fail their health checks, the circuit breaker rolls the deployment back and blue keeps all traffic, with nobody pressing a button.",
  ],
  concepts: ["ecs-building-blocks"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
    targetGroups: [BLUE, GREEN].map((name) => ({ id: `tg-${name}`, name, targetType: "ip" as const, port: 80, protocol: "HTTP" as const, healthCheck: { path: "/", intervalSeconds: 10, healthyThresholdCount: 2, unhealthyThresholdCount: 2 } })),
    loadBalancers: [{
      id: `lb-${ALB}`, name: ALB, type: "application", scheme: "internet-facing",
      listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: `targetgroup/${BLUE}`, weight: 100 }, { targetGroupArn: `targetgroup/${GREEN}`, weight: 0 }] } }],
    }],
    taskDefinitions: [fargateTaskDefinition(SERVICE, [web({ healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval: 10, retries: 2, startPeriod: 0 } })])],
    services: [fargateService(SERVICE, CLUSTER, SERVICE, {
      desiredCount: 2, healthCheckGracePeriodSeconds: 10,
      loadBalancers: [{
        targetGroupArn: `targetgroup/${BLUE}`, containerName: "web", containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: `targetgroup/${GREEN}`, productionListenerRule: listenerRuleRef(ALB, 80), roleArn: LB_ROLE },
      }],
      deploymentConfiguration: {
        strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 1 }, bakeTimeInMinutes: 1,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
    })],
  }),
  steps: [
    {
      id: "pause-hook",
      title: "Pause before full traffic",
      goal: `Add a PAUSE lifecycle hook to ${SERVICE} at ${PAUSE_STAGE}, with a 30-minute timeout that rolls back: the canary will wait there for you before the rest of the traffic moves.`,
      hints: [
        "In the service's deployment configuration, add a lifecycle hook with target type PAUSE and the stage PRE_PRODUCTION_TRAFFIC_SHIFT.",
        "PAUSE hooks may not sit at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT themselves: traffic is moving then.",
      ],
      check: {
        kind: "design",
        check(design) {
          const svc = design.services.find((s) => s.serviceName === SERVICE);
          if (!svc) return notYet(`The service “${SERVICE}” is gone; restart the lesson to get it back.`);
          if (svc.deploymentConfiguration?.strategy !== "CANARY") return notYet("Keep the strategy CANARY: this lesson is about moving a slice of traffic first.");
          if (!hasPauseHook(svc)) return notYet(`No PAUSE hook at ${PAUSE_STAGE} yet.`);
          return done();
        },
        solve: (design) => mapService(design, (s) => s.serviceName === SERVICE, (s) => ({
          ...s,
          deploymentConfiguration: {
            ...s.deploymentConfiguration,
            lifecycleHooks: [...(s.deploymentConfiguration?.lifecycleHooks ?? []), { targetType: "PAUSE", lifecycleStages: [PAUSE_STAGE], timeoutConfiguration: { timeoutInMinutes: 30, action: "ROLLBACK" } }],
          },
        })),
      },
    },
    {
      id: "steady",
      title: "Start the service behind the load balancer",
      goal: "Apply the design to the sandbox and wait until both blue tasks are RUNNING and registered in the blue target group.",
      hints: ["Press “Apply to sandbox” and fast-forward until the task list shows 2 RUNNING tasks."],
      actions: APPLY_AND_WAIT,
      check: runningAtLeast(SERVICE, 2),
    },
    {
      id: "paused",
      title: "Deploy a canary and watch it stop",
      goal: "Deploy a new revision. Green tasks start beside the blue ones, and before any production traffic moves to them the deployment waits at your pause hook.",
      hints: ["Press “Deploy new revision”, then fast-forward a few seconds at a time. The service's monitor page shows the stages, the traffic split and the waiting hook."],
      actions: [{ id: "deploy", label: "Deploy new revision" }, { id: "fast-forward", seconds: 15 }],
      check: pausedCheck,
    },
    {
      id: "continued",
      title: "Continue from the monitor",
      goal: `Open the monitor page of ${SERVICE} (Monitor → sandbox → ${CLUSTER} → ${SERVICE}), look at what changed between blue and green, and press Continue on the paused hook: 10 % of production traffic moves to green, and the hook pauses again before the rest moves (a PRE_PRODUCTION_TRAFFIC_SHIFT hook runs before every shift). Press Continue once more, then fast-forward until the deployment is SUCCESSFUL.`,
      hints: [
        "The Continue button belongs to people who may deploy to the environment; in the sandbox, every editor may.",
        "After the second Continue, the rest of the traffic moves to green, the deployment bakes for a minute, then the blue tasks stop.",
      ],
      actions: [{ id: "fast-forward", seconds: 60 }],
      check: continuedCheck,
    },
    {
      id: "rolled-back",
      title: "A canary that fails on its own",
      goal: "Deploy a revision whose tasks fail their health checks, and do nothing: the circuit breaker counts the failed green tasks and rolls the deployment back, with blue keeping its traffic.",
      hints: ["Press “Deploy a failing revision”, then fast-forward several times. Watch the circuit breaker's failure count on the monitor page."],
      actions: [{ id: "deploy-failing" }, { id: "fast-forward", seconds: 30 }],
      check: rolledBackCheck,
    },
    {
      id: "explain",
      title: "Explain the rollback",
      goal: "Think about what the failing canary's users saw, then pick the answer that matches.",
      hints: ["The green tasks never passed their health checks, and the canary's traffic only moves to healthy targets."],
      check: {
        kind: "question",
        question: "The failing revision's green tasks never became healthy. What happened to production traffic?",
        choices: [
          {
            id: "ten-percent-errors",
            text: "10 % of requests failed until someone pressed Roll back.",
            why: "Nobody pressed anything: the circuit breaker counted the failed tasks and rolled back by itself.",
          },
          {
            id: "blue-kept-all",
            text: "Blue kept serving; ECS counted the failed green tasks and rolled back before green took traffic it could not serve.",
            correct: true,
            why: "Green tasks that fail their health checks never count as healthy, so the circuit breaker reached its threshold and ECS returned to the blue revision.",
          },
          {
            id: "all-to-green",
            text: "All traffic moved to green after the canary bake time, then moved back.",
            why: "Traffic moves to green only while its tasks are healthy; the deployment rolled back before the full shift.",
          },
        ],
      },
    },
  ],
};
