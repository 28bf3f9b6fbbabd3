import { listenerRuleRef, type Design } from "../design";
import { DESIGN_TAG } from "../plan";
import { putField as put } from "./fields";
import { ownScheduleGroup, withoutDefaultWindow } from "./import-terraform";
import { MAPPING, isNot } from "./mapping";

// A CloudFormation template (as parsed JSON) back to a design, by the same mapping the export
// uses, read the other way: each documented property goes back to its design field. Refs to
// the template's own resources become the design's references (cluster name, family,
// targetgroup/<name>, listener-rule/…), Refs to Parameters their Default; what the design
// cannot hold (other resource types, intrinsics, parameters without defaults) becomes a note.

export type TemplateImportNote = { path: string; message: string };
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const ROOTS: Record<string, string> = {
  "AWS::ECS::Cluster": "cluster", "AWS::ECS::ClusterCapacityProviderAssociations": "cluster", "AWS::ECS::TaskDefinition": "taskDefinition",
  "AWS::ECS::Service": "service", "AWS::ElasticLoadBalancingV2::TargetGroup": "targetGroup", "AWS::ElasticLoadBalancingV2::LoadBalancer": "loadBalancer",
  "AWS::ElasticLoadBalancingV2::Listener": "loadBalancer.listeners[]", "AWS::ElasticLoadBalancingV2::ListenerRule": "loadBalancer.listeners[].rules[]",
  "AWS::ECS::CapacityProvider": "capacityProvider", "AWS::ApplicationAutoScaling::ScalableTarget": "service.autoScaling",
  "AWS::ApplicationAutoScaling::ScalingPolicy": "service.autoScaling.policies[]", "AWS::CloudWatch::Alarm": "service.autoScaling.policies[].alarm",
  "AWS::Scheduler::Schedule": "scheduledTask", "AWS::Scheduler::ScheduleGroup": "scheduleGroup",
};
/** Design fields read by hand below (their values change shape between the two). */
const BY_HAND = new Set(["targetGroup.deregistrationDelaySeconds", "scheduledTask.overrides", "loadBalancer.listeners[].rules[].conditions[].field", "loadBalancer.listeners[].rules[].conditions[].values", "taskDefinition.proxyConfiguration"]);

const PREFIXES = new Set(Object.keys(MAPPING).flatMap((k) => [...k.matchAll(/\./g)].map((m) => k.slice(0, m.index))));

/** Mapping leaves below `root` whose CloudFormation target is in resource type `type`. */
function leavesOf(root: string, type: string): { design: string[]; cfn: string[] }[] {
  return Object.entries(MAPPING).flatMap(([path, e]) => {
    if (!path.startsWith(`${root}.`) || PREFIXES.has(path) || PREFIXES.has(`${path}[]`) || isNot(e.cloudformation) || !e.cloudformation.startsWith(`${type}.`)) return [];
    if ([...BY_HAND].some((h) => path === h || path.startsWith(`${h}.`))) return [];
    const rel = path.slice(root.length + 1);
    if (rel.startsWith("listeners[]") && root === "loadBalancer") return [];
    if (rel.startsWith("rules[]") && root === "loadBalancer.listeners[]") return [];
    return [{ design: rel.split("."), cfn: e.cloudformation.slice(type.length + 1).split(".") }];
  });
}

function extract(v: unknown, segs: string[], indices: number[] = []): { indices: number[]; value: unknown }[] {
  if (segs.length === 0) return v === undefined ? [] : [{ indices, value: v }];
  const [seg, ...rest] = segs;
  if (seg.endsWith("[0]")) {
    const x = isObj(v) ? v[seg.slice(0, -3)] : undefined;
    return Array.isArray(x) ? extract(x[0], rest, indices) : [];
  }
  const list = seg.endsWith("[]");
  const x = isObj(v) ? v[list ? seg.slice(0, -2) : seg] : undefined;
  if (!list) return extract(x, rest, indices);
  if (!Array.isArray(x)) return [];
  return x.flatMap((item, i) => extract(item, rest, [...indices, i]));
}


