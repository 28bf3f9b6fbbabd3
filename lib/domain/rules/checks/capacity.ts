import type { ContainerInstanceDesign, Service } from "../../design";
import { familyOf } from "../../design";
import type { ClusterRule, RuleFinding } from "../types";
import { fixedHostPorts, launchOf, plural, servicesByCluster, taskReservation } from "./service-util";

/** The tasks of one service, all alike: placed as a group, which keeps first-fit-decreasing O(services × instances). */
type Group = {
  service: Service;
  count: number;
  cpu: number;
  memory: number;
  ports: string[];
  distinct: boolean;
  daemon: boolean;
  placed: number;
};

type Slot = { instance: ContainerInstanceDesign; cpu: number; memory: number; ports: Set<string>; distinct: Set<string> };

const slotOf = (instance: ContainerInstanceDesign): Slot => ({
  instance, cpu: instance.cpu, memory: instance.memory, ports: new Set(), distinct: new Set(),
});

/** How many tasks of `g` still fit on `slot` (at most `want`). */
function fits(slot: Slot, g: Group, want: number): number {
  if (g.ports.some((p) => slot.ports.has(p))) return 0;
  if (g.distinct && slot.distinct.has(g.service.id)) return 0;
  let n = want;
  if (g.cpu > 0) n = Math.min(n, Math.floor(slot.cpu / g.cpu));
  if (g.memory > 0) n = Math.min(n, Math.floor(slot.memory / g.memory));
  if (g.ports.length > 0 || g.distinct) n = Math.min(n, 1);
  return Math.max(0, n);
}

function take(slot: Slot, g: Group, n: number) {
  slot.cpu -= n * g.cpu;
  slot.memory -= n * g.memory;
  for (const p of g.ports) slot.ports.add(p);
  if (g.distinct) slot.distinct.add(g.service.id);
}

/** "2 × 1024 MiB = 2048 MiB" or "1 × 1024 MiB + 1 × 2048 MiB = 3072 MiB". */
function sumText(parts: { n: number; each: number; label?: string }[], unit: string): string {
  const total = parts.reduce((s, p) => s + p.n * p.each, 0);
  const terms = parts.map((p) => `${p.n} × ${p.each} ${unit}${p.label ? ` (${p.label})` : ""}`);
  return terms.length === 1 && parts[0].n === 1 ? `${total} ${unit}` : `${terms.join(" + ")} = ${total} ${unit}`;
}

