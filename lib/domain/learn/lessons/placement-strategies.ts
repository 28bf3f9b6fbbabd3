import { catalogEntry } from "../catalog";
import type { Task as EcsTask } from "@aws-sdk/client-ecs";
import { activeService, APPLY_AND_WAIT, done, isRunning, mapService, NOT_APPLIED, notYet, serviceTasks } from "../helpers";
import type { Lesson, SandboxSnapshot } from "../types";
import { NGINX, starterDesign } from "./starters";

const CLUSTER = "learn-placement";
const SERVICE = "placement-worker";

const instance = (n: number, zone: string) => ({ id: `i-learn-${n}`, instanceType: "m5.large", cpu: 2048, memory: 7680, availabilityZone: `eu-west-1${zone}` });

function runningSpread(snapshot: SandboxSnapshot): { running: EcsTask[]; instances: number } {
  const running = serviceTasks(snapshot, SERVICE).filter(isRunning);
  return { running, instances: new Set(running.map((t) => t.containerInstanceArn)).size };
}

export const placementStrategies: Lesson = {
  ...catalogEntry("placement-strategies"),
  summary: "On EC2 you own the instances, and a placement strategy decides whether tasks pack tightly or spread out.",
  recap: [
    "On the EC2 launch type the instances are yours, and a placement strategy decides which instance each task lands on.",
    "Binpack on memory puts each task on the instance with the least free memory that still fits it, so fewer instances do the work.",
    "Spread on instanceId places tasks evenly across the instances, so losing one instance takes only its share of the tasks with it.",
    "Placement strategies do not apply to Fargate: there are no instances of yours to choose from.",
  ],
  concepts: ["launch-types", "ecs-building-blocks"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER, instances: [instance(1, "a"), instance(2, "b"), instance(3, "c")] }],
    taskDefinitions: [{
      id: `td-${SERVICE}`, family: SERVICE, networkMode: "bridge", requiresCompatibilities: ["EC2"],
      containerDefinitions: [{ name: "worker", image: NGINX, essential: true, cpu: 256, memory: 512 }],
    }],
    services: [{
      id: `svc-${SERVICE}`, serviceName: SERVICE, cluster: CLUSTER, taskDefinition: SERVICE, desiredCount: 3, launchType: "EC2",
      // 0/100 lets a redeploy stop every old task before placing new ones, so each apply shows the strategy on empty instances.
      deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
    }],
  }),
  steps: [
    {
      id: "binpack",
      title: "Choose binpack on memory",
      goal: "Give the service the placement strategy binpack on memory: ECS fills the instance with the least free memory first, so fewer instances do the work.",
      hints: ["In the service's placement settings add a strategy of type binpack with field memory."],
      check: {
        kind: "design",
        check(design) {
          const svc = design.services.find((s) => s.serviceName === SERVICE);
          if (!svc) return notYet(`The service “${SERVICE}” is gone; restart the lesson to get it back.`);
          const first = svc.placementStrategy?.[0];
          if (first?.type !== "binpack") return notYet(`The first strategy is ${first?.type ?? "not set (ECS spreads by zone, then instance)"}; make it binpack.`);
          return first.field === "memory" ? done() : notYet(`Binpack needs a field: memory or cpu. This lesson uses memory (now: ${first.field ?? "none"}).`);
        },
        solve: (design) => mapService(design, (s) => s.serviceName === SERVICE, (s) => ({ ...s, placementStrategy: [{ type: "binpack", field: "memory" }] })),
      },
    },
    {
      id: "packed",
      title: "See the tasks pack onto one instance",
      goal: "Apply to the sandbox (it registers your three instances) and wait until the 3 tasks run. Binpack puts all of them on one instance.",
      hints: ["Press “Apply to sandbox”, fast-forward, then look at the instance column of the task list."],
      actions: APPLY_AND_WAIT,
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          const { running, instances } = runningSpread(snapshot);
          if (running.length < 3) return notYet(`${running.length} of 3 tasks are RUNNING. Wait or fast-forward, then check again.`);
          return instances === 1 ? done() : notYet(`The tasks run on ${instances} instances. Is the strategy binpack, and did you apply after changing it?`);
        },
      },
    },
    {
      id: "spread",
      title: "Spread them out instead",
      goal: "Change the strategy to spread on instanceId and apply again. Now each instance gets one task, so losing an instance costs only a third of the service.",
      hints: ["Replace binpack with a spread strategy whose field is instanceId, then press “Apply to sandbox” and fast-forward."],
      actions: APPLY_AND_WAIT,
      check: {
        kind: "sandbox",
        check(snapshot) {
          const svc = activeService(snapshot);
          if (!svc) return notYet(NOT_APPLIED);
          if (svc.placementStrategy?.[0]?.type !== "spread") return notYet("The sandbox's service still uses binpack: change the design to spread on instanceId and apply again.");
          const { running, instances } = runningSpread(snapshot);
          if (running.length < 3 || instances < 3) return notYet(`${running.length} task(s) run on ${instances} instance(s); the new tasks are still being placed. Fast-forward and check again.`);
          return done();
        },
      },
    },
  ],
};
