import { peek } from "../core/draft";
import type { Task, World } from "../core/types";

// Which target groups a service task registers in: for each load balancer entry of its service,
// the one its deployment's service revision resolved (the primary target group, or the alternate
// one for the green tasks of a blue/green, linear or canary deployment).

export function targetGroupsForTask(world: World, task: Task): string[] {
  const svc = task.serviceArn ? peek(world).services[task.serviceArn] : undefined;
  if (!svc) return [];
  const d = svc.deployments.find((x) => x.id === task.deploymentId);
  const rev = d?.serviceRevisionArn ? peek(world).serviceRevisions[d.serviceRevisionArn] : undefined;
  return svc.loadBalancers
    .map((lb, i) => rev?.resolvedLoadBalancers[i]?.targetGroupArn ?? (lb.targetGroupArn as string | undefined))
    .filter((arn): arn is string => !!arn);
}