function instanceTerms(instances: readonly ContainerInstanceDesign[], key: "cpu" | "memory") {
  const counts = new Map<number, number>();
  for (const i of instances) counts.set(i[key], (counts.get(i[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([each, n]) => ({ n, each }));
}

export const capacity: ClusterRule = {
  id: "capacity",
  title: "The cluster's EC2 instances can hold the desired tasks",
  severity: "warning",
  scope: "cluster",
  check(cluster, index) {
    const instances = cluster.instances ?? [];
    if (instances.length === 0) return [];
    const groups: Group[] = [];
    for (const service of servicesByCluster(index).get(cluster.clusterName) ?? []) {
      if (launchOf(service, cluster)?.kind !== "EC2") continue;
      const td = index.tdByFamily.get(familyOf(service.taskDefinition))?.[0];
      if (!td) continue;
      const daemon = service.schedulingStrategy === "DAEMON";
      const count = daemon ? instances.length : Math.max(0, service.desiredCount ?? 0);
      if (count === 0) continue;
      const { cpu, memory } = taskReservation(td);
      groups.push({
        service, count, cpu, memory, placed: 0, daemon,
        ports: fixedHostPorts(td),
        distinct: daemon || (service.placementConstraints ?? []).some((c) => c.type === "distinctInstance"),
      });
    }
    if (groups.length === 0) return [];

    // Daemon tasks claim every instance first; then first-fit-decreasing by memory, then cpu.
    groups.sort((a, b) => Number(b.daemon) - Number(a.daemon) || b.memory - a.memory || b.cpu - a.cpu);
    const slots = instances.map(slotOf);
    for (const g of groups) {
      for (const slot of slots) {
        if (g.placed === g.count) break;
        const n = fits(slot, g, g.daemon ? 1 : g.count - g.placed);
        if (n > 0) {
          take(slot, g, n);
          g.placed += n;
        }
      }
    }
    const short = groups.filter((g) => g.placed < g.count);
    if (short.length === 0) return [];

    const holds = (i: ContainerInstanceDesign, g: Group) => i.cpu >= g.cpu && i.memory >= g.memory;
    // The instance to copy in the fix: the biggest one that can hold a task of every short service.
    const candidates = instances.filter((i) => short.every((g) => holds(i, g)));
    const largest = (candidates.length > 0 ? candidates : instances)
      .reduce((a, b) => (b.memory > a.memory || (b.memory === a.memory && b.cpu > a.cpu) ? b : a));
    const reasons: string[] = [];
    const needMemory = groups.reduce((s, g) => s + g.count * g.memory, 0);
    const needCpu = groups.reduce((s, g) => s + g.count * g.cpu, 0);
    const haveMemory = instances.reduce((s, i) => s + i.memory, 0);
    const haveCpu = instances.reduce((s, i) => s + i.cpu, 0);
    const demand = (key: "cpu" | "memory") => groups.filter((g) => g[key] > 0)
      .map((g) => ({ n: g.count, each: g[key], label: groups.length > 1 ? g.service.serviceName : undefined }));
    if (needMemory > haveMemory) {
      reasons.push(`Memory: the EC2 tasks need ${sumText(demand("memory"), "MiB")}; instances offer ${sumText(instanceTerms(instances, "memory"), "MiB")}.`);
    }
    if (needCpu > haveCpu) {
      reasons.push(`CPU: the EC2 tasks need ${sumText(demand("cpu"), "cpu units")}; instances offer ${sumText(instanceTerms(instances, "cpu"), "cpu units")}.`);
    }
    const portUse = new Map<string, number>();
    for (const g of groups) for (const p of new Set(g.ports)) portUse.set(p, (portUse.get(p) ?? 0) + g.count);
    for (const [port, n] of portUse) {
      if (n > instances.length) {
        reasons.push(`Host port ${port}: ${plural(n, "task")} bind it as a fixed host port (bridge/host network mode), and each instance can run only one of them, but the cluster has ${plural(instances.length, "instance")}.`);
      }
    }
    for (const g of short) {
      if (!instances.some((i) => holds(i, g))) {
        reasons.push(`A task of ${g.service.serviceName} reserves ${g.cpu} cpu units and ${g.memory} MiB, more than any instance registers (the largest: ${largest.cpu} cpu units, ${largest.memory} MiB).`);
      } else if (g.distinct && !g.daemon && g.count > instances.length) {
        reasons.push(`${g.service.serviceName} uses distinctInstance, which allows one of its tasks per instance: ${g.count} tasks, ${plural(instances.length, "instance")}.`);
      }
    }
    if (reasons.length === 0) {
      reasons.push(`The totals fit (${needMemory} of ${haveMemory} MiB, ${needCpu} of ${haveCpu} cpu units), but no instance has a large enough free block left for the remaining tasks.`);
    }

    const missing = short.map((g) => ({ g, n: g.count - g.placed }));
    const summary = missing.map(({ g, n }) =>
      `${g.daemon ? `daemon ${g.service.serviceName}` : g.service.serviceName}: ${n} of ${plural(g.count, "task")} (each reserves ${g.cpu} cpu units, ${g.memory} MiB)`).join("; ");
    const added = moreInstances(instances, largest, groups, short);
    const like = `${largest.instanceType ?? largest.id} (${largest.cpu} cpu units, ${largest.memory} MiB)`;
    const finding: RuleFinding = {
      path: ["instances"],
      message: `ECS cannot place every EC2 task on the designed instances; the rest would stay PENDING ("unable to place a task because no container instance met all of its requirements"). Unplaced — ${summary}. ${reasons.join(" ")}`,
      fix: added
        ? {
          description: `Register ${plural(added.length, "more instance")} like ${like}, or lower the desired counts or task sizes.`,
          edits: [{ path: ["instances"], value: [...instances, ...added] }],
        }
        : { description: "Use larger instances (or smaller tasks), or lower the desired counts; more instances of the current size cannot hold these tasks." },
    };
    return [finding];
  },
};

const MAX_SUGGESTED_INSTANCES = 100;

/** Instances like `largest` to add so that the unplaced tasks fit; undefined when that cannot work. */
function moreInstances(
  instances: readonly ContainerInstanceDesign[], largest: ContainerInstanceDesign, groups: Group[], short: Group[],
): ContainerInstanceDesign[] | undefined {
  const ids = new Set(instances.map((i) => i.id));
  const added: ContainerInstanceDesign[] = [];
  const slots: Slot[] = [];
  for (const g of short) {
    if (g.daemon) return undefined; // each new instance brings its own daemon task, so more instances never help
    let placed = g.placed;
    while (placed < g.count) {
      let slot = slots.find((s) => fits(s, g, 1) > 0);
      if (!slot) {
        if (added.length >= MAX_SUGGESTED_INSTANCES) return undefined;
        let n = added.length + 1;
        while (ids.has(`${largest.id}-copy-${n}`)) n++;
        const copy: ContainerInstanceDesign = { ...largest, id: `${largest.id}-copy-${n}` };
        ids.add(copy.id);
        added.push(copy);
        slot = slotOf(copy);
        for (const d of groups) if (d.daemon) take(slot, d, 1);
        slots.push(slot);
        if (fits(slot, g, 1) === 0) return undefined;
      }
      const n = fits(slot, g, g.count - placed);
      take(slot, g, n);
      placed += n;
    }
  }
  return added;
}
