import { revisionNumberOf as revisionOf } from "../design/lookup";
import type { ContainerInstance, Service as EcsService, Task as EcsTask } from "@aws-sdk/client-ecs";
import type { InstanceView } from "./container-instances";
import type { SceneInput, SceneTaskInput } from "./scene";
import type { MonitorView } from "./snapshot-view";
import { serviceOfGroup, taskIdOf } from "./types";

// The scene's input from either source: ECS's own answers (the lesson page reads the sandbox
// directly) or the monitor's snapshot of a cluster plus its container instances (the canvas).

const millis = (v: Date | string | number | undefined) => (v === undefined ? 0 : typeof v === "number" ? v : new Date(v).getTime() || 0);
const amount = (r: ContainerInstance["registeredResources"], name: string) => r?.find((x) => x.name === name)?.integerValue ?? 0;

/** From DescribeServices, DescribeTasks and DescribeContainerInstances answers. */
export function sceneInputFromEcs(args: { services: EcsService[]; tasks: EcsTask[]; containerInstances: ContainerInstance[] }): SceneInput {
  return {
    services: args.services.filter((s) => s.status === "ACTIVE").map((s) => ({
      name: s.serviceName ?? "",
      desired: s.desiredCount ?? 0, running: s.runningCount ?? 0, pending: s.pendingCount ?? 0,
      minimumHealthyPercent: s.deploymentConfiguration?.minimumHealthyPercent,
      maximumPercent: s.deploymentConfiguration?.maximumPercent,
      deployments: (s.deployments ?? []).map((d) => ({
        status: d.status ?? "", revision: revisionOf(d.taskDefinition), desired: d.desiredCount ?? 0,
        running: d.runningCount ?? 0, pending: d.pendingCount ?? 0, rolloutState: d.rolloutState,
      })),
    })),
    tasks: args.tasks.map((t): SceneTaskInput => ({
      id: taskIdOf(t.taskArn ?? ""), service: serviceOfGroup(t.group), revision: revisionOf(t.taskDefinitionArn),
      lastStatus: t.lastStatus ?? "PROVISIONING", desiredStatus: t.desiredStatus ?? "RUNNING",
      instanceArn: t.containerInstanceArn, health: t.healthStatus, stoppedReason: t.stoppedReason, createdAt: millis(t.createdAt),
    })),
    instances: args.containerInstances.map((ci, i) => ({
      arn: ci.containerInstanceArn ?? "", label: ci.ec2InstanceId ?? `instance ${i + 1}`, status: ci.status ?? "ACTIVE",
      cpu: { registered: amount(ci.registeredResources, "CPU"), remaining: amount(ci.remainingResources, "CPU") },
      memory: { registered: amount(ci.registeredResources, "MEMORY"), remaining: amount(ci.remainingResources, "MEMORY") },
    })),
  };
}

/** From the monitor's view of a cluster and (for EC2) its container instances. */
export function sceneInputFromMonitor(view: MonitorView, instances: InstanceView[] = []): SceneInput {
  return {
    services: view.services.filter((s) => s.status === "ACTIVE").map((s) => ({
      name: s.serviceName, desired: s.desiredCount, running: s.runningCount, pending: s.pendingCount,
      minimumHealthyPercent: s.deploymentBounds?.minimumHealthyPercent, maximumPercent: s.deploymentBounds?.maximumPercent,
      deployments: s.deployments.map((d) => ({
        status: d.status, revision: revisionOf(d.taskDefinition), desired: d.desiredCount, running: d.runningCount, pending: d.pendingCount,
        rolloutState: d.rolloutState,
      })),
    })),
    tasks: view.tasks.map((t) => ({
      id: t.taskId, service: t.serviceName, revision: revisionOf(t.taskDefinitionArn), lastStatus: t.lastStatus, desiredStatus: t.desiredStatus,
      instanceArn: t.containerInstanceArn, health: t.healthStatus, stoppedReason: t.stoppedReason, createdAt: millis(t.createdAt),
    })),
    instances: instances.map((ci) => ({
      arn: ci.arn, label: ci.ec2InstanceId ?? ci.id.slice(0, 12), status: ci.status,
      cpu: ci.cpu, memory: ci.memory,
    })),
  };
}
