import type { CapacityProvider as EcsCapacityProvider } from "@aws-sdk/client-ecs";
import type { CapacityProviderDesign, Design } from "../design";
import { creationTags, tagCalls, tagChanges, tagValue } from "./tags";
import { DESIGN_TAG, type EcsCall, type FieldChange, type LiveState, type PlanStep } from "./types";
import { matchesDesired } from "./values";

// Capacity providers: created before the clusters that name them (Auto Scaling group ones) or
// right after their cluster (Managed Instances ones, created in it), updated in place (managed
// scaling, termination protection, draining; a Managed Instances provider's template), and the
// ones this design created and dropped deleted once no cluster or service of the design uses them.

const key = (name: string) => `capacity-provider:${name}`;

/** The CreateCapacityProvider input of a design provider (a Managed Instances one names its cluster). */
function createInput(cp: CapacityProviderDesign, tags: { key: string; value: string }[]): Record<string, unknown> {
  const mi = cp.managedInstancesProvider;
  if (mi) {
    const { cluster, ...provider } = mi;
    return { name: cp.name, cluster, managedInstancesProvider: provider, tags };
  }
  return { name: cp.name, autoScalingGroupProvider: cp.autoScalingGroupProvider, tags };
}

export function planCapacityProvider(cp: CapacityProviderDesign, live: LiveState, designId: string): PlanStep {
  const base = { key: key(cp.name), kind: "capacity-provider" as const, name: cp.name, designId: cp.id, notes: [] as string[] };
  const current = live.capacityProviders?.[cp.name];
  if (!current) {
    const created = creationTags(cp.tags, designId, cp.id);
    return { ...base, notes: created.notes, action: "create", changes: [], calls: [{ operation: "CreateCapacityProvider", input: createInput(cp, created.tags) }] };
  }
  const changes: FieldChange[] = [];
  const calls: EcsCall[] = [];
  const asg = cp.autoScalingGroupProvider;
  if (asg) {
    const { autoScalingGroupArn: _arn, ...wanted } = asg;
    if (!matchesDesired(wanted, current.autoScalingGroupProvider ?? {})) {
      changes.push({ path: "autoScalingGroupProvider", old: current.autoScalingGroupProvider, new: asg });
      calls.push({ operation: "UpdateCapacityProvider", input: { name: cp.name, autoScalingGroupProvider: wanted } });
    }
  }
  const mi = cp.managedInstancesProvider;
  if (mi) {
    const { cluster, ...wanted } = mi;
    if (!matchesDesired(wanted, current.managedInstancesProvider ?? {})) {
      changes.push({ path: "managedInstancesProvider", old: current.managedInstancesProvider, new: wanted });
      calls.push({ operation: "UpdateCapacityProvider", input: { name: cp.name, cluster, managedInstancesProvider: wanted } });
    }
  }
  const tags = tagChanges(cp.tags, current.tags, designId);
  changes.push(...tags.changes);
  calls.push(...tagCalls(current.capacityProviderArn, tags));
  return { ...base, notes: tags.notes, action: calls.length ? "update" : "no-change", changes, calls };
}

/** Names of the design's Managed Instances providers of a cluster: ECS associates them itself, PutClusterCapacityProviders does not take them. */
export function scopedProviders(design: Design, clusterName: string): Set<string> {
  return new Set((design.capacityProviders ?? []).filter((p) => p.managedInstancesProvider?.cluster === clusterName).map((p) => p.name));
}

/** Providers this design created and no longer has: deleted after the clusters stopped naming them. */
export function capacityProviderDeletes(design: Design, live: LiveState, designId: string): PlanStep[] {
  const kept = new Set((design.capacityProviders ?? []).map((p) => p.name));
  return Object.entries(live.ownedCapacityProviders ?? {})
    .filter(([name, cp]) => !kept.has(name) && tagValue(cp.tags, DESIGN_TAG) === designId)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, cp]: [string, EcsCapacityProvider]) => ({
      key: key(name), kind: "capacity-provider" as const, name, action: "delete" as const, changes: [],
      notes: [`created by this design (tag ${DESIGN_TAG}=${designId}) and no longer in it`],
      calls: [{ operation: "DeleteCapacityProvider", input: { capacityProvider: name, ...(cp.cluster ? { cluster: cp.cluster } : {}) } }],
    }));
}