/** Properties read by hand below, or that place a resource (its cluster, load balancer, listener). */
const HAND_READ: Record<string, string[]> = {
  "AWS::ECS::ClusterCapacityProviderAssociations": ["Cluster"], "AWS::ElasticLoadBalancingV2::Listener": ["LoadBalancerArn"],
  "AWS::ElasticLoadBalancingV2::ListenerRule": ["ListenerArn", "Conditions"], "AWS::ElasticLoadBalancingV2::TargetGroup": ["TargetGroupAttributes"],
  "AWS::ECS::TaskDefinition": ["ProxyConfiguration", "ContainerDefinitions"],
  "AWS::ApplicationAutoScaling::ScalableTarget": ["ServiceNamespace", "ScalableDimension", "ResourceId"],
  "AWS::ApplicationAutoScaling::ScalingPolicy": ["ScalingTargetId"], "AWS::CloudWatch::Alarm": ["AlarmName", "AlarmActions", "Dimensions"],
  "AWS::Scheduler::Schedule": ["Target.Input"], "AWS::Scheduler::ScheduleGroup": ["Name", "Tags"],
};
/** Properties resolved by hand (a scalable target's ResourceId joins Refs the resolver would note). */
const RAW: Record<string, string[]> = { "AWS::ApplicationAutoScaling::ScalableTarget": ["ResourceId"] };
/** Every property path of a resource's Properties (list items and intrinsics not walked into). */
function propertyPaths(v: Json, prefix = ""): string[] {
  return Object.entries(v).flatMap(([k, x]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    if (isObj(x) && !Object.keys(x).some((y) => y === "Ref" || y.startsWith("Fn::"))) return propertyPaths(x, p);
    if (Array.isArray(x) && x.length && x.every((y) => isObj(y) && !Object.keys(y).some((z) => z === "Ref" || z.startsWith("Fn::")))) return x.flatMap((y) => propertyPaths(y as Json, p));
    return [p];
  });
}

const camel = (k: string) => (k === "IAM" ? "iam" : k[0].toLowerCase() + k.slice(1));
function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)]));
}
const LOOSE_CAMEL = ["containerDefinitions[].restartPolicy", "inferenceAccelerators", "volumes[].fsxWindowsFileServerVolumeConfiguration"];

