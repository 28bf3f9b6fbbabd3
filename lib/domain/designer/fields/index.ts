import type { NodeKind } from "../resolve";
import { CAPACITY_PROVIDER_GROUPS } from "./capacity-provider";
import { CLUSTER_GROUPS } from "./cluster";
import { CONTAINER_GROUPS } from "./container";
import { LOAD_BALANCER_GROUPS, TARGET_GROUP_GROUPS } from "./load-balancer";
import { SCHEDULED_TASK_GROUPS } from "./scheduled-task";
import { SERVICE_GROUPS } from "./service";
import { TASK_DEFINITION_GROUPS } from "./task-definition";
import type { FieldGroup, FieldSpec } from "./types";

export * from "./types";
export * from "./edit";

/** The form of each resource kind. */
export const FIELD_GROUPS: Partial<Record<NodeKind, FieldGroup[]>> = {
  container: CONTAINER_GROUPS,
  taskDefinition: TASK_DEFINITION_GROUPS,
  service: SERVICE_GROUPS,
  cluster: CLUSTER_GROUPS,
  loadBalancer: LOAD_BALANCER_GROUPS,
  targetGroup: TARGET_GROUP_GROUPS,
  scheduledTask: SCHEDULED_TASK_GROUPS,
  capacityProvider: CAPACITY_PROVIDER_GROUPS,
};

/** Every leaf and list path a form renders for a resource (item fields as `list.i.field`), for finding lookups. */
export function fieldPaths(groups: readonly FieldGroup[], resource: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (specs: readonly FieldSpec[], prefix: string[], obj: Record<string, unknown> | undefined) => {
    for (const s of specs) {
      const p = [...prefix, ...s.path.map(String)];
      out.push(p.join("."));
      if (s.type === "list") {
        let cur: unknown = obj;
        for (const seg of s.path) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[seg as string] : undefined;
        (Array.isArray(cur) ? cur : []).forEach((item, i) => walk(s.fields, [...p, String(i)], item as Record<string, unknown>));
      }
    }
  };
  for (const g of groups) walk(g.fields, [], resource);
  return out;
}
