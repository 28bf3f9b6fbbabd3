import { exportCluster, exportService, exportTaskDefinition } from "../ecs-json";
import type { Task as EcsTask } from "@aws-sdk/client-ecs";
import { clusterNameOf, familyOf, type Design } from "../design";
import { isRunning, revisionOf } from "./helpers";

// "Apply to sandbox" as data: which ECS and control calls bring the sandbox to the design.
// The server reads what exists, asks this for the calls, and makes them in order.

/** Lessons run in a region of their own, so they never meet the sandbox worlds of plan/apply. */
export const LEARN_REGION = "eu-west-1";

export type SandboxCall =
  | { kind: "ecs"; op: string; input: Record<string, unknown> }
  | { kind: "control"; input: Record<string, unknown> };

export type SandboxLive = {
  /** Registered container instances per cluster name. */
  instanceCounts: Record<string, number>;
  /** ACTIVE services as `${cluster}/${serviceName}`. */
  services: string[];
};

export function planSandboxApply(design: Design, live: SandboxLive, opts: { forceNewDeployment?: boolean } = {}): SandboxCall[] {
  const calls: SandboxCall[] = [];
  for (const cluster of design.clusters) {
    // CreateCluster on an existing name answers with that cluster, so it is always safe.
    calls.push({ kind: "ecs", op: "CreateCluster", input: exportCluster(cluster) as unknown as Record<string, unknown> });
    const have = live.instanceCounts[cluster.clusterName] ?? 0;
    for (const i of (cluster.instances ?? []).slice(have)) {
      calls.push({ kind: "control", input: {
        action: "addInstances", region: LEARN_REGION, cluster: cluster.clusterName, count: 1, cpu: i.cpu, memory: i.memory,
        ...(i.instanceType ? { instanceType: i.instanceType } : {}), ...(i.availabilityZone ? { availabilityZones: [i.availabilityZone] } : {}),
      } });
    }
  }
  for (const td of design.taskDefinitions) {
    calls.push({ kind: "ecs", op: "RegisterTaskDefinition", input: exportTaskDefinition(td) as unknown as Record<string, unknown> });
  }
  for (const svc of design.services) {
    const cluster = clusterNameOf(svc.cluster);
    if (live.services.includes(`${cluster}/${svc.serviceName}`)) {
      calls.push({ kind: "ecs", op: "UpdateService", input: {
        cluster, service: svc.serviceName, taskDefinition: familyOf(svc.taskDefinition), desiredCount: svc.desiredCount,
        ...(svc.deploymentConfiguration ? { deploymentConfiguration: svc.deploymentConfiguration } : {}),
        ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
        placementStrategy: svc.placementStrategy ?? [],
        ...(opts.forceNewDeployment ? { forceNewDeployment: true } : {}),
      } });
    } else {
      calls.push({ kind: "ecs", op: "CreateService", input: exportService(svc, design) as unknown as Record<string, unknown> });
    }
  }
  return calls;
}

/**
 * The service task a lesson's "Crash" button hits: a RUNNING one, the newest revision's first, so
 * that while a rollout overlaps old and new tasks the learner crashes what they just applied.
 */
export function taskToCrash(tasks: readonly EcsTask[]): EcsTask | undefined {
  return tasks
    .filter((t) => isRunning(t) && t.group?.startsWith("service:"))
    .sort((a, b) => revisionOf(b.taskDefinitionArn) - revisionOf(a.taskDefinitionArn) || (a.taskArn ?? "").localeCompare(b.taskArn ?? ""))[0];
}
