import type { ContainerInstance, Resource } from "@aws-sdk/client-ecs";

/** One EC2 container instance as the monitor shows it: what it offers, what is left, what runs. */
export type InstanceView = {
  arn: string;
  id: string;
  ec2InstanceId?: string;
  status: string;
  agentConnected: boolean;
  instanceType?: string;
  availabilityZone?: string;
  cpu: { registered: number; remaining: number };
  memory: { registered: number; remaining: number };
  runningTasks: number;
  pendingTasks: number;
};

export type InstancesView = { instances: InstanceView[]; refreshedAt: string; error?: string };

const amount = (resources: Resource[] | undefined, name: string) => resources?.find((r) => r.name === name)?.integerValue ?? 0;
const attribute = (ci: ContainerInstance, name: string) => ci.attributes?.find((a) => a.name === name)?.value;

/** DescribeContainerInstances answers → rows, DRAINING and disconnected first (they need attention), then by id. */
export function toInstanceViews(instances: ContainerInstance[]): InstanceView[] {
  const rank = (v: InstanceView) => (v.status !== "ACTIVE" ? 0 : !v.agentConnected ? 1 : 2);
  return instances
    .map((ci): InstanceView => {
      const arn = ci.containerInstanceArn ?? "";
      return {
        arn,
        id: arn.slice(arn.lastIndexOf("/") + 1),
        ...(ci.ec2InstanceId ? { ec2InstanceId: ci.ec2InstanceId } : {}),
        status: ci.status ?? "UNKNOWN",
        agentConnected: ci.agentConnected ?? false,
        ...(attribute(ci, "ecs.instance-type") ? { instanceType: attribute(ci, "ecs.instance-type") } : {}),
        ...(attribute(ci, "ecs.availability-zone") ? { availabilityZone: attribute(ci, "ecs.availability-zone") } : {}),
        cpu: { registered: amount(ci.registeredResources, "CPU"), remaining: amount(ci.remainingResources, "CPU") },
        memory: { registered: amount(ci.registeredResources, "MEMORY"), remaining: amount(ci.remainingResources, "MEMORY") },
        runningTasks: ci.runningTasksCount ?? 0,
        pendingTasks: ci.pendingTasksCount ?? 0,
      };
    })
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}
