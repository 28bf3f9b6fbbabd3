import type { CapacityProviderDesign, CapacityProviderStrategyItem, Cluster, Design, Service } from "../design";
import { clusterNameOf } from "../design";
import { belowEverything } from "./layout";
import { newId, uniqueName } from "./names";
import { mapShared } from "./paths";
import type { EditResult } from "./result";

// Capacity providers the design creates, on the canvas: a cluster associates one (its
// capacityProviders list; a Managed Instances provider also belongs to that cluster), a service's
// capacityProviderStrategy names one. Everything refers to a provider by its name, so a rename
// rewrites the names and a delete drops them (an emptied strategy goes: the cluster's default applies).

/** FARGATE and FARGATE_SPOT: every account has them; a cluster only has to associate them. */
export const BUILT_IN_PROVIDERS = ["FARGATE", "FARGATE_SPOT"] as const;

type At = { x: number; y: number };

export type CapacityProviderSummary = {
  name: string;
  type: "ASG" | "MANAGED_INSTANCES";
  /** ASG: managed scaling's target capacity when enabled; Managed Instances: the cluster it belongs to. */
  detail?: string;
  managedScaling: boolean;
};

export function capacityProviderSummary(cp: CapacityProviderDesign): CapacityProviderSummary {
  if (cp.managedInstancesProvider) {
    return { name: cp.name, type: "MANAGED_INSTANCES", detail: cp.managedInstancesProvider.cluster || undefined, managedScaling: true };
  }
  const ms = cp.autoScalingGroupProvider?.managedScaling;
  const on = ms?.status === "ENABLED";
  return { name: cp.name, type: "ASG", detail: on ? `target ${ms?.targetCapacity ?? 100}%` : undefined, managedScaling: on };
}

/** A card like a target group's, a little wider and taller: its kind chip and scaling chip sit on one row. */
export const CAPACITY_PROVIDER_SIZE = { width: 240, height: 88 };

/** A new Auto Scaling group provider with managed scaling on, as the console offers it; its ASG ARN is still to be set. */
export function addCapacityProvider(design: Design, opts: { name?: string; at?: At } = {}): EditResult & { ok: true } {
  const list = design.capacityProviders ?? [];
  const name = uniqueName(opts.name ?? "ec2-capacity", [...list.map((p) => p.name), ...BUILT_IN_PROVIDERS]);
  const id = newId(design, "cp", name);
  const cp: CapacityProviderDesign = {
    id, name,
    autoScalingGroupProvider: {
      autoScalingGroupArn: "",
      managedScaling: { status: "ENABLED", targetCapacity: 100 },
      managedTerminationProtection: "DISABLED",
      managedDraining: "ENABLED",
    },
  };
  return { ok: true, id, design: { ...design, capacityProviders: [...list, cp], layout: { ...design.layout, [id]: opts.at ?? belowEverything(design) } } };
}

/** Whether the cluster uses the provider: it associates it, or (Managed Instances) the provider was created in it. */
export function clusterHasProvider(c: Cluster, cp: CapacityProviderDesign): boolean {
  return (c.capacityProviders ?? []).includes(cp.name) || cp.managedInstancesProvider?.cluster === c.clusterName;
}

export function canAssociate(c: Cluster, cp: CapacityProviderDesign): string | undefined {
  if ((c.capacityProviders ?? []).includes(cp.name)) return `Cluster ${c.clusterName} already has ${cp.name}.`;
  const owner = cp.managedInstancesProvider?.cluster;
  if (owner && owner !== c.clusterName) return `${cp.name} is a Managed Instances provider of cluster ${owner}: it is usable only there.`;
  return undefined;
}

/** The cluster associates the provider (a Managed Instances provider is created in it). */
export function associate(design: Design, clusterIndex: number, providerIndex: number): Design {
  const c = design.clusters[clusterIndex];
  const cp = design.capacityProviders![providerIndex];
  const clusters = design.clusters.slice();
  clusters[clusterIndex] = { ...c, capacityProviders: [...(c.capacityProviders ?? []), cp.name] };
  const next = { ...design, clusters };
  if (!cp.managedInstancesProvider || cp.managedInstancesProvider.cluster === c.clusterName) return next;
  return replaceProvider(next, providerIndex, { ...cp, managedInstancesProvider: { ...cp.managedInstancesProvider, cluster: c.clusterName } });
}

export function canAddToStrategy(s: Service, cp: CapacityProviderDesign): string | undefined {
  if ((s.capacityProviderStrategy ?? []).some((i) => i.capacityProvider === cp.name)) return `The service's strategy already names ${cp.name}.`;
  const owner = cp.managedInstancesProvider?.cluster;
  if (owner && s.cluster && clusterNameOf(s.cluster) !== owner) return `${cp.name} belongs to cluster ${owner}; the service runs in ${clusterNameOf(s.cluster)}.`;
  return undefined;
}

