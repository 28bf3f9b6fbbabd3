import { revisionNumberOf as revisionOf } from "../design/lookup";
import type { ContainerInstance, Service as EcsService, Task as EcsTask } from "@aws-sdk/client-ecs";
import { toInstanceViews, type InstanceView } from "./container-instances";
import type { DeploymentView } from "./api-types";
import type { SceneInput, SceneTraffic } from "./scene";
import { toMonitorService, toMonitorTask, type MonitorService, type MonitorTask } from "./types";

// The scene's input from either source: ECS's own answers (the lesson page reads the sandbox
// directly) or the monitor's snapshot of a cluster plus its container instances (the canvas).

const millis = (v: string | undefined) => (v === undefined ? 0 : new Date(v).getTime() || 0);

/** From DescribeServices, DescribeTasks and DescribeContainerInstances answers, through the monitor's own converters. */
export function sceneInputFromEcs(args: { services: EcsService[]; tasks: EcsTask[]; containerInstances: ContainerInstance[] }): SceneInput {
  return sceneInputFromMonitor(
    { services: args.services.map(toMonitorService), tasks: args.tasks.map(toMonitorTask) },
    toInstanceViews(args.containerInstances),
  );
}

/** From the monitor's view of a cluster (a MonitorView, or its services and tasks) and, for EC2, its container instances. */
export function sceneInputFromMonitor(view: { services: MonitorService[]; tasks: MonitorTask[] }, instances: InstanceView[] = []): SceneInput {
  return {
    services: view.services.filter((s) => s.status === "ACTIVE").map((s) => ({
      name: s.serviceName, desired: s.desiredCount, running: s.runningCount, pending: s.pendingCount,
      minimumHealthyPercent: s.deploymentBounds?.minimumHealthyPercent, maximumPercent: s.deploymentBounds?.maximumPercent,
      deployments: s.deployments.map((d) => ({
        status: d.status, revision: revisionOf(d.taskDefinition), desired: d.desiredCount, running: d.runningCount, pending: d.pendingCount,
        rolloutState: d.rolloutState,
      })),
      ...(s.serviceConnect?.aliases.length ? { aliases: s.serviceConnect.aliases.map((a) => a.alias) } : {}),
    })),
    tasks: view.tasks.map((t) => ({
      id: t.taskId, service: t.serviceName, revision: revisionOf(t.taskDefinitionArn), lastStatus: t.lastStatus, desiredStatus: t.desiredStatus,
      instanceArn: t.containerInstanceArn, ...(t.capacityProviderName ? { capacityProvider: t.capacityProviderName } : {}), health: t.healthStatus, stoppedReason: t.stoppedReason, createdAt: millis(t.createdAt),
    })),
    instances: instances.map((ci) => ({
      arn: ci.arn, label: ci.ec2InstanceId ?? ci.id.slice(0, 12), status: ci.status,
      cpu: ci.cpu, memory: ci.memory,
    })),
  };
}

/** The traffic split of a service's deployment in flight, if it shifts traffic (not ROLLING) and ECS reported weights. */
export function sceneTrafficOf(deployments: readonly DeploymentView[] | undefined): SceneTraffic | undefined {
  const d = deployments?.find((x) => x.active && x.strategy !== "ROLLING" && x.traffic.target !== undefined);
  if (!d || !d.sourceTaskDefinition || !d.targetTaskDefinition) return undefined;
  return { blue: revisionOf(d.sourceTaskDefinition), green: revisionOf(d.targetTaskDefinition), greenPercent: d.traffic.target!, strategy: d.strategy };
}

/** The scene's input with one service's traffic split laid on (tasks drawn blue and green, with each side's percentage). */
export function withTraffic(input: SceneInput, service: string, traffic: SceneTraffic | undefined): SceneInput {
  if (!traffic) return input;
  return { ...input, services: input.services.map((s) => (s.name === service ? { ...s, traffic } : s)) };
}
