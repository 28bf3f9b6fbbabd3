import type { Design } from "../design";
import { normaliseTaskDefinition } from "../plan";
import type { Unexpressed } from "./place";

// What a round trip (design → an export → design) is compared by: the design without what no
// export carries (ids, layout, empty values), task definitions as ECS reads them (the plan
// compares them so too), and without the fields the export itself listed as not expressed.

type Json = Record<string, unknown>;

const NAMES: Record<string, string> = { clusters: "clusterName", taskDefinitions: "family", services: "serviceName", targetGroups: "name", loadBalancers: "name", capacityProviders: "name" };
const by = (key: string) => (a: unknown, b: unknown) => String((a as Json)[key]).localeCompare(String((b as Json)[key]), "en", { numeric: true });

/** A design without ids, layout and empty values, its task definitions normalised, resources (and scaling policies, scheduled actions) in name order (hcl2json gives a file's blocks by label). */
export function comparable(design: Design, opts: { normaliseRaw?: boolean } = {}): unknown {
  const d = structuredClone(design) as unknown as Json;
  for (const [k, name] of Object.entries(NAMES)) if (Array.isArray(d[k])) (d[k] as unknown[]).sort(by(name));
  // Tags are a map in Terraform (hcl2json gives its keys sorted): compared by key.
  const tagged = [...((d.clusters ?? []) as Json[]), ...((d.taskDefinitions ?? []) as Json[]), ...((d.services ?? []) as Json[]), ...((d.loadBalancers ?? []) as Json[]), ...((d.targetGroups ?? []) as Json[]), ...((d.capacityProviders ?? []) as Json[])];
  for (const r of tagged) (r.tags as Json[] | undefined)?.sort(by("key"));
  // A Managed Instances provider is in the cluster it was created in whether or not the cluster
  // lists it, and no other cluster may list it (the exports leave it out of every association,
  // which refuses it): compared unlisted.
  const managed = new Set(((d.capacityProviders ?? []) as Json[]).filter((cp) => cp.managedInstancesProvider !== undefined).map((cp) => cp.name));
  for (const c of (d.clusters ?? []) as Json[]) if (Array.isArray(c.capacityProviders)) c.capacityProviders = c.capacityProviders.filter((n) => !managed.has(n));
  for (const svc of (d.services ?? []) as Json[]) {
    const as = svc.autoScaling as Json | undefined;
    (as?.policies as Json[] | undefined)?.sort(by("policyName"));
    (as?.scheduledActions as Json[] | undefined)?.sort(by("scheduledActionName"));
    for (const vc of (svc.volumeConfigurations ?? []) as Json[]) {
      for (const ts of ((vc.managedEBSVolume as Json | undefined)?.tagSpecifications ?? []) as Json[]) (ts.tags as Json[] | undefined)?.sort(by("key"));
    }
  }
  // Scheduled tasks by group and name; Scheduler's default window (OFF, no maximum) is what an unset one is.
  for (const t of (d.scheduledTasks ?? []) as Json[]) {
    const w = t.flexibleTimeWindow as Json | undefined;
    if (w?.mode === "OFF" && w.maximumWindowInMinutes === undefined) delete t.flexibleTimeWindow;
  }
  const key = (t: Json) => `${String(t.group ?? "")}/${String(t.name)}/${JSON.stringify({ ...t, id: undefined })}`;
  (d.scheduledTasks as Json[] | undefined)?.sort((a, b) => key(a).localeCompare(key(b)));
  for (const lb of (d.loadBalancers ?? []) as Json[]) {
    (lb.listeners as Json[] | undefined)?.sort(by("port"));
    for (const l of (lb.listeners ?? []) as Json[]) (l.rules as Json[] | undefined)?.sort(by("priority"));
  }
  return comparableOf(d as unknown as Design, opts.normaliseRaw ?? false);
}

