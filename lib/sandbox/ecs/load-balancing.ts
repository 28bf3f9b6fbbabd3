import { peek } from "../core/draft";
import type { Service, Task, World } from "../core/types";

// Which target groups a service task registers with. (sandbox-lb writes the rest of this file:
// registration, health; this is the part deployments decide.)

/** One `loadBalancers[]` entry of a service, as ECS takes it (a target group, not a Classic Load Balancer). */
type ServiceLoadBalancer = { targetGroupArn: string; containerName: string; containerPort: number };

/**
 * The target groups (with the container and port) `task` of `svc` registers with: for each
 * `loadBalancers[]` entry, the one its deployment's service revision resolved — the primary
 * target group, or for the green tasks of a blue/green, linear or canary deployment the other one
 * of the pair (`advancedConfiguration.alternateTargetGroupArn` while blue is in the primary one).
 */
export function targetGroupsForTask(world: World, svc: Service, task: Task): ServiceLoadBalancer[] {
  const d = svc.deployments.find((x) => x.id === task.deploymentId);
  const rev = d?.serviceRevisionArn ? peek(world).serviceRevisions[d.serviceRevisionArn] : undefined;
  return svc.loadBalancers.flatMap((lb, i) => {
    const targetGroupArn = rev?.resolvedLoadBalancers[i]?.targetGroupArn ?? lb.targetGroupArn;
    return typeof targetGroupArn === "string" && typeof lb.containerName === "string" && typeof lb.containerPort === "number"
      ? [{ targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort }] : [];
  });
}
