import type { Service as EcsService, Task as EcsTask } from "@aws-sdk/client-ecs";
import type { SandboxSnapshot } from "../types";

// Plain ECS-shaped answers for the sandbox checks' tests.

let n = 0;
export function task(service: string, over: Partial<EcsTask> = {}): EcsTask {
  n++;
  return {
    taskArn: `arn:aws:ecs:eu-west-1:000000000000:task/c/${String(n).padStart(32, "0")}`, group: `service:${service}`,
    taskDefinitionArn: `arn:aws:ecs:eu-west-1:000000000000:task-definition/${service}:1`,
    lastStatus: "RUNNING", desiredStatus: "RUNNING", containerInstanceArn: "arn:ci/1", ...over,
  };
}

export const running = (service: string, over: Partial<EcsTask> = {}) => task(service, over);
export const crashed = (service: string, over: Partial<EcsTask> = {}) =>
  task(service, { lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", ...over });
export const provisioning = (service: string) => task(service, { lastStatus: "PROVISIONING" });

export function service(name: string, over: Partial<EcsService> = {}): EcsService {
  return { serviceName: name, status: "ACTIVE", desiredCount: 2, runningCount: 2, ...over };
}

export function snapshot(services: EcsService[], tasks: EcsTask[] = []): SandboxSnapshot {
  return { services, tasks, containerInstances: [] };
}

export const EMPTY: SandboxSnapshot = snapshot([]);
