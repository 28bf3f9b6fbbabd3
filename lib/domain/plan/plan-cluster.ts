import type { Cluster } from "../design";
import { exportCluster } from "../ecs-json";
import { creationTags, tagCalls, tagChanges } from "./tags";
import type { EcsCall, FieldChange, LiveState, PlanStep } from "./types";
import { equal, matchesDesired } from "./values";

/**
 * A cluster is created when missing; an existing one (it may be shared with other designs) is
 * only brought to the settings, capacity providers and tags the design spells out.
 */
export function planCluster(c: Cluster, live: LiveState, designId: string, scoped: ReadonlySet<string> = new Set()): PlanStep {
  const base = { key: `cluster:${c.clusterName}`, kind: "cluster" as const, name: c.clusterName, designId: c.id, notes: [] as string[] };
  const current = live.clusters[c.clusterName];
  const created = creationTags(c.tags, designId, c.id);
  // The cluster's own Managed Instances providers are created in it afterwards (ECS associates them).
  const associable = c.capacityProviders?.filter((p) => !scoped.has(p));
  const input = { ...exportCluster(c), ...(associable ? { capacityProviders: associable } : {}), tags: created.tags } as Record<string, unknown>;
  if (!current || current.status === "INACTIVE") {
    return { ...base, notes: created.notes, action: "create", changes: [], calls: [{ operation: "CreateCluster", input }] };
  }
  const changes: FieldChange[] = [];
  const calls: EcsCall[] = [];
  if (c.settings && !c.settings.every((s) => matchesDesired(s, current.settings?.find((x) => x.name === s.name)))) {
    changes.push({ path: "settings", old: current.settings, new: c.settings });
    calls.push({ operation: "UpdateCluster", input: { cluster: c.clusterName, settings: c.settings } });
  }
  const providersDiffer = associable !== undefined &&
    !equal([...new Set([...associable, ...scoped])].sort(), [...(current.capacityProviders ?? [])].sort());
  const strategyDiffers = c.defaultCapacityProviderStrategy !== undefined &&
    !matchesDesired(c.defaultCapacityProviderStrategy, current.defaultCapacityProviderStrategy ?? []);
  if (providersDiffer) changes.push({ path: "capacityProviders", old: current.capacityProviders, new: c.capacityProviders });
  if (strategyDiffers) changes.push({ path: "defaultCapacityProviderStrategy", old: current.defaultCapacityProviderStrategy, new: c.defaultCapacityProviderStrategy });
  if (providersDiffer || strategyDiffers) {
    // PutClusterCapacityProviders replaces both lists: send the live value for the one the design leaves out.
    calls.push({
      operation: "PutClusterCapacityProviders",
      input: {
        cluster: c.clusterName,
        capacityProviders: associable ?? (current.capacityProviders ?? []).filter((p) => !scoped.has(p)),
        defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy ?? current.defaultCapacityProviderStrategy ?? [],
      },
    });
  }
  const tags = tagChanges(c.tags, current.tags, designId);
  changes.push(...tags.changes);
  calls.push(...tagCalls(current.clusterArn, tags));
  const known = new Set(["id", "clusterName", "capacityProviders", "defaultCapacityProviderStrategy", "settings", "tags", "instances"]);
  const notes = Object.keys(c).filter((k) => !known.has(k) && c[k] !== undefined)
    .map((k) => `"${k}" is set only when the cluster is created; Stevedore does not change it on an existing cluster`);
  notes.push(...tags.notes);
  return { ...base, notes, action: calls.length ? "update" : "no-change", changes, calls };
}
