import { NOT_APPLIED, activeService, containers, done, findingsOf, isRunning, isStopped, mapTaskDefinition, notYet, serviceTasks } from "../helpers";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-sidecar";
const SERVICE = "sidecar-app";
const SIDECAR = "metrics-agent";

export const essentialSidecar: Lesson = {
  id: "essential-sidecar",
  title: "An essential sidecar takes the task down",
  summary: "When any essential container stops, ECS stops the whole task — even if it was only a helper.",
  concepts: ["ecs-building-blocks"],
  starter: starterDesign({
    clusters: [{ id: `cl-${CLUSTER}`, clusterName: CLUSTER }],
    taskDefinitions: [fargateTaskDefinition(SERVICE, [
      web(),
      { name: SIDECAR, image: "public.ecr.aws/docker/library/busybox:1.36", essential: true, command: ["sh", "-c", "while true; do sleep 30; done"] },
    ])],
    services: [fargateService(SERVICE, CLUSTER, SERVICE, { desiredCount: 1 })],
  }),
  steps: [
    {
      id: "running",
      title: "Run the task with its sidecar",
      goal: `The task has two containers: web, and a helper “${SIDECAR}”. Both are marked essential. Apply to the sandbox and wait until the task is RUNNING.`,
      hints: ["Press “Apply to sandbox” and fast-forward."],
      actions: [{ id: "apply" }, { id: "fast-forward", seconds: 10 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          return serviceTasks(snapshot, SERVICE).some(isRunning) ? done() : notYet("The task is not RUNNING yet. Wait or fast-forward, then check again.");
        },
      },
    },
    {
      id: "sidecar-crash",
      title: "Crash the sidecar",
      goal: `Make the ${SIDECAR} container exit. Watch the whole task stop, web included, with “Essential container in task exited”.`,
      hints: [`Press “Crash ${SIDECAR}”: the task goes to DEACTIVATING, STOPPING and STOPPED, and the service starts a new one.`],
      actions: [{ id: "crash-task", label: `Crash ${SIDECAR}`, container: SIDECAR }, { id: "fast-forward", seconds: 10 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          if (!activeService(snapshot)) return notYet(NOT_APPLIED);
          const downed = serviceTasks(snapshot, SERVICE).some((t) => isStopped(t) && t.stopCode === "EssentialContainerExited"
            && t.containers?.some((c) => c.name === SIDECAR && (c.exitCode ?? 0) !== 0));
          return downed ? done() : notYet(`No task has stopped because ${SIDECAR} exited yet. Crash it, then fast-forward until the task is STOPPED.`);
        },
      },
    },
    {
      id: "non-essential",
      title: "Make the sidecar non-essential",
      goal: `Mark ${SIDECAR} as not essential, so that losing it no longer stops web. Keep web essential: a task needs at least one.`,
      hints: [`Select the ${SIDECAR} container and untick “Essential”.`],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find((t) => t.family === SERVICE);
          const sidecar = containers(td).find((c) => c.name === SIDECAR);
          const app = containers(td).find((c) => c.name === "web");
          if (!td || !sidecar || !app) return notYet("The lesson's task definition or one of its containers is gone; restart the lesson to get it back.");
          if (sidecar.essential !== false) return notYet(`${SIDECAR} is still essential (containers are essential unless you say otherwise).`);
          if (app.essential === false || findingsOf(findings, "essential").length) return notYet("Now no container is essential. Keep web essential: ECS needs at least one.");
          return done();
        },
        solve: (design) => mapTaskDefinition(design, (t) => t.family === SERVICE, (td) => ({
          ...td, containerDefinitions: containers(td).map((c) => c.name === SIDECAR ? { ...c, essential: false } : c),
        })),
      },
    },
  ],
};
