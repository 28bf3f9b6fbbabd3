import type { CapacityProviderStrategyItem, Service } from "../../design";
import { catalogEntry } from "../catalog";
import { activeService, APPLY_AND_WAIT, done, isRunning, mapService, NOT_APPLIED, notYet, serviceTasks } from "../helpers";
import type { Lesson, SandboxSnapshot } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-spot";
const SERVICE = "spot-workers";
/** One task always on FARGATE, the rest shared 1 : 3 between FARGATE and FARGATE_SPOT. */
const STRATEGY: CapacityProviderStrategyItem[] = [
  { capacityProvider: "FARGATE", base: 1, weight: 1 },
  { capacityProvider: "FARGATE_SPOT", weight: 3 },
];

const strategyOf = (s: Service | undefined) => s?.capacityProviderStrategy ?? [];
const onProvider = (snapshot: SandboxSnapshot, provider: string) =>
  serviceTasks(snapshot, SERVICE).filter((t) => isRunning(t) && t.capacityProviderName === provider).length;
const interrupted = (snapshot: SandboxSnapshot) =>
  serviceTasks(snapshot, SERVICE).filter((t) => t.stopCode === "TerminationNotice" || t.stopCode === "SpotInterruption");

export const fargateSpot: Lesson = {
  ...catalogEntry("fargate-spot"),
  summary: "Put most of a service on Fargate Spot, keep a base on FARGATE, and watch what happens when AWS takes the Spot capacity back.",
  recap: [
    "A capacity provider strategy shares a service's tasks out: the provider with a base gets that many first, the rest go by weight.",
    "Fargate Spot runs the same tasks on spare capacity for less; AWS can take it back with a two-minute warning (SIGTERM, then the task stops with “Your Spot Task was interrupted.”).",
    "The service replaces an interrupted task, on Spot again while Spot has capacity; when it has none, the Spot share is simply not placed, and only the FARGATE tasks keep serving.",
    "So a base on FARGATE is what keeps a service answering while Spot is gone; Spot suits work that can stop and start again.",
  ],
  concepts: ["launch-types", "ecs-building-blocks"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER, capacityProviders: ["FARGATE", "FARGATE_SPOT"] }],
    taskDefinitions: [fargateTaskDefinition(SERVICE, [web({ stopTimeout: 110 })], { runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" } })],
    services: [fargateService(SERVICE, CLUSTER, SERVICE, { desiredCount: 4 })],
  }),
  steps: [
    {
      id: "strategy",
      title: "Mostly Spot, with a base on FARGATE",
      goal: `Replace ${SERVICE}'s launch type with a capacity provider strategy: FARGATE with base 1 and weight 1, and FARGATE_SPOT with weight 3.`,
      hints: [
        "A service has a launch type or a capacity provider strategy, never both: clear “Launch type” first.",
        "Add two strategy items in the service's inspector; only one of them may have a base.",
      ],
      check: {
        kind: "design",
        check(design, findings) {
          const svc = design.services.find((s) => s.serviceName === SERVICE);
          if (!svc) return notYet(`There is no service named “${SERVICE}”.`);
          if (svc.launchType) return notYet(`${SERVICE} still sets launch type ${svc.launchType}; a capacity provider strategy replaces it.`);
          const items = strategyOf(svc);
          const fargate = items.find((i) => i.capacityProvider === "FARGATE");
          const spot = items.find((i) => i.capacityProvider === "FARGATE_SPOT");
          if (!fargate || !spot) return notYet("The strategy needs both FARGATE and FARGATE_SPOT.");
          if ((fargate.base ?? 0) < 1) return notYet("Give FARGATE a base of 1: that task never runs on Spot.");
          if ((spot.weight ?? 0) <= (fargate.weight ?? 0)) return notYet("Give FARGATE_SPOT the larger weight (3 against FARGATE's 1), so most tasks beyond the base run on Spot.");
          const errors = findings.filter((f) => f.severity === "error" && f.resource?.name === SERVICE);
          if (errors.length) return notYet(errors[0].message);
          return done();
        },
        solve(design) {
          return mapService(design, (s) => s.serviceName === SERVICE, (s) => {
            const { launchType: _dropped, ...rest } = s;
            return { ...rest, capacityProviderStrategy: STRATEGY };
          });
        },
      },
    },
    {
      id: "shared-out",
      title: "Apply and count where the tasks run",
      goal: "Apply the design and wait until all four tasks run: the task table shows which run on FARGATE and which on FARGATE_SPOT.",
      hints: ["Press “Apply to sandbox”, then fast-forward until four tasks are RUNNING."],
      actions: APPLY_AND_WAIT,
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          const onDemand = onProvider(snapshot, "FARGATE");
          const spot = onProvider(snapshot, "FARGATE_SPOT");
          if (onDemand + spot < 4) return notYet(`${onDemand + spot} of 4 tasks run so far (${onDemand} on FARGATE, ${spot} on FARGATE_SPOT): wait or fast-forward.`);
          if (onDemand < 1 || spot < 1) return notYet("All tasks run on one provider: did the apply keep the strategy? Check the service's capacity provider strategy.");
          return done();
        },
      },
    },
    {
      id: "interrupted",
      title: "AWS takes a Spot task back",
      goal: "Interrupt a Spot task. It gets the two-minute warning and stops with “Your Spot Task was interrupted.”; the service starts a replacement until four run again.",
      hints: ["Press “Interrupt a Spot task”, then fast-forward and watch the task table."],
      actions: [{ id: "interrupt-spot", label: "Interrupt a Spot task" }, { id: "fast-forward", seconds: 30 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          if (!interrupted(snapshot).length) return notYet("No Spot task has been interrupted yet. Press “Interrupt a Spot task”.");
          const running = serviceTasks(snapshot, SERVICE).filter(isRunning).length;
          if (running < 4) return notYet(`${running} of 4 run: the replacement is still starting. Fast-forward, then check again.`);
          return done();
        },
      },
    },
    {
      id: "spot-gone",
      title: "When Spot has no capacity",
      goal: "Now AWS has no Spot capacity at all, and takes every Spot task back. Watch what the service can still run, and read its events.",
      hints: ["Press “Spot capacity runs out”, then fast-forward. The service's events say why it cannot place the Spot share."],
      actions: [{ id: "spot-capacity-gone", label: "Spot capacity runs out" }, { id: "fast-forward", seconds: 30 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          const svc = activeService(snapshot);
          if (!svc) return notYet(NOT_APPLIED);
          if (onProvider(snapshot, "FARGATE_SPOT") > 0) return notYet("Spot tasks still run: press “Spot capacity runs out” and fast-forward.");
          if (onProvider(snapshot, "FARGATE") < 1) return notYet("No FARGATE task runs yet: fast-forward.");
          if (!svc.events?.some((e) => e.message?.includes("Capacity is unavailable"))) return notYet("Fast-forward once more: the scheduler has not tried to place the Spot share yet.");
          return done();
        },
      },
    },
    {
      id: "explain",
      title: "Explain what you saw",
      goal: "Say it in your own words first, then pick the answer that matches.",
      hints: ["Count the tasks on each provider before and after Spot ran out, and read the service's newest event."],
      check: {
        kind: "question",
        question: "Spot capacity ran out. Why did the service still answer, and why did it not move its Spot share to FARGATE?",
        choices: [
          {
            id: "base",
            text: "The base keeps one task (and FARGATE's weighted share) on FARGATE whatever Spot does; ECS places the Spot share only on Spot, so those tasks wait until Spot capacity returns.",
            correct: true,
            why: "A strategy says where each task goes; ECS does not fall back from FARGATE_SPOT to FARGATE. The base is what guarantees on-demand tasks.",
          },
          {
            id: "fallback",
            text: "ECS moved the interrupted tasks to FARGATE, so the service ran all four again.",
            why: "Count again: only the FARGATE tasks ran. The service's event says the Spot share could not be placed; ECS has no fallback from Spot to FARGATE.",
          },
          {
            id: "warning",
            text: "The two-minute warning gave the tasks time to finish, so nothing was lost.",
            why: "The warning (SIGTERM, up to stopTimeout) lets a task shut down cleanly, but the tasks still stop; what kept the service answering is the FARGATE base.",
          },
          {
            id: "cheaper",
            text: "FARGATE_SPOT tasks restart on their own once they are interrupted.",
            why: "An interrupted task is stopped for good; a service starts a new one, and only where the strategy allows and capacity exists.",
          },
        ],
      },
    },
  ],
};
