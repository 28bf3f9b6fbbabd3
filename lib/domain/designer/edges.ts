import type { Design } from "../design";
import { clusterNameOf, familyOf } from "../design";
import { linkName } from "./references";
import { containerNodeId } from "./resolve";
import { forwardShares, listenerActions, listenerHandle, removeForward, ruleConditionText } from "./load-balancers";
import { scheduleTargets, setScheduledTaskRef } from "./scheduled-tasks";
import { serviceConnectLinks } from "./service-connect";
import { targetGroupRef } from "./target-groups";
import { clusterHasProvider, serviceWithoutProvider, unassociate } from "./capacity-providers";

/**
 * loadBalancer: target group → service; forward: load balancer listener → target group; serviceConnect: client → server;
 * capacity: cluster → the provider it associates; strategy: service → a provider its strategy names;
 * schedule: scheduled task → the task definition it runs and the cluster it runs in.
 */
export type EdgeKind = "capacity" | "strategy" | "uses" | "loadBalancer" | "forward" | "serviceConnect" | "dependsOn" | "link" | "schedule";

/** A plain edge (structurally a React Flow edge, without importing it: lib/domain stays framework-free). */
export type FlowEdge = {
  id: string;
  source: string;
  target: string;
  /** The source node's handle (a load balancer's listener row). */
  sourceHandle?: string;
  type?: string;
  label?: string;
  data: { kind: EdgeKind };
};

// Edge ids encode what they stand for, so deleting an edge on the canvas maps back to one edit.
// "|" never occurs in ECS names or designer ids.

export function buildEdges(design: Design): FlowEdge[] {
  const out: FlowEdge[] = [];
  // Looked up once per design, not once per service (a big design has hundreds of each).
  const tdByFamily = firstBy(design.taskDefinitions, (t) => t.family);
  const tgByRef = firstBy(design.targetGroups ?? [], targetGroupRef);
  for (const s of design.services) {
    const td = tdByFamily.get(familyOf(s.taskDefinition));
    if (td) out.push({ id: `uses|${s.id}`, source: s.id, target: td.id, label: "runs", data: { kind: "uses" } });
    (s.loadBalancers ?? []).forEach((lb, i) => {
      const tg = lb.targetGroupArn ? tgByRef.get(lb.targetGroupArn) : undefined;
      if (tg) {
        out.push({
          id: `lb|${s.id}|${i}`, source: tg.id, target: s.id, data: { kind: "loadBalancer" },
          label: lb.containerName ? `${lb.containerName}:${lb.containerPort ?? "?"}` : undefined,
        });
      }
    });
  }
  for (const lb of design.loadBalancers ?? []) {
    (lb.listeners ?? []).forEach((l, j) => {
      for (const { rule, action } of listenerActions(l)) {
        if (action.type !== "forward") continue;
        const shares = forwardShares(action);
        const what = rule === undefined ? `${l.protocol}:${l.port}` : ruleConditionText(l.rules![rule]);
        (action.targetGroups ?? []).forEach((g, k) => {
          const tg = tgByRef.get(g.targetGroupArn);
          if (!tg) return;
          out.push({
            id: `fwd|${lb.id}|${j}|${rule ?? "d"}|${k}`, source: lb.id, sourceHandle: listenerHandle(j), target: tg.id,
            label: shares ? `${what} · ${shares[k]}%` : what, data: { kind: "forward" },
          });
        });
      }
    });
  }
  for (const t of design.scheduledTasks ?? []) {
    const { taskDefinition, cluster } = scheduleTargets(design, t);
    if (taskDefinition) out.push({ id: `sched-td|${t.id}`, source: t.id, target: taskDefinition.id, label: "runs", data: { kind: "schedule" } });
    if (cluster) out.push({ id: `sched-cl|${t.id}`, source: t.id, target: cluster.id, label: "in", data: { kind: "schedule" } });
  }
  const providers = design.capacityProviders ?? [];
  if (providers.length) {
    const byName = firstBy(providers, (p) => p.name);
    for (const c of design.clusters) {
      for (const cp of providers) {
        if (clusterHasProvider(c, cp)) out.push({ id: `cpa|${c.id}|${cp.name}`, source: c.id, target: cp.id, label: "capacity", data: { kind: "capacity" } });
      }
    }
    for (const s of design.services) {
      for (const item of s.capacityProviderStrategy ?? []) {
        const cp = byName.get(item.capacityProvider);
        if (!cp) continue;
        out.push({
          id: `cps|${s.id}|${cp.name}`, source: s.id, target: cp.id, data: { kind: "strategy" },
          label: `weight ${item.weight ?? 0}${item.base ? ` · base ${item.base}` : ""}`,
        });
      }
    }
  }
  for (const link of serviceConnectLinks(design)) {
    out.push({
      id: `sc|${link.client}|${link.server}|${link.entry}|${link.alias}`, source: link.client, target: link.server,
      label: link.endpoint, data: { kind: "serviceConnect" },
    });
  }
  for (const td of design.taskDefinitions) {
    const names = new Set(td.containerDefinitions.map((c) => c.name));
    for (const c of td.containerDefinitions) {
      for (const d of c.dependsOn ?? []) {
        if (!names.has(d.containerName)) continue;
        out.push({
          id: `dep|${td.id}|${c.name}|${d.containerName}`, source: containerNodeId(td.id, c.name),
          target: containerNodeId(td.id, d.containerName), label: d.condition, data: { kind: "dependsOn" },
        });
      }
      for (const l of c.links ?? []) {
        const to = linkName(l);
        if (!names.has(to)) continue;
        out.push({
          id: `link|${td.id}|${c.name}|${to}`, source: containerNodeId(td.id, c.name),
          target: containerNodeId(td.id, to), label: "link", data: { kind: "link" },
        });
      }
    }
  }
  return out;
}

