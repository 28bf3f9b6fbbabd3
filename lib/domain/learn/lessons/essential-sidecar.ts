import { catalogEntry } from "../catalog";
import { isEssential } from "../../ecs-facts/task-definition";
import type { Task as EcsTask } from "@aws-sdk/client-ecs";
import { activeService, APPLY_AND_WAIT, containers, done, findingsOf, isRunning, isStopped, mapTaskDefinition, NOT_APPLIED, notYet, revisionOf, runningAtLeast, serviceTasks } from "../helpers";
import type { Lesson } from "../types";
import { fargateService, fargateTaskDefinition, starterDesign, web } from "./starters";

const CLUSTER = "learn-sidecar";
const SERVICE = "sidecar-app";
const SIDECAR = "metrics-agent";

const container = (t: EcsTask, name: string) => t.containers?.find((c) => c.name === name);
/** The task stopped because the sidecar exited (it was essential in the task's revision). */
const downedBySidecar = (t: EcsTask) => isStopped(t) && t.stopCode === "EssentialContainerExited" && (container(t, SIDECAR)?.exitCode ?? 0) !== 0;

export const essentialSidecar: Lesson = {
  ...catalogEntry("essential-sidecar"),
  summary: "When any essential container stops, ECS stops the whole task — even if it was only a helper. A non-essential sidecar may exit on its own while the task keeps running.",
  recap: [
    "When an essential container stops, ECS stops the whole task, the other containers with it, with the reason “Essential container in task exited”.",
    "A container marked not essential can stop on its own while the rest of the task keeps running.",
    "Every task needs at least one essential container, and a service replaces a task that stopped this way.",
  ],
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
      actions: APPLY_AND_WAIT,
      check: runningAtLeast(SERVICE, 1),
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
          return serviceTasks(snapshot, SERVICE).some(downedBySidecar) ? done() : notYet(`No task has stopped because ${SIDECAR} exited yet. Crash it, then fast-forward until the task is STOPPED.`);
        },
      },
    },
    {
      id: "non-essential",
      title: "Make the sidecar non-essential",
      goal: `Mark ${SIDECAR} as not essential, so that losing it no longer stops web. Keep web essential: a task needs at least one. The next step tries it in the sandbox.`,
      hints: [`Select the ${SIDECAR} container and untick “Essential”.`],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find((t) => t.family === SERVICE);
          const sidecar = containers(td).find((c) => c.name === SIDECAR);
          const app = containers(td).find((c) => c.name === "web");
          if (!td || !sidecar || !app) return notYet("The lesson's task definition or one of its containers is gone; restart the lesson to get it back.");
          if (isEssential(sidecar)) return notYet(`${SIDECAR} is still essential (containers are essential unless you say otherwise).`);
          if (app.essential === false || findingsOf(findings, "essential").length) return notYet("Now no container is essential. Keep web essential: ECS needs at least one.");
          return done();
        },
        solve: (design) => mapTaskDefinition(design, (t) => t.family === SERVICE, (td) => ({
          ...td, containerDefinitions: containers(td).map((c) => c.name === SIDECAR ? { ...c, essential: false } : c),
        })),
      },
    },
    {
      id: "sidecar-optional",
      title: "Crash the optional sidecar",
      goal: `Apply the change (a new task-definition revision rolls out), then crash the sidecar again: this time only ${SIDECAR} stops and web keeps serving.`,
      hints: [`Press “Apply the change” and fast-forward until the new revision's task is RUNNING, then press “Crash ${SIDECAR}”.`],
      actions: [{ id: "apply", label: "Apply the change" }, { id: "crash-task", label: `Crash ${SIDECAR}`, container: SIDECAR }, { id: "fast-forward", seconds: 10 }],
      check: {
        kind: "sandbox",
        check(snapshot) {
          const svc = activeService(snapshot);
          if (!svc) return notYet(NOT_APPLIED);
          const tasks = serviceTasks(snapshot, SERVICE);
          const survived = tasks.some((t) => isRunning(t) && container(t, SIDECAR)?.lastStatus === "STOPPED" && container(t, "web")?.lastStatus === "RUNNING");
          if (survived) return done();
          const current = revisionOf(svc.taskDefinition);
          if (tasks.some((t) => downedBySidecar(t) && revisionOf(t.taskDefinitionArn) === current)) {
            return notYet(`The revision the service runs still has ${SIDECAR} essential, so its exit stopped the task again. Press “Apply the change” to register a new revision with the non-essential sidecar and roll it out.`);
          }
          if (!tasks.some((t) => isRunning(t) && revisionOf(t.taskDefinitionArn) === current)) {
            return notYet(`The new revision is not RUNNING yet. Fast-forward until its task runs, then crash ${SIDECAR}: a task of the old revision would still go down.`);
          }
          return notYet(`The new revision runs. Press “Crash ${SIDECAR}” and fast-forward: the task should stay RUNNING with only ${SIDECAR} STOPPED.`);
        },
      },
    },
  ],
};
