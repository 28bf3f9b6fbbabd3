import type { ContainerDefinition, Design, Service, TaskDefinition } from "../design";
import { revisionNumberOf } from "../design";
import type { Finding } from "../rules";
import type { Task as EcsTask } from "@aws-sdk/client-ecs";
import type { CheckResult, SandboxAction, SandboxSnapshot, SandboxStepCheck } from "./types";

// Small readers the lessons' checks share. Checks never throw on odd designs: a learner's
// half-finished design is the normal case.

export const done = (): CheckResult => ({ done: true });
export const notYet = (hint?: string): CheckResult => ({ done: false, hint });

export function findingsOf(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

export function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error");
}

export function containers(td: TaskDefinition | undefined): ContainerDefinition[] {
  return td?.containerDefinitions ?? [];
}

/** Replaces the task definition with this id (or family) by `next(td)`. */
export function mapTaskDefinition(design: Design, pick: (td: TaskDefinition) => boolean, next: (td: TaskDefinition) => TaskDefinition): Design {
  return { ...design, taskDefinitions: design.taskDefinitions.map((t) => (pick(t) ? next(t) : t)) };
}

export function mapService(design: Design, pick: (s: Service) => boolean, next: (s: Service) => Service): Design {
  return { ...design, services: design.services.map((s) => (pick(s) ? next(s) : s)) };
}

// --- sandbox snapshots ---

/** Tasks a service started (ECS sets `group` to `service:<name>`). */
export function serviceTasks(snapshot: SandboxSnapshot, serviceName: string): EcsTask[] {
  return snapshot.tasks.filter((t) => t.group === `service:${serviceName}`);
}

export const isRunning = (t: EcsTask) => t.lastStatus === "RUNNING" && t.desiredStatus === "RUNNING";
export const isStopped = (t: EcsTask) => t.lastStatus === "STOPPED";

export const revisionOf = revisionNumberOf;

/** The one service a snapshot is about: the first ACTIVE one (lessons run a single service). */
export function activeService(snapshot: SandboxSnapshot) {
  return snapshot.services.find((s) => s.status === "ACTIVE");
}

export const NOT_APPLIED = "Nothing is running in the sandbox yet. Press “Apply to sandbox” to create the cluster, task definition and service there.";

/** The buttons of a step that runs the design in the sandbox: apply it, then move the clock. */
export const APPLY_AND_WAIT: SandboxAction[] = [{ id: "apply" }, { id: "fast-forward", seconds: 10 }];

/**
 * The check of "run it and wait": the lesson's service is in the sandbox and at least `n` of its
 * tasks are RUNNING. The hint counts how many are, so the learner sees the scheduler at work.
 */
export function runningAtLeast(service: string, n: number): SandboxStepCheck {
  return {
    kind: "sandbox",
    check(snapshot) {
      if (!activeService(snapshot)) return notYet(NOT_APPLIED);
      const running = serviceTasks(snapshot, service).filter(isRunning).length;
      if (running >= n) return done();
      return notYet(`${running} of ${n} ${n === 1 ? "task is" : "tasks are"} RUNNING. Tasks start in a few seconds: wait or fast-forward, then check again.`);
    },
  };
}
