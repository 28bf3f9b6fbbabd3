import type { Service, Task, World } from "../core/types";

// Services behind Elastic Load Balancing: which target groups a service's task registers with.

/** One `loadBalancers[]` entry of a service, as ECS takes it (a target group, not a Classic Load Balancer). */
export type ServiceLoadBalancer = { targetGroupArn: string; containerName: string; containerPort: number };

/** A service's `loadBalancers[]` entries that name a target group. */
export function serviceLoadBalancers(svc: Service): ServiceLoadBalancer[] {
  return svc.loadBalancers.flatMap((lb) => typeof lb.targetGroupArn === "string" && typeof lb.containerName === "string" &&
    typeof lb.containerPort === "number" ? [{ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort }] : []);
}

/**
 * The target groups (with the container and port) `task` of `svc` registers with: THE one place
 * that decides it. Today every task of a service goes to the service's `loadBalancers[]` target
 * groups (a rolling deployment); a deployment strategy that sends some tasks elsewhere (blue/green:
 * green tasks to `advancedConfiguration.alternateTargetGroupArn`) decides it here.
 */
export function targetGroupsForTask(_world: World, svc: Service, _task: Task): ServiceLoadBalancer[] {
  return serviceLoadBalancers(svc);
}
