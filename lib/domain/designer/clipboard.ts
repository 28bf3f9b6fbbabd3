import { z } from "zod";
import {
  CapacityProviderDesignSchema, ClusterSchema, ContainerDefinitionSchema, LayoutEntrySchema, LoadBalancerDesignSchema, ScheduledTaskSchema, ServiceSchema, TargetGroupSchema, TaskDefinitionSchema,
  type Design, type LayoutEntry,
} from "../design";
import { MAX_CONTAINERS_PER_TASK } from "../ecs-facts/task-definition";
import { BUILT_IN_PROVIDERS, renameProviderRefs } from "./capacity-providers";
import { clusterOfService } from "./edges";
import { containerLayouts, freeChildSlot, SIZES } from "./layout";
import { newId, uniqueName } from "./names";
import { replaceClusterName, replaceFamily } from "./references";
import { rewriteForwardRefs, rewriteListenerRuleRefs } from "./load-balancers";
import { containerNodeId, resolveNode } from "./resolve";
import { rewriteTargetGroupRefs, targetGroupRef } from "./target-groups";

// The clipboard holds resources, never canvas state, so a selection pastes into any design
// (another tab, another design) and is checked by the same schemas as a saved document.

export const CLIPBOARD_KIND = "stevedore/designer-selection";

export const ClipboardSchema = z.object({
  kind: z.literal(CLIPBOARD_KIND),
  clusters: z.array(ClusterSchema),
  taskDefinitions: z.array(TaskDefinitionSchema),
  services: z.array(ServiceSchema),
  targetGroups: z.array(TargetGroupSchema),
  /** Absent in what an older tab copied. */
  loadBalancers: z.array(LoadBalancerDesignSchema).default([]),
  /** Absent in what an older tab copied. */
  scheduledTasks: z.array(ScheduledTaskSchema).default([]),
  /** Absent in what an older tab copied. */
  capacityProviders: z.array(CapacityProviderDesignSchema).default([]),
  /** Containers copied without their task definition; they paste into a chosen one. */
  containers: z.array(ContainerDefinitionSchema),
  layout: z.record(z.string(), LayoutEntrySchema),
});
export type Clipboard = z.infer<typeof ClipboardSchema>;

/** The selection as a clipboard payload; a cluster brings its services, a task definition its containers. */
export function copySelection(design: Design, nodeIds: readonly string[]): Clipboard {
  const clip: Clipboard = { kind: CLIPBOARD_KIND, clusters: [], taskDefinitions: [], services: [], targetGroups: [], loadBalancers: [], scheduledTasks: [], capacityProviders: [], containers: [], layout: {} };
  const picked = new Set(nodeIds);
  const keep = (key: string) => { if (design.layout[key]) clip.layout[key] = design.layout[key]; };
  for (const id of nodeIds) {
    const r = resolveNode(design, id);
    if (!r) continue;
    if (r.kind === "cluster") {
      clip.clusters.push(r.cluster); keep(id);
      for (const s of design.services) if (clusterOfService(design, s) === r.cluster && !picked.has(s.id)) { clip.services.push(s); keep(s.id); }
    } else if (r.kind === "taskDefinition") {
      clip.taskDefinitions.push(r.taskDefinition); keep(id);
      for (const c of r.taskDefinition.containerDefinitions) keep(containerNodeId(id, c.name));
    } else if (r.kind === "container") {
      if (!picked.has(r.taskDefinition.id)) clip.containers.push(r.container);
    } else if (r.kind === "service") {
      clip.services.push(r.service); keep(id);
    } else if (r.kind === "targetGroup") {
      clip.targetGroups.push(r.targetGroup); keep(id);
    } else if (r.kind === "scheduledTask") {
      clip.scheduledTasks.push(r.scheduledTask); keep(id);
    } else if (r.kind === "capacityProvider") {
      clip.capacityProviders.push(r.capacityProvider); keep(id);
    } else if (r.kind === "loadBalancer") {
      clip.loadBalancers.push(r.loadBalancer); keep(id);
    }
    // Capacity providers are not copied: a copy would name the same Auto Scaling group, which ECS lets one provider use.
  }
  return clip;
}

export const serializeClipboard = (c: Clipboard) => JSON.stringify(c);

