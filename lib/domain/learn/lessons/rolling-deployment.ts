import { catalogEntry } from "../catalog";
import { activeService, APPLY_AND_WAIT, done, isRunning, isStopped, mapService, NOT_APPLIED, notYet, runningAtLeast, serviceTasks } from "../helpers";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-rolling";
const SERVICE = "rolling-web";

export const rollingDeployment: Lesson = {
  ...catalogEntry("rolling-deployment"),
  summary: "Minimum healthy percent and maximum percent decide how many old tasks ECS stops before new ones start.",
  recap: [
    "Minimum healthy percent is the share of the desired count that must keep running during a deployment; maximum percent is the most that may run at once.",
    "With 4 tasks, 50 % and 100 %, ECS first stops two old tasks, starts two new ones in their place, then does the same with the other two.",
    "With room above 100 %, new tasks can start before old ones stop; without it, old tasks must stop first.",
  ],
  concepts: ["ecs-building-blocks"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
    taskDefinitions: [fargateTaskDefinition(SERVICE, [web()])],
    services: [fargateService(SERVICE, CLUSTER, SERVICE, {
      desiredCount: 4, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
    })],
  }),
  steps: [
    {
      id: "percentages",
      title: "Deploy without extra capacity",
      goal: "Set the service's minimum healthy percent to 50 and maximum percent to 100: ECS may stop half of the 4 tasks, then start their replacements, and never runs more than 4.",
      hints: ["With 100/200 ECS starts 4 new tasks next to the old ones first. 50/100 replaces 2 at a time instead: slower, but needs no spare capacity."],
      check: {
        kind: "design",
        check(design) {
          const svc = design.services.find((s) => s.serviceName === SERVICE);
          if (!svc) return notYet(`The service “${SERVICE}” is gone; restart the lesson to get it back.`);
          const { minimumHealthyPercent: min, maximumPercent: max } = svc.deploymentConfiguration ?? {};
          if (min !== 50) return notYet(`Minimum healthy percent is ${min ?? "unset (100)"}; set it to 50.`);
          if (max !== 100) return notYet(`Maximum percent is ${max ?? "unset (200)"}; set it to 100.`);
          return done();
        },
        solve: (design) => mapService(design, (s) => s.serviceName === SERVICE, (s) => ({
          ...s, deploymentConfiguration: { ...s.deploymentConfiguration, minimumHealthyPercent: 50, maximumPercent: 100 },
        })),
      },
    },
    {
      id: "steady",
      title: "Start the service",
      goal: "Apply the design to the sandbox and wait until all 4 tasks are RUNNING.",
      hints: ["Press “Apply to sandbox” and fast-forward until the task list shows 4 RUNNING tasks."],
      actions: APPLY_AND_WAIT,
      check: runningAtLeast(SERVICE, 4),
    },
    {
      id: "rolled",
      title: "Roll out a new revision",
      goal: "Deploy a new revision and follow it: two old tasks stop, two new ones start, then the other two. The check passes when the new revision runs all 4 tasks.",
      hints: ["Press “Deploy new revision”, then fast-forward a few seconds at a time and watch the deployments: PRIMARY is the new one, ACTIVE the old."],
      actions: [{ id: "deploy", label: "Deploy new revision" }, { id: "fast-forward", seconds: 5 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          const svc = activeService(snapshot);
          if (!svc) return notYet(NOT_APPLIED);
          const primary = svc.deployments?.find((d) => d.status === "PRIMARY");
          const tasks = serviceTasks(snapshot, SERVICE);
          const replaced = tasks.some((t) => isStopped(t) && t.taskDefinitionArn !== primary?.taskDefinition);
          if (!primary || !replaced) return notYet("No new revision has been rolled out yet. Press “Deploy new revision”.");
          if ((svc.deployments?.length ?? 0) > 1) return notYet("The deployment is still in progress: old and new tasks both run. Fast-forward and check again.");
          const onNew = tasks.filter((t) => isRunning(t) && t.taskDefinitionArn === primary.taskDefinition).length;
          return onNew >= 4 ? done() : notYet(`${onNew} of 4 tasks run the new revision so far.`);
        },
      },
    },
    {
      id: "explain",
      title: "Explain the order",
      goal: "Think back to what the scene showed right after you deployed, then pick the answer that matches.",
      hints: ["With 4 desired: 50 % means at least 2 must keep running; 100 % means at most 4 may run or start at once."],
      check: {
        kind: "question",
        question: "Desired count 4, minimum healthy 50 %, maximum 100 %. What did ECS do first when you deployed?",
        choices: [
          {
            id: "surge",
            text: "Started 4 new tasks next to the 4 old ones, then stopped the old ones.",
            why: "That needs room for 8 tasks at once. Maximum 100 % of 4 allows at most 4 tasks running or starting during the deployment.",
          },
          {
            id: "two-at-a-time",
            text: "Stopped 2 old tasks, keeping 2 running, then started 2 new ones in their place, and repeated.",
            correct: true,
            why: "The minimum keeps 2 running and the maximum caps the total at 4, so ECS makes room first and replaces 2 at a time.",
          },
          {
            id: "all-at-once",
            text: "Stopped all 4 old tasks, then started 4 new ones.",
            why: "Minimum healthy 50 % means at least 2 of the 4 must keep running during the deployment, so ECS may stop only 2 at a time.",
          },
          {
            id: "one-at-a-time",
            text: "Replaced the tasks one at a time.",
            why: "ECS stops as many old tasks as the minimum allows. 50 % of 4 keeps 2 running, so it stops 2 at once, not 1.",
          },
        ],
      },
    },
  ],
};
