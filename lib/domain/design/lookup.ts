import type { Design, LoadBalancerDesign, Service, TargetGroup } from "./schema";

/** Strips `:revision` and ARN prefixes so `arn:…:task-definition/web:3`, `web:3` and `web` all name family `web`. */
export function familyOf(taskDefinitionRef: string): string {
  const afterSlash = taskDefinitionRef.includes("/") ? taskDefinitionRef.slice(taskDefinitionRef.lastIndexOf("/") + 1) : taskDefinitionRef;
  const colon = afterSlash.lastIndexOf(":");
  return colon >= 0 && /^\d+$/.test(afterSlash.slice(colon + 1)) ? afterSlash.slice(0, colon) : afterSlash;
}

/** `arn:aws:ecs:region:acct:cluster/name` → `name`; a plain name is returned as is. */
/** The revision number of a `family:revision` reference or task definition ARN; 0 when it names none. */
export function revisionNumberOf(taskDefinitionRef: string | undefined): number {
  const m = /:(\d+)$/.exec(taskDefinitionRef ?? "");
  return m ? Number(m[1]) : 0;
}

export function clusterNameOf(clusterRef: string): string {
  return clusterRef.startsWith("arn:") ? clusterRef.slice(clusterRef.lastIndexOf("/") + 1) : clusterRef;
}

/** The layout key of a container node. */
export function containerKey(taskDefinitionId: string, containerName: string): string {
  return `${taskDefinitionId}/${containerName}`;
}

/**
 * What a service's `loadBalancers[].targetGroupArn` (or a listener's forward) holds for a target
 * group of the design: its ARN, or `targetgroup/<name>` while the group is only designed (ECS
 * needs the real ARN to deploy).
 */
export function targetGroupRef(tg: Pick<TargetGroup, "name" | "targetGroupArn">): string {
  return tg.targetGroupArn ?? `targetgroup/${tg.name}`;
}

/**
 * What `loadBalancers[].advancedConfiguration.productionListenerRule` / `testListenerRule` hold
 * for a listener rule of a load balancer the design owns, while it has no ARN yet:
 * `listener-rule/<load balancer name>/<listener port>/<rule priority | "default">` ("default"
 * names the listener's default rule). Apply resolves it to the rule's ARN once created.
 */
export function listenerRuleRef(loadBalancerName: string, port: number, priority?: number): string {
  return `listener-rule/${loadBalancerName}/${port}/${priority ?? "default"}`;
}

/** The parts of a listenerRuleRef; undefined for anything else (an ARN, a typo). */
export function parseListenerRuleRef(ref: string): { loadBalancerName: string; port: number; priority?: number } | undefined {
  const m = /^listener-rule\/([^/]+)\/(\d+)\/(default|\d+)$/.exec(ref);
  if (!m) return undefined;
  return { loadBalancerName: m[1], port: Number(m[2]), ...(m[3] === "default" ? {} : { priority: Number(m[3]) }) };
}

/**
 * The service's first target group that an Application Load Balancer of the design forwards to
 * (in a listener's default action or a rule), with that load balancer: what
 * ALBRequestCountPerTarget counts requests of (its ResourceLabel names both).
 */
export function albTargetOf(design: Design, service: Service): { targetGroupRef: string; loadBalancer: LoadBalancerDesign } | undefined {
  for (const lb of service.loadBalancers ?? []) {
    const ref = lb.targetGroupArn;
    if (!ref) continue;
    const alb = (design.loadBalancers ?? []).find((d) => d.type === "application" && (d.listeners ?? []).some((l) =>
      [l.defaultAction, ...(l.rules ?? []).map((r) => r.action)].some((a) => (a.targetGroups ?? []).some((g) => g.targetGroupArn === ref))));
    if (alb) return { targetGroupRef: ref, loadBalancer: alb };
  }
  return undefined;
}