/** The service's strategy names the provider (weight 1); a strategy replaces the launch type, as CreateService takes one or the other. */
export function addToStrategy(design: Design, serviceIndex: number, cp: CapacityProviderDesign): Design {
  const s = design.services[serviceIndex];
  const next: Service = { ...s, capacityProviderStrategy: [...(s.capacityProviderStrategy ?? []), { capacityProvider: cp.name, weight: 1 }] };
  delete next.launchType;
  const services = design.services.slice();
  services[serviceIndex] = next;
  return { ...design, services };
}

const renameItems = (list: CapacityProviderStrategyItem[] | undefined, from: string, to: string) =>
  list?.some((i) => i.capacityProvider === from) ? list.map((i) => (i.capacityProvider === from ? { ...i, capacityProvider: to } : i)) : list;
const dropItems = (list: CapacityProviderStrategyItem[] | undefined, name: string) =>
  list?.some((i) => i.capacityProvider === name) ? list.filter((i) => i.capacityProvider !== name) : list;

/** The service's strategy without the provider (an emptied strategy goes: the cluster's default applies). */
export function serviceWithoutProvider(s: Service, name: string): Service {
  const capacityProviderStrategy = emptied(dropItems(s.capacityProviderStrategy, name), s.capacityProviderStrategy);
  return capacityProviderStrategy === s.capacityProviderStrategy ? s : withList({ ...s, capacityProviderStrategy }, ["capacityProviderStrategy"]);
}

/** A Managed Instances provider created in `clusterName` stops naming it (the rules then ask for a cluster). */
export function unassociate(design: Design, clusterName: string | undefined, name: string): Design {
  const i = (design.capacityProviders ?? []).findIndex((p) => p.name === name && p.managedInstancesProvider?.cluster === clusterName);
  if (i < 0 || clusterName === undefined) return design;
  const cp = design.capacityProviders![i];
  return replaceProvider(design, i, { ...cp, managedInstancesProvider: { ...cp.managedInstancesProvider!, cluster: "" } });
}

/** Rewrites every use of a provider's name: clusters' lists and default strategies, services' strategies. */
function mapProviderRefs(design: Design, strategy: (l: CapacityProviderStrategyItem[] | undefined) => CapacityProviderStrategyItem[] | undefined,
  names: (l: string[] | undefined) => string[] | undefined): Design {
  const clusters = mapShared(design.clusters, (c) => {
    const capacityProviders = names(c.capacityProviders);
    const defaultCapacityProviderStrategy = strategy(c.defaultCapacityProviderStrategy);
    if (capacityProviders === c.capacityProviders && defaultCapacityProviderStrategy === c.defaultCapacityProviderStrategy) return c;
    return withList({ ...c, capacityProviders, defaultCapacityProviderStrategy }, ["capacityProviders", "defaultCapacityProviderStrategy"]);
  });
  const services = mapShared(design.services, (s) => {
    const capacityProviderStrategy = strategy(s.capacityProviderStrategy);
    return capacityProviderStrategy === s.capacityProviderStrategy ? s : withList({ ...s, capacityProviderStrategy }, ["capacityProviderStrategy"]);
  });
  return clusters === design.clusters && services === design.services ? design : { ...design, clusters, services };
}

/** Keys a drop emptied go (undefined), so the resource reads as if never set (a service then takes its cluster's default). */
function withList<T extends Record<string, unknown>>(o: T, keys: string[]): T {
  const out: Record<string, unknown> = { ...o };
  for (const k of keys) if (out[k] === undefined) delete out[k];
  return out as T;
}

export function renameProviderRefs(design: Design, from: string, to: string): Design {
  return mapProviderRefs(design, (l) => renameItems(l, from, to), (l) => (l?.includes(from) ? l.map((n) => (n === from ? to : n)) : l));
}

export function dropProviderRefs(design: Design, name: string): Design {
  return mapProviderRefs(design, (l) => emptied(dropItems(l, name), l), (l) => emptied(l?.includes(name) ? l.filter((n) => n !== name) : l, l));
}

/** undefined for a list a drop emptied (the key then goes), else the list. */
function emptied<T>(next: T[] | undefined, before: T[] | undefined): T[] | undefined {
  return next !== before && next?.length === 0 ? undefined : next;
}

function replaceProvider(design: Design, i: number, cp: CapacityProviderDesign): Design {
  const list = (design.capacityProviders ?? []).slice();
  list[i] = cp;
  return { ...design, capacityProviders: list };
}

/** Options of a strategy's provider picker: the built-in Fargate ones and the design's own. */
export function providerChoices(design: Design): { value: string; label: string }[] {
  return [
    ...BUILT_IN_PROVIDERS.map((p) => ({ value: p, label: p })),
    ...(design.capacityProviders ?? []).map((p) => ({ value: p.name, label: `${p.name} (${p.managedInstancesProvider ? "Managed Instances" : "Auto Scaling group"})` })),
  ];
}