function comparableOf(d: Design, normaliseRaw: boolean): unknown {
  const strip = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => strip(x, depth + 1)).filter((x) => x !== undefined);
      return items.length ? items : undefined;
    }
    if (v === null) return undefined; // null is "not set" in a design
    if (typeof v !== "object") return v;
    const out = Object.fromEntries(Object.entries(v).filter(([k]) => !(k === "id" && depth <= 2) && k !== "layout")
      .map(([k, x]) => [k, strip(x, depth + 1)]).filter(([, x]) => x !== undefined));
    return Object.keys(out).length ? out : undefined;
  };
  // Empty values (a port mapping that sets nothing) are no field of a task definition: the CloudFormation export
  // leaves them out before ECS's defaults would fill them; the Terraform export normalises the design's own (normaliseRaw).
  const taskDefinitions = d.taskDefinitions.map((td) => ({ ...normaliseTaskDefinition((normaliseRaw ? td : strip(td, 3) ?? {}) as Json), ...(td.tags ? { tags: td.tags } : {}) }));
  return strip({ ...d, taskDefinitions }, 0);
}

function drop(target: unknown, path: string) {
  const segs = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let node = target as Json;
  for (const s of segs.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)?.[s] as Json;
    if (node === undefined) return;
  }
  if (node && typeof node === "object") delete (node as Record<string | number, unknown>)[segs[segs.length - 1]];
}

/** The design as an export brings it back: without existing target groups and load balancers, and without what it listed as not expressed. */
export function normalised(design: Design, unexpressed: Unexpressed[]): Design {
  const d: Design = structuredClone(design);
  d.targetGroups = d.targetGroups?.filter((t) => t.targetGroupArn === undefined);
  d.loadBalancers = d.loadBalancers?.filter((l) => l.loadBalancerArn === undefined);
  // An existing target group or load balancer is left out whole (above): its notes name no field of another.
  for (const u of unexpressed.filter((x) => !x.why.startsWith("an existing "))) {
    // Names may repeat (in different clusters, or in random designs): a note applies to each resource of its name.
    const named = (kind: keyof Design, key: string, name: string) => ((d[kind] ?? []) as Json[]).filter((x) => x[key] === name);
    const dropAll = (items: unknown[]) => items.forEach((x) => drop(x, u.path));
    const listeners = (lb: string, port: string) => named("loadBalancers", "name", lb).flatMap((l) => ((l.listeners ?? []) as Json[]).filter((x) => x.port === Number(port)));
    let m: RegExpExecArray | null;
    if ((m = /^cluster "(.+)"$/s.exec(u.resource))) dropAll(named("clusters", "clusterName", m[1]));
    else if ((m = /^task definition "(.+)"$/s.exec(u.resource))) dropAll(named("taskDefinitions", "family", m[1]));
    else if ((m = /^service "(.+)"$/s.exec(u.resource))) {
      // The CloudFormation export lists a service's auto scaling under the service, by the scaling's own paths.
      const scaling = /^(minCapacity|maxCapacity|policies|scheduledActions)\b/.test(u.path);
      dropAll(named("services", "serviceName", m[1]).map((svc) => (scaling ? svc.autoScaling : svc)));
    } else if ((m = /^target group "(.+)"$/s.exec(u.resource))) dropAll(named("targetGroups", "name", m[1]));
    else if ((m = /^load balancer "(.+)"$/s.exec(u.resource))) dropAll(named("loadBalancers", "name", m[1]));
    else if ((m = /^capacity provider "(.+)"$/s.exec(u.resource))) dropAll(named("capacityProviders", "name", m[1]));
    else if ((m = /^scheduled task "(.+)"$/s.exec(u.resource))) dropAll(named("scheduledTasks", "name", m[1]));
    else if ((m = /^auto scaling of service "(.+?)"(?:, (policy|scheduled action) "(.+)")?$/s.exec(u.resource))) {
      const [, svcName, kind, name] = m;
      dropAll(named("services", "serviceName", svcName).flatMap((svc) => {
        const as = svc.autoScaling as Json | undefined;
        if (!kind) return [as];
        return kind === "policy" ? ((as?.policies ?? []) as Json[]).filter((p) => p.policyName === name) : ((as?.scheduledActions ?? []) as Json[]).filter((p) => p.scheduledActionName === name);
      }));
    } else if ((m = /^listener (.+):(\d+)$/s.exec(u.resource))) dropAll(listeners(m[1], m[2]));
    else if ((m = /^listener rule (.+):(\d+) #(\d+)$/s.exec(u.resource))) {
      const priority = Number(m[3]);
      dropAll(listeners(m[1], m[2]).flatMap((l) => ((l.rules ?? []) as Json[]).filter((r) => r.priority === priority)));
    } else throw new Error(`unknown resource in a not-expressed note: ${u.resource}`);
  }
  return d;
}
