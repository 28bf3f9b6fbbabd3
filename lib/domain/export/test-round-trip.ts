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
export function comparable(design: Design): unknown {
  const d = structuredClone(design) as unknown as Json;
  for (const [k, name] of Object.entries(NAMES)) if (Array.isArray(d[k])) (d[k] as unknown[]).sort(by(name));
  for (const svc of (d.services ?? []) as Json[]) {
    const as = svc.autoScaling as Json | undefined;
    (as?.policies as Json[] | undefined)?.sort(by("policyName"));
    (as?.scheduledActions as Json[] | undefined)?.sort(by("scheduledActionName"));
  }
  for (const lb of (d.loadBalancers ?? []) as Json[]) {
    (lb.listeners as Json[] | undefined)?.sort(by("port"));
    for (const l of (lb.listeners ?? []) as Json[]) (l.rules as Json[] | undefined)?.sort(by("priority"));
  }
  return comparableOf(d as unknown as Design);
}

function comparableOf(d: Design): unknown {
  const strip = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => strip(x, depth + 1)).filter((x) => x !== undefined);
      return items.length ? items : undefined;
    }
    if (typeof v !== "object" || v === null) return v;
    const out = Object.fromEntries(Object.entries(v).filter(([k]) => !(k === "id" && depth <= 2) && k !== "layout")
      .map(([k, x]) => [k, strip(x, depth + 1)]).filter(([, x]) => x !== undefined));
    return Object.keys(out).length ? out : undefined;
  };
  const taskDefinitions = d.taskDefinitions.map((td) => ({ ...normaliseTaskDefinition(td as unknown as Json), ...(td.tags ? { tags: td.tags } : {}) }));
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
  for (const u of unexpressed) {
    const named = (kind: keyof Design, key: string, name: string) => ((d[kind] ?? []) as Json[]).find((x) => x[key] === name);
    let m: RegExpExecArray | null;
    if ((m = /^cluster "(.+)"$/.exec(u.resource))) drop(named("clusters", "clusterName", m[1]), u.path);
    else if ((m = /^task definition "(.+)"$/.exec(u.resource))) drop(named("taskDefinitions", "family", m[1]), u.path);
    else if ((m = /^service "(.+)"$/.exec(u.resource))) {
      // The CloudFormation export lists a service's auto scaling under the service, by the scaling's own paths.
      const svc = named("services", "serviceName", m[1]);
      drop(/^(minCapacity|maxCapacity|policies|scheduledActions)\b/.test(u.path) ? svc?.autoScaling : svc, u.path);
    }
    else if ((m = /^target group "(.+)"$/.exec(u.resource))) drop(named("targetGroups", "name", m[1]), u.path);
    else if ((m = /^load balancer "(.+)"$/.exec(u.resource))) drop(named("loadBalancers", "name", m[1]), u.path);
    else if ((m = /^capacity provider "(.+)"$/.exec(u.resource))) drop(named("capacityProviders", "name", m[1]), u.path);
    else if ((m = /^auto scaling of service "(.+?)"(?:, (policy|scheduled action) "(.+)")?$/.exec(u.resource))) {
      const as = (named("services", "serviceName", m[1]) as Design["services"][number] | undefined)?.autoScaling as Json | undefined;
      const item = m[2] === "policy" ? ((as?.policies ?? []) as Json[]).find((p) => p.policyName === m![3])
        : m[2] ? ((as?.scheduledActions ?? []) as Json[]).find((p) => p.scheduledActionName === m![3]) : as;
      drop(item, u.path);
    } else if ((m = /^listener (.+):(\d+)$/.exec(u.resource))) {
      const lb = named("loadBalancers", "name", m[1]) as Design["loadBalancers"] extends (infer T)[] | undefined ? T : never;
      drop(lb?.listeners?.find((l) => l.port === Number(m![2])), u.path);
    } else if ((m = /^listener rule (.+):(\d+) #(\d+)$/.exec(u.resource))) {
      const lb = named("loadBalancers", "name", m[1]) as { listeners?: { port: number; rules?: { priority: number }[] }[] } | undefined;
      drop(lb?.listeners?.find((l) => l.port === Number(m![2]))?.rules?.find((r) => r.priority === Number(m![3])), u.path);
    } else throw new Error(`unknown resource in a not-expressed note: ${u.resource}`);
  }
  return d;
}
