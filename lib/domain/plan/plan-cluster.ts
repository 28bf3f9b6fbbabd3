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
  const deferred = strategyWaitsForProviders(c, live, scoped);
  if (deferred) delete input.defaultCapacityProviderStrategy;
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
    // the cluster's own Managed Instances providers not created yet join it with CreateCapacityProvider
    !equal([...new Set([...associable, ...[...scoped].filter((p) => live.capacityProviders?.[p])])].sort(), [...(current.capacityProviders ?? [])].sort());
  const strategyDiffers = !deferred && c.defaultCapacityProviderStrategy !== undefined &&
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
        defaultCapacityProviderStrategy: (deferred ? undefined : c.defaultCapacityProviderStrategy) ?? current.defaultCapacityProviderStrategy ?? [],
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

/**
 * Whether the default strategy names one of the cluster's own Managed Instances providers that
 * does not exist yet: ECS refuses a strategy naming a provider the cluster does not have, and
 * CreateCapacityProvider (run after the cluster) is what gives the cluster such a provider.
 */
function strategyWaitsForProviders(c: Cluster, live: LiveState, scoped: ReadonlySet<string>): boolean {
  return (c.defaultCapacityProviderStrategy ?? []).some((i) => scoped.has(i.capacityProvider) && !live.capacityProviders?.[i.capacityProvider]);
}

/**
 * The follow-up of a cluster whose default strategy names a Managed Instances provider the plan
 * creates: once CreateCapacityProvider has associated it, PutClusterCapacityProviders sets the
 * strategy (with the providers it may take: not the cluster's own Managed Instances ones, which
 * ECS keeps associated). Undefined when the strategy was set with the cluster itself.
 */
export function planClusterStrategy(c: Cluster, live: LiveState, scoped: ReadonlySet<string> = new Set()): PlanStep | undefined {
  if (!strategyWaitsForProviders(c, live, scoped)) return undefined;
  const current = live.clusters[c.clusterName];
  const existing = current && current.status !== "INACTIVE" ? current.capacityProviders ?? [] : [];
  const associable = c.capacityProviders?.filter((p) => !scoped.has(p)) ?? existing.filter((p) => !scoped.has(p));
  const waiting = [...new Set((c.defaultCapacityProviderStrategy ?? []).map((i) => i.capacityProvider).filter((p) => scoped.has(p)))];
  return {
    key: `cluster:${c.clusterName}/strategy`, kind: "cluster", name: c.clusterName, designId: c.id, action: "update",
    changes: [{ path: "defaultCapacityProviderStrategy", old: current?.defaultCapacityProviderStrategy, new: c.defaultCapacityProviderStrategy }],
    notes: [`set after ${waiting.join(", ")} ${waiting.length > 1 ? "are" : "is"} created in the cluster: the strategy may name only providers the cluster has`],
    calls: [{
      operation: "PutClusterCapacityProviders",
      input: { cluster: c.clusterName, capacityProviders: associable, defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy },
    }],
  };
}
