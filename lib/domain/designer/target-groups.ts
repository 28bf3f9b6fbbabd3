import type { Service, TargetGroup } from "../design";

/**
 * What a service's `loadBalancers[].targetGroupArn` holds for this group: its ARN, or
 * `targetgroup/<name>` while the group is only designed (ECS needs the real ARN to deploy, and
 * the load-balancers rule keeps asking for one until then).
 */
export function targetGroupRef(tg: TargetGroup): string {
  return tg.targetGroupArn ?? `targetgroup/${tg.name}`;
}


/** Rewrites every service reference from one group ref to another (rename, ARN set). */
export function rewriteTargetGroupRefs(services: Service[], from: string, to: string): Service[] {
  let changed = false;
  const next = services.map((s) => {
    if (!s.loadBalancers?.some((lb) => lb.targetGroupArn === from)) return s;
    changed = true;
    return { ...s, loadBalancers: s.loadBalancers.map((lb) => (lb.targetGroupArn === from ? { ...lb, targetGroupArn: to } : lb)) };
  });
  return changed ? next : services;
}
