import type { Service } from "../design";

export { targetGroupRef } from "../design";

type Entry = NonNullable<Service["loadBalancers"]>[number];

const names = (lb: Entry, ref: string) => lb.targetGroupArn === ref || lb.advancedConfiguration?.alternateTargetGroupArn === ref;

/** Rewrites every service reference (primary and alternate target group) from one group ref to another (rename, ARN set). */
export function rewriteTargetGroupRefs(services: Service[], from: string, to: string): Service[] {
  let changed = false;
  const next = services.map((s) => {
    if (!s.loadBalancers?.some((lb) => names(lb, from))) return s;
    changed = true;
    return {
      ...s,
      loadBalancers: s.loadBalancers.map((lb) => {
        if (!names(lb, from)) return lb;
        const e = lb.targetGroupArn === from ? { ...lb, targetGroupArn: to } : { ...lb };
        if (e.advancedConfiguration?.alternateTargetGroupArn === from) e.advancedConfiguration = { ...e.advancedConfiguration, alternateTargetGroupArn: to };
        return e;
      }),
    };
  });
  return changed ? next : services;
}

/**
 * A deleted target group leaves the services: entries registering with it go, and an alternate
 * group naming it is cleared (the deployment-strategy rule then asks for another).
 */
export function dropTargetGroupRefs(services: Service[], ref: string): Service[] {
  let changed = false;
  const next = services.map((s) => {
    if (!s.loadBalancers?.some((lb) => names(lb, ref))) return s;
    changed = true;
    const list = s.loadBalancers.filter((lb) => lb.targetGroupArn !== ref).map((lb) => {
      if (lb.advancedConfiguration?.alternateTargetGroupArn !== ref) return lb;
      const advancedConfiguration = { ...lb.advancedConfiguration };
      delete advancedConfiguration.alternateTargetGroupArn;
      const e = { ...lb, advancedConfiguration };
      if (Object.keys(advancedConfiguration).length === 0) delete (e as { advancedConfiguration?: unknown }).advancedConfiguration;
      return e;
    });
    const out = { ...s, loadBalancers: list };
    if (list.length === 0) delete (out as { loadBalancers?: unknown }).loadBalancers;
    return out;
  });
  return changed ? next : services;
}