/** A CloudFormation template (JSON, or YAML parsed to JSON with its intrinsics as Ref/Fn:: objects) as a design. */
export function importCloudFormation(template: unknown): { design: Design; notes: TemplateImportNote[] } {
  const notes: TemplateImportNote[] = [];
  const t = isObj(template) ? template : {};
  const resources = (isObj(t.Resources) ? t.Resources : {}) as Record<string, Json>;
  const parameters = (isObj(t.Parameters) ? t.Parameters : {}) as Record<string, Json>;
  const byId = new Map<string, { root: string; out: Json; props: Json }>();
  const mappings = (isObj(t.Mappings) ? t.Mappings : {}) as Record<string, Json>;
  const unresolved = (at: string, why: string) => { notes.push({ path: at, message: `${why}: the design leaves the field unset` }); return undefined; };
  const parameterValue = (name: string, at: string): unknown => {
    const p = parameters[name];
    if (p.Default === undefined) return unresolved(at, `parameter ${name} has no Default`);
    const def = p.Default;
    // A list parameter's Default is its items joined by commas ("" for none).
    return typeof def === "string" && String(p.Type).startsWith("List<") ? (def === "" ? [] : def.split(",")) : def;
  };
  /** Ref and GetAtt of a resource the design holds become its reference; of anything else, a note. */
  const resourceRef = (name: string, at: string, how: string): unknown => {
    const r = resources[name];
    if (!r) return unresolved(at, name.startsWith("AWS::") ? `${how} the pseudo parameter ${name} is known only to CloudFormation` : `${how} ${name}, which is not in the template`);
    if (!ROOTS[String(r.Type)]) return unresolved(at, `${how} ${name} (${String(r.Type)}), which is not a resource a design holds`);
    return { ref: name };
  };
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
  const resolve = (v: unknown, at: string): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => resolve(x, `${at}[${i}]`));
    if (!isObj(v)) return v;
    const keys = Object.keys(v);
    const [fn] = keys;
    if (keys.length !== 1 || (fn !== "Ref" && fn !== "Condition" && !fn.startsWith("Fn::"))) {
      return Object.fromEntries(keys.map((k) => [k, resolve(v[k], `${at}.${k}`)]).filter(([, x]) => x !== undefined));
    }
    const arg = v[fn];
    switch (fn) {
      case "Ref":
        if (typeof arg !== "string") return unresolved(at, "Ref takes a name");
        return parameters[arg] ? parameterValue(arg, at) : resourceRef(arg, at, "Ref to");
      case "Fn::GetAtt": {
        const [name, attr] = Array.isArray(arg) ? arg : [];
        return typeof name === "string" && ["Arn", "Name", "ClusterName", "TaskDefinitionArn", "TargetGroupArn", "ListenerArn", "RuleArn", "LoadBalancerArn", "ServiceArn"].includes(String(attr))
          ? resourceRef(name, at, `Fn::GetAtt ${String(attr)} of`) : unresolved(at, `Fn::GetAtt ${JSON.stringify(arg)} is known only to CloudFormation`);
      }
      case "Fn::Sub": {
        const [text, vars] = typeof arg === "string" ? [arg, {}] : Array.isArray(arg) ? [arg[0], resolve(arg[1] ?? {}, at)] : [undefined, {}];
        if (typeof text !== "string") return unresolved(at, "Fn::Sub takes a string");
        let ok = true;
        const out = text.replace(/\$\{(!?)([^}]*)\}/g, (all, bang: string, name: string) => {
          if (bang) return `\${${name}}`;
          const local = isObj(vars) ? vars[name] : undefined;
          const x = local !== undefined ? local : parameters[name] ? parameterValue(name, at) : undefined;
          if (typeof x === "string" || typeof x === "number") return String(x);
          if (ok && local === undefined && !parameters[name]) notes.push({ path: at, message: `Fn::Sub's \${${name}} is known only to CloudFormation: the design leaves the field unset` });
          ok = false;
          return all;
        });
        return ok ? out : undefined;
      }
      case "Fn::Join": {
        const [sep, list] = Array.isArray(arg) ? [arg[0], resolve(arg[1], at)] : [];
        return typeof sep === "string" && strings(list) ? list.join(sep) : unresolved(at, "Fn::Join of values known only to CloudFormation");
      }
      case "Fn::Select": {
        const [i, list] = Array.isArray(arg) ? [resolve(arg[0], at), resolve(arg[1], at)] : [];
        return Array.isArray(list) && list[Number(i)] !== undefined ? list[Number(i)] : unresolved(at, "Fn::Select of a list known only to CloudFormation");
      }
      case "Fn::Split": {
        const [sep, text] = Array.isArray(arg) ? [arg[0], resolve(arg[1], at)] : [];
        return typeof sep === "string" && typeof text === "string" ? text.split(sep) : unresolved(at, "Fn::Split of a value known only to CloudFormation");
      }
      case "Fn::FindInMap": {
        const [m, k1, k2] = Array.isArray(arg) ? arg.map((x) => resolve(x, at)) : [];
        const hit = isObj(mappings[String(m)]) ? (mappings[String(m)][String(k1)] as Json | undefined)?.[String(k2)] : undefined;
        return hit !== undefined ? hit : unresolved(at, `Fn::FindInMap ${JSON.stringify(arg)} is not in the template's Mappings`);
      }
      default:
        return unresolved(at, `${fn} cannot be resolved outside CloudFormation`);
    }
  };

  /**
   * An ALBRequestCountPerTarget ResourceLabel joined from the GetAtts of the template's own load
   * balancer and target group is what the export derives when the design leaves it unset (from the
   * service's load balancer): the design leaves it unset again.
   */
  const withoutDerivedLabel = (p: unknown): Json => {
    if (!isObj(p)) return {};
    const tt = isObj(p.TargetTrackingScalingPolicyConfiguration) ? p.TargetTrackingScalingPolicyConfiguration : undefined;
    const pre = tt && isObj(tt.PredefinedMetricSpecification) ? tt.PredefinedMetricSpecification : undefined;
    const join = pre && isObj(pre.ResourceLabel) ? pre.ResourceLabel["Fn::Join"] : undefined;
    const parts = Array.isArray(join) && join[0] === "/" && Array.isArray(join[1]) ? (join[1] as unknown[]) : [];
    const att = (x: unknown, attr: string, type: string) => isObj(x) && Array.isArray(x["Fn::GetAtt"]) && x["Fn::GetAtt"][1] === attr && resources[String(x["Fn::GetAtt"][0])]?.Type === type;
    if (parts.length !== 2 || !att(parts[0], "LoadBalancerFullName", "AWS::ElasticLoadBalancingV2::LoadBalancer") || !att(parts[1], "TargetGroupFullName", "AWS::ElasticLoadBalancingV2::TargetGroup")) return p;
    const { ResourceLabel: _label, ...rest } = pre!;
    void _label;
    return { ...p, TargetTrackingScalingPolicyConfiguration: { ...tt, PredefinedMetricSpecification: rest } };
  };

  for (const [id, res] of Object.entries(resources)) {
    const root = ROOTS[String(res.Type)];
    if (!root) {
      notes.push({ path: id, message: `${String(res.Type)} is not a resource a design holds` });
      continue;
    }
    const raw = res.Type === "AWS::ApplicationAutoScaling::ScalingPolicy" ? withoutDerivedLabel(res.Properties) : isObj(res.Properties) ? res.Properties : {};
    const props = resolve(Object.fromEntries(Object.entries(raw).filter(([k]) => !RAW[String(res.Type)]?.includes(k))), id) as Json;
    for (const k of RAW[String(res.Type)] ?? []) if (raw[k] !== undefined) props[k] = raw[k];
    const out: Json = { id };
    const read = [...(HAND_READ[String(res.Type)] ?? []), ...leavesOf(root, String(res.Type)).map((l) => l.cfn.join(".").replace(/\[\d*\]/g, ""))];
    for (const p of propertyPaths(isObj(res.Properties) ? res.Properties : {})) {
      if (!read.some((r) => p === r || p.startsWith(`${r}.`) || r.startsWith(`${p}.`))) notes.push({ path: `${id}.${p}`, message: "a property the design does not hold: not imported" });
    }
    for (const leaf of leavesOf(root, String(res.Type))) {
      for (const { indices, value } of extract(props, leaf.cfn)) {
        if (value === undefined) continue;
        const rel = leaf.design.join(".");
        put(out, leaf.design, indices, LOOSE_CAMEL.includes(rel) ? camelKeys(value) : value);
      }
    }
    if (res.Type === "AWS::ElasticLoadBalancingV2::TargetGroup") {
      const d = (props.TargetGroupAttributes as Json[] | undefined)?.find((a) => a.Key === "deregistration_delay.timeout_seconds");
      if (d) out.deregistrationDelaySeconds = Number(d.Value);
    }
    if (res.Type === "AWS::ElasticLoadBalancingV2::ListenerRule" && Array.isArray(props.Conditions)) {
      out.conditions = (props.Conditions as Json[]).map((c) => {
        const config = Object.entries(c).find(([k]) => k.endsWith("Config"))?.[1] as Json | undefined;
        return { field: c.Field, values: (config?.Values ?? c.Values ?? []) as string[] };
      });
    }
    if (res.Type === "AWS::Scheduler::Schedule" && isObj(props.Target) && props.Target.Input !== undefined) {
      const input = props.Target.Input;
      try {
        out.overrides = typeof input === "string" ? JSON.parse(input) : input;
      } catch {
        notes.push({ path: `${id}.Target.Input`, message: "is not JSON (RunTask overrides): the design leaves the field unset" });
      }
    }
    if (res.Type === "AWS::ECS::TaskDefinition" && isObj(props.ProxyConfiguration)) {
      const { ProxyConfigurationProperties, ...rest } = props.ProxyConfiguration;
      out.proxyConfiguration = { ...(camelKeys(rest) as Json), ...(ProxyConfigurationProperties ? { properties: camelKeys(ProxyConfigurationProperties) } : {}) };
    }
    byId.set(id, { root, out, props });
  }

  const of = (root: string) => [...byId.values()].filter((x) => x.root === root);
  const refTo = (v: unknown) => (isObj(v) && typeof v.ref === "string" ? byId.get(v.ref) : undefined);
  const design: Design = { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], targetGroups: [], loadBalancers: [], layout: {} };
  for (const x of of("cluster")) {
    if (x.props.Cluster === undefined) design.clusters.push(x.out as Design["clusters"][number]);
  }
  for (const x of of("cluster")) {
    const c = refTo(x.props.Cluster);
    if (x.props.Cluster === undefined) continue;
    const { id: _id, ...rest } = x.out;
    void _id;
    if (c) Object.assign(c.out, rest);
  }
  design.taskDefinitions = of("taskDefinition").map((x) => x.out) as Design["taskDefinitions"];
  design.targetGroups = of("targetGroup").map((x) => x.out) as Design["targetGroups"];
  const loadBalancers = of("loadBalancer").map((x) => x.out);
  /** Listeners join their load balancer, rules their listener (without the logical id a design resource has). */
  const attach = (root: string, parentProp: string, key: string, what: string) => {
    for (const x of of(root)) {
      const parent = refTo(x.props[parentProp]);
      const { id, ...child } = x.out;
      if (parent) ((parent.out[key] ??= []) as Json[]).push(child);
      else notes.push({ path: String(id), message: `${what} outside the template` });
      x.out = child;
    }
  };
  attach("loadBalancer.listeners[]", "LoadBalancerArn", "listeners", "a listener of a load balancer");
  attach("loadBalancer.listeners[].rules[]", "ListenerArn", "rules", "a rule of a listener");
  // References back to the design's own spelling.
  const ruleRef = (id: string) => {
    const r = byId.get(id)!;
    const l = refTo(r.props.ListenerArn);
    const lb = l && refTo(l.props.LoadBalancerArn);
    return lb ? listenerRuleRef(String(lb.out.name), Number(l.out.port), Number(r.out.priority)) : id;
  };
  const asRef = (v: unknown): unknown => {
    const x = refTo(v);
    if (!x) return v;
    switch (x.root) {
      case "cluster": return x.out.clusterName;
      case "taskDefinition": return x.out.family;
      case "targetGroup": return `targetgroup/${String(x.out.name)}`;
      case "capacityProvider": return x.out.name;
      case "scheduleGroup": return x.props.Name;
      case "loadBalancer.listeners[].rules[]": return ruleRef((v as { ref: string }).ref);
      default: return v;
    }
  };
  const fixRefs = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(fixRefs);
    if (!isObj(v)) return v;
    if (typeof v.ref === "string" && Object.keys(v).length === 1) return asRef(v);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fixRefs(x)]));
  };
  // Auto scaling: the target names its service in ResourceId (service/<cluster>/<service>, a
  // Fn::Join of the cluster's Ref and the service's GetAtt Name, or a literal); policies name the
  // target by ScalingTargetId; a step policy's alarm names its policy in AlarmActions.
  const services = of("service");
  const strip = (x: { out: Json }) => { const { id: _id, ...rest } = x.out; void _id; x.out = rest; return rest; };
  const serviceOf = (rid: unknown) => {
    if (typeof rid === "string") return services.find((s) => rid === `service/${String(s.out.cluster)}/${String(s.out.serviceName)}` || (rid.split("/")[0] === "service" && rid.split("/")[2] === s.out.serviceName));
    const join = isObj(rid) ? rid["Fn::Join"] : undefined;
    const parts = Array.isArray(join) && Array.isArray(join[1]) ? (join[1] as unknown[]) : [];
    const names = parts.map((p) => (isObj(p) ? (typeof p.Ref === "string" ? p.Ref : Array.isArray(p["Fn::GetAtt"]) ? p["Fn::GetAtt"][0] : undefined) : undefined));
    return services.find((s) => names.includes(s.out.id));
  };
  const scaling = new Set<{ out: Json }>();
  for (const t of of("service.autoScaling")) {
    const svc = t.props.ServiceNamespace === "ecs" ? serviceOf(t.props.ResourceId) : undefined;
    const id = String(t.out.id);
    const rest = strip(t);
    if (svc) { svc.out.autoScaling = rest; scaling.add(t); }
    else notes.push({ path: id, message: "scales something other than a service in the template: not imported" });
  }
  for (const x of of("service.autoScaling.policies[]")) {
    const t = refTo(x.props.ScalingTargetId);
    const id = String(x.out.id);
    const rest = strip(x);
    if (t && scaling.has(t)) ((t.out.policies ??= []) as Json[]).push(rest);
    else notes.push({ path: id, message: "its scalable target is not a service's in the template: not imported" });
  }
  for (const a of of("service.autoScaling.policies[].alarm")) {
    const actions = Array.isArray(a.props.AlarmActions) ? a.props.AlarmActions : [];
    const policy = actions.map(refTo).find((p) => p?.root === "service.autoScaling.policies[]");
    const id = String(a.out.id);
    const rest = strip(a);
    if (policy) policy.out.alarm = rest;
    else notes.push({ path: id, message: "an alarm that triggers no scaling policy in the template: a design holds only a step policy's alarm" });
  }
  design.clusters = design.clusters.map(fixRefs) as Design["clusters"];
  design.services = services.map((x) => fixRefs(x.out)) as Design["services"];
  if (of("capacityProvider").length) design.capacityProviders = of("capacityProvider").map((x) => fixRefs(x.out)) as Design["capacityProviders"];
  design.loadBalancers = loadBalancers.map(fixRefs) as Design["loadBalancers"];
  if (of("scheduledTask").length) {
    design.scheduledTasks = of("scheduledTask").map((x) => {
      // A schedule in the design's own group (stevedore-<design>, tagged with it) names no group.
      const g = refTo(x.out.group);
      const tag = g && Array.isArray(g.props.Tags) ? (g.props.Tags as Json[]).find((t) => t.Key === DESIGN_TAG)?.Value : undefined;
      if (g?.root === "scheduleGroup" && ownScheduleGroup(g.props.Name, tag)) delete x.out.group;
      return withoutDefaultWindow(fixRefs(x.out) as Json);
    }) as Design["scheduledTasks"];
  }
  return { design, notes };
}