/** Removes what an edge stands for. Unknown ids leave the design as it is. */
export function disconnect(design: Design, edgeId: string): Design {
  const [kind, a, b, c] = edgeId.split("|");
  if (kind === "uses") {
    return mapService(design, a, (s) => ({ ...s, taskDefinition: "" }));
  }
  if (kind === "sched-td") return setScheduledTaskRef(design, a, "taskDefinition", "");
  if (kind === "sched-cl") return setScheduledTaskRef(design, a, "cluster", "");
  if (kind === "lb") {
    const i = Number(b);
    return mapService(design, a, (s) => {
      const list = (s.loadBalancers ?? []).filter((_, j) => j !== i);
      const next = { ...s, loadBalancers: list };
      if (list.length === 0) delete (next as { loadBalancers?: unknown }).loadBalancers;
      return next;
    });
  }
  if (kind === "cpa") {
    // The cluster stops naming the provider; a Managed Instances provider created in it no longer names it either.
    return unassociate(mapCluster(design, a, (c) => {
      const list = (c.capacityProviders ?? []).filter((p) => p !== b);
      const next = { ...c, capacityProviders: list };
      if (list.length === 0) delete (next as { capacityProviders?: unknown }).capacityProviders;
      return next;
    }), design.clusters.find((c) => c.id === a)?.clusterName, b);
  }
  if (kind === "cps") {
    return mapService(design, a, (s) => serviceWithoutProvider(s, b));
  }
  if (kind === "fwd") {
    const k = Number(edgeId.split("|")[4]);
    return removeForward(design, a, Number(b), c === "d" ? undefined : Number(c), k);
  }
  if (kind === "dep" || kind === "link") {
    const tdIndex = design.taskDefinitions.findIndex((t) => t.id === a);
    if (tdIndex < 0) return design;
    const td = design.taskDefinitions[tdIndex];
    const containers = td.containerDefinitions.map((x) => {
      if (x.name !== b) return x;
      const next = { ...x };
      if (kind === "dep") next.dependsOn = (x.dependsOn ?? []).filter((d) => d.containerName !== c);
      else next.links = (x.links ?? []).filter((l) => linkName(l) !== c);
      if (next.dependsOn?.length === 0) delete next.dependsOn;
      if (next.links?.length === 0) delete next.links;
      return next;
    });
    const taskDefinitions = design.taskDefinitions.slice();
    taskDefinitions[tdIndex] = { ...td, containerDefinitions: containers };
    return { ...design, taskDefinitions };
  }
  return design;
}

function mapCluster(design: Design, id: string, f: (c: Design["clusters"][number]) => Design["clusters"][number]): Design {
  const clusters = mapById(design.clusters, id, f);
  return clusters === design.clusters ? design : { ...design, clusters };
}

function mapService(design: Design, id: string, f: (s: Design["services"][number]) => Design["services"][number]): Design {
  const services = mapById(design.services, id, f);
  return services === design.services ? design : { ...design, services };
}

/** The list with the item of that id replaced by f's result; the same list when no item has the id. */
function mapById<T extends { id: string }>(list: T[], id: string, f: (x: T) => T): T[] {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return list;
  const next = list.slice();
  next[i] = f(next[i]);
  return next;
}

/** Services whose cluster reference names a cluster of the design (they are drawn inside it). */
export function clusterOfService(design: Design, s: Design["services"][number]) {
  return s.cluster ? design.clusters.find((c) => c.clusterName === clusterNameOf(s.cluster)) : undefined;
}

/** clusterOfService for every service of a design at once: one pass over the clusters, not one per service. */
export function clusterOfServiceIn(design: Design): (s: Design["services"][number]) => Design["clusters"][number] | undefined {
  const byName = firstBy(design.clusters, (c) => c.clusterName);
  return (s) => (s.cluster ? byName.get(clusterNameOf(s.cluster)) : undefined);
}

/** The first item per key, as `find` would return it. */
function firstBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  for (const t of items) {
    const k = key(t);
    if (!out.has(k)) out.set(k, t);
  }
  return out;
}
