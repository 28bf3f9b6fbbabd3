import { catalogEntry } from "../catalog";
import { activeService, APPLY_AND_WAIT, done, isRunning, NOT_APPLIED, notYet, runningAtLeast, serviceTasks } from "../helpers";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-healing";
const SERVICE = "healing-web";

export const serviceSelfHealing: Lesson = {
  ...catalogEntry("service-self-healing"),
  summary: "Run a task definition as a service with two tasks, crash one, and watch the scheduler replace it.",
  recap: [
    "A service keeps a desired count of tasks running from one task definition.",
    "Its scheduler keeps comparing the desired count with the tasks that actually run: when a task stops, fewer run than desired, so it starts a replacement.",
    "A task started on its own with RunTask has no service watching it, so when it stops nothing replaces it.",
  ],
  concepts: ["ecs-building-blocks", "launch-types"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
    taskDefinitions: [fargateTaskDefinition("healing-web", [web()])],
  }),
  steps: [
    {
      id: "add-service",
      title: "Add a service with two tasks",
      goal: `Add a Fargate service named “${SERVICE}” in cluster ${CLUSTER} that runs the healing-web task definition with a desired count of 2.`,
      hints: ["Drag “Service” onto the cluster, connect it to the task definition, set launch type FARGATE, desired count 2 and a subnet."],
      check: {
        kind: "design",
        check(design) {
          const svc = design.services.find((s) => s.serviceName === SERVICE);
          if (!svc) return notYet(`There is no service named “${SERVICE}” yet.`);
          if ((svc.desiredCount ?? 0) !== 2) return notYet(`The service asks for ${svc.desiredCount ?? 0} task(s); this lesson needs exactly 2 to show one replacing the other.`);
          if (!svc.networkConfiguration?.awsvpcConfiguration.subnets.length) return notYet("Fargate tasks get their own network interface, so the service needs at least one subnet.");
          return done();
        },
        solve(design) {
          const others = design.services.filter((s) => s.serviceName !== SERVICE);
          return { ...design, services: [...others, fargateService(SERVICE, CLUSTER, "healing-web", { desiredCount: 2 })] };
        },
      },
    },
    {
      id: "two-running",
      title: "Run it in the sandbox",
      goal: "Apply the design to the sandbox and wait until both tasks are RUNNING. Watch them pass PROVISIONING, PENDING and ACTIVATING.",
      hints: ["Press “Apply to sandbox”, then watch the task list. Fast-forward moves the sandbox's clock if you do not want to wait."],
      actions: APPLY_AND_WAIT,
      check: runningAtLeast(SERVICE, 2),
    },
    {
      id: "replacement",
      title: "Crash a task, watch the replacement",
      goal: "Crash one of the tasks. The service scheduler notices that only one task is left and starts a new one until two run again.",
      hints: ["Press “Crash a task”, watch the task list: the crashed task goes to STOPPED and a new one appears in PROVISIONING."],
      actions: [{ id: "crash-task", label: "Crash a task" }, { id: "fast-forward", seconds: 10 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          const svc = activeService(snapshot);
          if (!svc) return notYet(NOT_APPLIED);
          const tasks = serviceTasks(snapshot, svc.serviceName ?? SERVICE);
          // A crashed task counts from the moment ECS decides to stop it, before it reaches STOPPED.
          const crashed = tasks.filter((t) => t.desiredStatus === "STOPPED" && t.stopCode === "EssentialContainerExited");
          if (crashed.length === 0) return notYet("No task has crashed yet. Press “Crash a task” first.");
          const running = tasks.filter(isRunning).length;
          if (running < 2) return notYet(`A task crashed and ${running} of 2 run now: the replacement is still starting. Wait or fast-forward, then check again.`);
          return done();
        },
      },
    },
    {
      id: "explain",
      title: "Explain what you saw",
      goal: "Say it in your own words first, then pick the answer that matches: why do two tasks run again after one of them crashed?",
      hints: ["Compare the task IDs in the task list: what happened to the crashed task, and where did the running one come from?"],
      check: {
        kind: "question",
        question: "One of the two tasks crashed, and soon two tasks ran again. Why?",
        choices: [
          {
            id: "restarted",
            text: "ECS restarted the crashed container inside the same task.",
            why: "Not here: the crashed task stayed STOPPED and a task with a new ID took its place. (A container restart policy can restart a container inside its task, but this task definition has none.)",
          },
          {
            id: "scheduler",
            text: "The service scheduler saw 1 task running where 2 were desired, and started a new task to make up the difference.",
            correct: true,
            why: "The service keeps comparing its desired count with the tasks that run, and starts new tasks until they match.",
          },
          {
            id: "cluster",
            text: "The cluster restarts every task that stops.",
            why: "A cluster only groups capacity and services. A task started on its own with RunTask is not replaced when it stops; only a service keeps a desired count.",
          },
          {
            id: "load-balancer",
            text: "The load balancer noticed the missing task and started another one.",
            why: "A load balancer sends traffic to tasks and checks their health, but it never starts tasks. This service has no load balancer at all.",
          },
        ],
      },
    },
  ],
};
