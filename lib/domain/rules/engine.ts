import type { Cluster, Design, Service, TaskDefinition } from "../design";
import { clusterNameOf, familyOf } from "../design";
import type {
  DesignIndex, Finding, PathSegment, ResourceKind, Rule, RuleFinding, ServiceRule, TaskDefinitionRule, ClusterRule, DesignRule,
} from "./types";
import { severityRank } from "./group-findings";

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(design: Design): DesignIndex {
  const tdByFamily = new Map<string, TaskDefinition[]>();
  const clusterByName = new Map<string, Cluster[]>();
  const servicesByFamily = new Map<string, Service[]>();
  for (const td of design.taskDefinitions) push(tdByFamily, td.family, td);
  for (const c of design.clusters) push(clusterByName, c.clusterName, c);
  for (const s of design.services) push(servicesByFamily, familyOf(s.taskDefinition), s);
  return { design, tdByFamily, clusterByName, servicesByFamily };
}

/** A finding before its resource's position in the design is known. */
type Local = Omit<Finding, "path"> & { rel: PathSegment[] };

function localize(rule: Rule, raw: RuleFinding[], kind: ResourceKind, id: string, name: string): Local[] {
  return raw.map((f) => ({
    ruleId: rule.id,
    severity: f.severity ?? rule.severity,
    resource: f.container === undefined ? { kind, id, name } : { kind, id, name, container: f.container },
    message: f.message,
    rel: f.path,
    ...(f.fix ? { fix: f.fix } : {}),
  }));
}

function absolutize(local: Local, prefix: PathSegment[]): Finding {
  const { rel, ...rest } = local;
  const fix = rest.fix?.edits
    ? { ...rest.fix, edits: rest.fix.edits.map((e) => ({ ...e, path: [...prefix, ...e.path] })) }
    : rest.fix;
  return { ...rest, path: [...prefix, ...rel], ...(fix ? { fix } : {}) };
}

/**
 * A validator keeps per-resource results keyed on the resource objects. Designs are updated
 * immutably, so after a one-field edit only the edited resource (and services that use it)
 * are checked again; that is what keeps revalidation on a canvas keystroke in the
 * low-millisecond range.
 */
export function createValidator(rules: readonly Rule[]) {
  const tdRules = rules.filter((r): r is TaskDefinitionRule => r.scope === "taskDefinition");
  const serviceRules = rules.filter((r): r is ServiceRule => r.scope === "service");
  const clusterRules = rules.filter((r): r is ClusterRule => r.scope === "cluster");
  const designRules = rules.filter((r): r is DesignRule => r.scope === "design");

  let tdCache = new WeakMap<TaskDefinition, Local[]>();
  // Service rules also read the design's capacity providers (what kind of capacity a strategy names).
  let serviceCache = new WeakMap<Service, { td?: TaskDefinition; cluster?: Cluster; providers: unknown; result: Local[] }>();

  function checkTd(td: TaskDefinition): Local[] {
    let hit = tdCache.get(td);
    if (!hit) {
      hit = tdRules.flatMap((r) => localize(r, safeCheck(r, () => r.check(td)), "taskDefinition", td.id, td.family));
      tdCache.set(td, hit);
    }
    return hit;
  }

  function checkService(svc: Service, index: DesignIndex): Local[] {
    const td = index.tdByFamily.get(familyOf(svc.taskDefinition))?.[0];
    const cluster = index.clusterByName.get(clusterNameOf(svc.cluster))?.[0];
    const hit = serviceCache.get(svc);
    const providers = index.design.capacityProviders;
    if (hit && hit.td === td && hit.cluster === cluster && hit.providers === providers) return hit.result;
    const ctx = { index, taskDefinition: td, cluster };
    const result = serviceRules.flatMap((r) =>
      localize(r, safeCheck(r, () => r.check(svc, ctx)), "service", svc.id, svc.serviceName));
    serviceCache.set(svc, { td, cluster, providers, result });
    return result;
  }

  function validate(design: Design): Finding[] {
    const index = buildIndex(design);
    const out: Finding[] = [];
    design.taskDefinitions.forEach((td, i) => {
      for (const f of checkTd(td)) out.push(absolutize(f, ["taskDefinitions", i]));
    });
    design.services.forEach((svc, i) => {
      for (const f of checkService(svc, index)) out.push(absolutize(f, ["services", i]));
    });
    design.clusters.forEach((c, i) => {
      for (const r of clusterRules) {
        for (const f of localize(r, safeCheck(r, () => r.check(c, index)), "cluster", c.id, c.clusterName)) {
          out.push(absolutize(f, ["clusters", i]));
        }
      }
    });
    for (const r of designRules) out.push(...safeCheck(r, () => r.check(index)));
    return sortFindings(out);
  }

  function reset() {
    tdCache = new WeakMap();
    serviceCache = new WeakMap();
  }

  return { validate, reset };
}

/** A rule that throws is a bug in the rule, never a reason to lose every other finding. */
function safeCheck<T>(rule: Rule, run: () => T[]): T[] {
  try {
    return run();
  } catch (err) {
    const message = `Internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`;
    if (rule.scope === "design") {
      return [{
        ruleId: rule.id, severity: "warning", resource: { kind: "cluster", id: "", name: "" }, path: [], message,
      } as T];
    }
    return [{ severity: "warning", path: [], message } as T];
  }
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}