export function parseClipboard(text: string): Clipboard | undefined {
  try {
    const r = ClipboardSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

type Offset = number | { x: number; y: number };
const shift = (l: LayoutEntry | undefined, by: Offset): LayoutEntry | undefined => {
  const o = typeof by === "number" ? { x: by, y: by } : by;
  return l ? { ...l, x: l.x + o.x, y: l.y + o.y } : undefined;
};

/**
 * Pastes a clipboard: every resource gets a new id, names that collide get the next free
 * `name-2`, and references inside the pasted set follow those renames. Loose containers go into
 * `intoTaskDefinitionId` (when given and not full). Returns the new top-level node ids.
 */
type Pasted = Omit<Clipboard, "loadBalancers" | "scheduledTasks" | "capacityProviders"> & Partial<Pick<Clipboard, "loadBalancers" | "scheduledTasks" | "capacityProviders">>;

export function paste(design: Design, given: Pasted, opts: { offset?: Offset; intoTaskDefinitionId?: string } = {}): { design: Design; ids: string[] } {
  const offset = opts.offset ?? 40;
  // Capacity providers take a name of their own (never FARGATE's); the pasted clusters' lists and
  // strategies and the pasted services' strategies follow it, the design's own ones do not.
  const providerNames = [...(design.capacityProviders ?? []).map((p) => p.name), ...BUILT_IN_PROVIDERS];
  const providers: { cp: NonNullable<Clipboard["capacityProviders"]>[number]; name: string }[] = [];
  let clip = given;
  for (const cp of given.capacityProviders ?? []) {
    const name = uniqueName(cp.name, [...providerNames, ...providers.map((p) => p.name)]);
    providers.push({ cp, name });
    if (name !== cp.name) {
      const renamed = renameProviderRefs({ schemaVersion: 1, clusters: clip.clusters, taskDefinitions: [], services: clip.services, layout: {} }, cp.name, name);
      clip = { ...clip, clusters: renamed.clusters, services: renamed.services };
    }
  }
  let d = design;
  const ids: string[] = [];
  const layout = { ...d.layout };
  const clusterRenames = new Map<string, string>();
  const familyRenames = new Map<string, string>();
  const tgRefRenames = new Map<string, string>();

  for (const c of clip.clusters) {
    const clusterName = uniqueName(c.clusterName, d.clusters.map((x) => x.clusterName));
    clusterRenames.set(c.clusterName, clusterName);
    const id = newId(d, "cluster", clusterName);
    d = { ...d, clusters: [...d.clusters, { ...c, id, clusterName }] };
    const l = shift(clip.layout[c.id], offset); if (l) layout[id] = l;
    ids.push(id);
  }
  for (const t of clip.taskDefinitions) {
    const family = uniqueName(t.family, d.taskDefinitions.map((x) => x.family));
    familyRenames.set(t.family, family);
    const id = newId(d, "td", family);
    d = { ...d, taskDefinitions: [...d.taskDefinitions, { ...t, id, family }] };
    const l = shift(clip.layout[t.id], offset); if (l) layout[id] = l;
    for (const c of t.containerDefinitions) {
      const cl = clip.layout[containerNodeId(t.id, c.name)];
      if (cl) layout[containerNodeId(id, c.name)] = cl;
    }
    ids.push(id);
  }
  for (const g of clip.targetGroups) {
    const name = uniqueName(g.name, (d.targetGroups ?? []).map((x) => x.name));
    const id = newId(d, "tg", name);
    // A copied ARN would make two nodes claim one real target group; the copy starts as a design.
    const next = { ...g, id, name };
    delete next.targetGroupArn;
    tgRefRenames.set(targetGroupRef(g), targetGroupRef(next));
    d = { ...d, targetGroups: [...(d.targetGroups ?? []), next] };
    const l = shift(clip.layout[g.id], offset); if (l) layout[id] = l;
    ids.push(id);
  }
  const lbRenames = new Map<string, string>();
  for (const lb of clip.loadBalancers ?? []) {
    const name = uniqueName(lb.name, (d.loadBalancers ?? []).map((x) => x.name));
    lbRenames.set(lb.name, name);
    const id = newId(d, "lb", name);
    // As with target groups: a copy of an existing load balancer would claim the same real one.
    let next = { ...lb, id, name };
    delete next.loadBalancerArn;
    for (const [from, to] of tgRefRenames) next = rewriteForwardRefs([next], from, to)![0];
    d = { ...d, loadBalancers: [...(d.loadBalancers ?? []), next] };
    const l = shift(clip.layout[lb.id], offset); if (l) layout[id] = l;
    ids.push(id);
  }
  for (const s of clip.services) {
    let cluster = s.cluster;
    for (const [from, to] of clusterRenames) cluster = replaceClusterName(cluster, from, to);
    let taskDefinition = s.taskDefinition;
    for (const [from, to] of familyRenames) taskDefinition = replaceFamily(taskDefinition, from, to);
    const serviceName = uniqueName(s.serviceName, d.services.filter((x) => x.cluster === cluster).map((x) => x.serviceName));
    const id = newId(d, "svc", serviceName);
    // Only the pasted service follows the pasted groups' and load balancers' new names.
    let pasted = [{ ...s, id, serviceName, cluster, taskDefinition }];
    for (const [from, to] of tgRefRenames) pasted = rewriteTargetGroupRefs(pasted, from, to);
    for (const [from, to] of lbRenames) pasted = rewriteListenerRuleRefs(pasted, from, to);
    d = { ...d, services: [...d.services, ...pasted] };
    const inCluster = clusterRenames.size > 0 && [...clusterRenames.values()].includes(cluster);
    const l = inCluster ? clip.layout[s.id] : shift(clip.layout[s.id], offset);
    if (l) layout[id] = l;
    ids.push(id);
  }
  for (const t of clip.scheduledTasks ?? []) {
    let cluster = t.cluster;
    for (const [from, to] of clusterRenames) cluster = replaceClusterName(cluster, from, to);
    let taskDefinition = t.taskDefinition;
    for (const [from, to] of familyRenames) taskDefinition = replaceFamily(taskDefinition, from, to);
    const name = uniqueName(t.name, (d.scheduledTasks ?? []).filter((x) => (x.group ?? "") === (t.group ?? "")).map((x) => x.name));
    const id = newId(d, "sched", name);
    d = { ...d, scheduledTasks: [...(d.scheduledTasks ?? []), { ...t, id, name, cluster, taskDefinition }] };
    const l = shift(clip.layout[t.id], offset); if (l) layout[id] = l;
    ids.push(id);
  }
  for (const { cp, name } of providers) {
    const id = newId(d, "cp", name);
    let next = { ...cp, id, name };
    const mi = next.managedInstancesProvider;
    if (mi?.cluster) {
      let cluster = mi.cluster;
      for (const [from, to] of clusterRenames) cluster = replaceClusterName(cluster, from, to);
      next = { ...next, managedInstancesProvider: { ...mi, cluster } };
    }
    d = { ...d, capacityProviders: [...(d.capacityProviders ?? []), next] };
    const l = shift(clip.layout[cp.id], offset); if (l) layout[id] = l;
    ids.push(id);
  }
  d = { ...d, layout };

  const target = opts.intoTaskDefinitionId ? resolveNode(d, opts.intoTaskDefinitionId) : undefined;
  if (clip.containers.length > 0 && target?.kind === "taskDefinition") {
    let td = target.taskDefinition;
    for (const c of clip.containers) {
      if (td.containerDefinitions.length >= MAX_CONTAINERS_PER_TASK) break;
      const name = uniqueName(c.name, td.containerDefinitions.map((x) => x.name));
      const at = freeChildSlot(containerLayouts({ ...d, taskDefinitions: d.taskDefinitions.map((t) => (t.id === td.id ? td : t)) }, td.id), SIZES.container);
      td = { ...td, containerDefinitions: [...td.containerDefinitions, { ...c, name }] };
      layout[containerNodeId(td.id, name)] = at;
      ids.push(containerNodeId(td.id, name));
    }
    const taskDefinitions = d.taskDefinitions.slice();
    taskDefinitions[target.index] = td;
    d = { ...d, taskDefinitions, layout };
  }
  return { design: d, ids };
}

/** Copy and paste in one step, offset so the copy is visible next to the original. */
export function duplicate(design: Design, nodeIds: readonly string[]): { design: Design; ids: string[] } {
  const clip = copySelection(design, nodeIds);
  const into = nodeIds.map((id) => resolveNode(design, id)).find((r) => r?.kind === "container");
  return paste(design, clip, { intoTaskDefinitionId: into?.kind === "container" ? into.taskDefinition.id : undefined });
}
