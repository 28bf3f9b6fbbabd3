import type { MonitorContainer, MonitorTask } from "./types";

// Why a task stopped, said plainly, with what to look at next. The inputs are what
// DescribeTasks returns: stopCode, stoppedReason and each container's exitCode/reason.

export type StopCategory =
  | "out-of-memory" | "image-pull" | "resource-init" | "container-health" | "elb-health" | "spot"
  | "user" | "deployment" | "scheduler" | "exited" | "failed-to-start" | "unknown";

export type StopExplanation = { category: StopCategory; summary: string; nextStep: string; container?: string; exitCode?: number };

type StoppedTask = Pick<MonitorTask, "lastStatus" | "stopCode" | "stoppedReason" | "containers"> & { desiredStatus?: string };

const has = (s: string | undefined, needle: RegExp) => Boolean(s && needle.test(s));

const EXIT_MEANINGS: Record<number, string> = {
  0: "it finished and exited normally (code 0) — a service expects it to keep running",
  1: "the application failed (code 1, a general error)",
  2: "the application failed (code 2, usually a bad argument or shell usage)",
  126: "its command could not be executed (code 126, permission or not an executable)",
  127: "its command was not found (code 127)",
  139: "it crashed with a segmentation fault (code 139)",
  143: "it was asked to stop (SIGTERM, code 143)",
};

function exitMeaning(code: number): string {
  return EXIT_MEANINGS[code] ?? `it exited with code ${code}`;
}

/** The container that explains the stop: one that ran out of memory, else one with a non-zero code, else any with a code. */
function culprit(containers: MonitorContainer[]): MonitorContainer | undefined {
  return containers.find((c) => c.exitCode === 137 || has(c.reason, /OutOfMemory/i))
    ?? containers.find((c) => c.exitCode !== undefined && c.exitCode !== 0 && c.exitCode !== 143)
    ?? containers.find((c) => c.exitCode !== undefined);
}

export function explainStop(task: StoppedTask): StopExplanation | undefined {
  const stopping = task.lastStatus === "STOPPED" || task.desiredStatus === "STOPPED" || task.stopCode !== undefined;
  if (!stopping) return undefined;
  const reason = task.stoppedReason ?? "";
  const containerReasons = task.containers.map((c) => c.reason ?? "").join(" ");
  const all = `${reason} ${containerReasons}`;
  const c = culprit(task.containers);
  const at = (x?: MonitorContainer) => (x ? { container: x.name, ...(x.exitCode !== undefined ? { exitCode: x.exitCode } : {}) } : {});

  if (c && (c.exitCode === 137 || has(c.reason, /OutOfMemory/i)) && task.stopCode !== "ServiceSchedulerInitiated" && task.stopCode !== "UserInitiated" && task.stopCode !== "TerminationNotice") {
    return { category: "out-of-memory", ...at(c),
      summary: `Container "${c.name}" was killed for using more memory than its limit allows (exit code 137, out of memory).`,
      nextStep: "Raise the container's hard memory limit (or the task's memory), or find what makes the application use more memory than expected." };
  }
  if (has(all, /CannotPullContainerError|pull image|manifest.*not found/i)) {
    return { category: "image-pull", ...at(task.containers.find((x) => has(x.reason, /CannotPull/i))),
      summary: "ECS could not pull the container image, so the task never started.",
      nextStep: "Check the image name and tag exist in the registry, that the execution role may pull from it (ECR or registry credentials), and that the task has a network route to the registry (NAT, VPC endpoints or a public IP)." };
  }
  if (has(all, /ResourceInitializationError/i)) {
    return { category: "resource-init",
      summary: "The task's resources could not be prepared before the containers started (secrets, log configuration or the execution role).",
      nextStep: "Check that the execution role may read the referenced secrets or SSM parameters and write to the log group, that the log group exists, and that the task can reach Secrets Manager, SSM and CloudWatch Logs." };
  }
  if (has(reason, /ELB health checks?/i)) {
    return { category: "elb-health",
      summary: "The load balancer marked the task unhealthy, so ECS replaced it.",
      nextStep: "Check the target group's health check path and port, the security groups between load balancer and task, and give slow starters a longer healthCheckGracePeriodSeconds." };
  }
  if (has(reason, /container health checks?/i) || task.containers.some((x) => x.healthStatus === "UNHEALTHY" && task.stopCode !== "UserInitiated")) {
    return { category: "container-health",
      summary: "The container's own health check kept failing, so ECS stopped the task and started a replacement.",
      nextStep: "Run the health check command inside the container, check the application listens where the check looks, and raise startPeriod if it needs longer to start." };
  }
  if (task.stopCode === "SpotInterruption" || task.stopCode === "TerminationNotice") {
    return { category: "spot",
      summary: task.stopCode === "SpotInterruption" || has(reason, /Spot Task/i)
        ? "AWS took back the Fargate Spot capacity the task ran on: a two-minute warning, SIGTERM to its containers, then the task stopped."
        : "The instance the task ran on is being terminated.",
      nextStep: "Nothing is wrong with the task; the service starts a replacement. Mix on-demand capacity into the strategy if interruptions hurt." };
  }
  if (task.stopCode === "UserInitiated") {
    return { category: "user", summary: `Someone (or some tool) stopped the task: ${reason || "StopTask was called"}.`,
      nextStep: "Check CloudTrail for the StopTask call if this was unexpected." };
  }
  if (task.stopCode === "ServiceSchedulerInitiated") {
    const deploying = has(reason, /deployment|Scaling activity/i);
    return { category: deploying ? "deployment" : "scheduler",
      summary: deploying ? "The service replaced this task during a deployment or scaling." : `The service scheduler stopped the task: ${reason || "no reason given"}.`,
      nextStep: deploying ? "Nothing to do: this is how rolling deployments swap tasks." : "Look at the service's events around this time." };
  }
  if (task.stopCode === "EssentialContainerExited" || (c && c.exitCode !== undefined)) {
    if (c && c.exitCode !== undefined) {
      return { category: "exited", ...at(c),
        summary: `Essential container "${c.name}" exited: ${exitMeaning(c.exitCode)}${c.reason ? ` (${c.reason})` : ""}. When an essential container stops, the whole task stops.`,
        nextStep: "Read the container's logs just before it stopped; the replacement will fail the same way until the cause is fixed." };
    }
    return { category: "exited", summary: "An essential container exited, so the whole task stopped.", nextStep: "Read the containers' logs just before the stop." };
  }
  if (task.stopCode === "TaskFailedToStart") {
    return { category: "failed-to-start", summary: `The task failed to start: ${reason || "no reason given"}.`,
      nextStep: "Read the stopped reason and the containers' reasons; they name the resource that failed." };
  }
  return { category: "unknown", summary: reason ? `The task stopped: ${reason}.` : "The task stopped without a reason ECS reported.",
    nextStep: "Look at the service's events around the stop time." };
}
