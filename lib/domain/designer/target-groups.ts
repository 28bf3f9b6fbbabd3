import type { Service } from "../design";

export { targetGroupRef } from "../design";



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
