import { listenerRuleRef, type Design } from "../design";
import { designScheduleGroup } from "../ecs-facts/scheduler";
import { DESIGN_TAG } from "../plan";
import { putField as put } from "./fields";
import { MAPPING, isNot } from "./mapping";

// Terraform configuration (the hashicorp/aws provider's resources) back to a design, by the same
// mapping the export writes, read the other way. HCL is parsed by a real HCL parser
// (@cdktf/hcl2json), which the caller passes in as `parse` (its WebAssembly is loaded from disk:
// I/O stays at the edge; this module only reads its JSON). Variables resolve to the .tfvars'
// values or their defaults, `jsonencode(...)`, `file(...)` and heredocs to the JSON they hold,
// references between resources to the design's own references; everything else (a variable
// without a value, `data.*`, `module.*`, functions Terraform evaluates) becomes an import note
// naming the resource and argument, never a silently dropped value.

export type HclParse = (fileName: string, text: string) => Promise<unknown>;
export type TerraformFile = { name: string; text: string };
export type TerraformImportNote = { path: string; message: string };
export type TerraformImportIssue = { path: string; message: string; line?: number };
export type TerraformImport =
  | { ok: true; design: Design; notes: TerraformImportNote[] }
  | { ok: false; issues: TerraformImportIssue[] };

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Ref) && !(v instanceof Template);

/** A reference to another resource's attribute: `aws_ecs_cluster.main.arn`. */
class Ref {
  constructor(readonly type: string, readonly label: string, readonly attr: string) {}
  get address() { return `${this.type}.${this.label}`; }
}
/** A string template with references in it (`service/${aws_ecs_cluster.main.name}/web`). */
class Template {
  constructor(readonly parts: (string | Ref)[]) {}
}

const containsRef = (v: unknown): boolean =>
  v instanceof Ref || v instanceof Template || (Array.isArray(v) ? v.some(containsRef) : isObj(v) && Object.values(v).some(containsRef));

/** Terraform types a design holds, by the mapping root they fill. */
const ROOTS: Record<string, string> = {
  aws_ecs_cluster: "cluster", aws_ecs_cluster_capacity_providers: "cluster", aws_ecs_task_definition: "taskDefinition", aws_ecs_service: "service",
  aws_lb_target_group: "targetGroup", aws_alb_target_group: "targetGroup", aws_lb: "loadBalancer", aws_alb: "loadBalancer",
  aws_lb_listener: "loadBalancer.listeners[]", aws_alb_listener: "loadBalancer.listeners[]",
  aws_lb_listener_rule: "loadBalancer.listeners[].rules[]", aws_alb_listener_rule: "loadBalancer.listeners[].rules[]",
  aws_appautoscaling_target: "service.autoScaling", aws_appautoscaling_policy: "service.autoScaling.policies[]",
  aws_appautoscaling_scheduled_action: "service.autoScaling.scheduledActions[]", aws_cloudwatch_metric_alarm: "service.autoScaling.policies[].alarm",
  aws_ecs_capacity_provider: "capacityProvider", aws_scheduler_schedule: "scheduledTask", aws_scheduler_schedule_group: "scheduleGroup",
};
/** The aws_alb* names are the provider's aliases of aws_lb*: the mapping names the latter. */
const CANONICAL: Record<string, string> = { aws_alb: "aws_lb", aws_alb_target_group: "aws_lb_target_group", aws_alb_listener: "aws_lb_listener", aws_alb_listener_rule: "aws_lb_listener_rule" };
/** Sub-roots a resource of an outer root does not read (they are resources of their own). */
const SUB_ROOTS = ["service.autoScaling", "loadBalancer.listeners[]", "loadBalancer.listeners[].rules[]", "service.autoScaling.policies[]", "service.autoScaling.scheduledActions[]", "service.autoScaling.policies[].alarm"];
/** Design fields read by hand below (their value changes shape between the two). */
const BY_HAND = new Set([
  "taskDefinition.containerDefinitions", "taskDefinition.proxyConfiguration", "taskDefinition.inferenceAccelerators",
  "taskDefinition.volumes[].efsVolumeConfiguration", "taskDefinition.volumes[].fsxWindowsFileServerVolumeConfiguration",
  "service.networkConfiguration.awsvpcConfiguration.assignPublicIp", "loadBalancer.scheme",
  "scheduledTask.overrides", "scheduledTask.networkConfiguration.awsvpcConfiguration.assignPublicIp",
  "loadBalancer.listeners[].rules[].conditions[].field", "loadBalancer.listeners[].rules[].conditions[].values",
]);
/** Arguments that place a resource rather than describe it (read by hand) or are Terraform's meta-arguments. */
const STRUCTURAL: Record<string, string[]> = {
  "*": ["depends_on", "lifecycle", "provider", "count", "for_each", "region"],
  aws_ecs_cluster_capacity_providers: ["cluster_name"],
  aws_lb_listener: ["load_balancer_arn"], aws_lb_listener_rule: ["listener_arn"],
  aws_appautoscaling_target: ["service_namespace", "resource_id", "scalable_dimension"],
  aws_appautoscaling_policy: ["service_namespace", "resource_id", "scalable_dimension"],
  aws_appautoscaling_scheduled_action: ["service_namespace", "resource_id", "scalable_dimension"],
  aws_cloudwatch_metric_alarm: ["alarm_name", "alarm_actions", "dimensions"],
  aws_scheduler_schedule_group: ["name", "tags"],
};

const PREFIXES = new Set(Object.keys(MAPPING).flatMap((k) => [...k.matchAll(/\./g)].map((m) => k.slice(0, m.index))));
const isLeaf = (path: string) => !PREFIXES.has(path) && !PREFIXES.has(`${path}[]`);

/** Mapping leaves below `root` whose Terraform target is in resource type `type`. */
function leavesOf(root: string, type: string): { path: string; design: string[]; tf: string[] }[] {
  return Object.entries(MAPPING).flatMap(([path, e]) => {
    if (!path.startsWith(`${root}.`) || isNot(e.terraform) || !e.terraform.startsWith(`${type}.`)) return [];
    if (SUB_ROOTS.some((s) => s !== root && s.startsWith(`${root}.`) && path.startsWith(`${s}.`))) return [];
    if (/\.tags(\[\]\.(key|value))?$/.test(path) || [...BY_HAND].some((h) => path.startsWith(`${h}.`) || path.startsWith(`${h}[].`))) return [];
    if (!BY_HAND.has(path) && !isLeaf(path)) return [];
    return [{ path, design: path.slice(root.length + 1).split("."), tf: e.terraform.slice(type.length + 1).split(".") }];
  });
}

/** The design's own schedule group: named stevedore-<design> and tagged stevedore:design=<design>. */
export const ownScheduleGroup = (name: unknown, designTag: unknown) => typeof designTag === "string" && name === designScheduleGroup(designTag);

/** Scheduler's default time window (OFF, no maximum) is what a scheduled task without one gets: the design leaves it unset. */
export function withoutDefaultWindow(task: Record<string, unknown>): Record<string, unknown> {
  const w = task.flexibleTimeWindow as { mode?: unknown; maximumWindowInMinutes?: unknown } | undefined;
  if (w && w.mode === "OFF" && w.maximumWindowInMinutes === undefined) delete task.flexibleTimeWindow;
  return task;
}

/** hcl2json writes every block as a list of bodies: one block where the mapping names no list is its first item. */
const one = (v: unknown) => (Array.isArray(v) && v.length === 1 && isObj(v[0]) ? v[0] : v);

function extract(v: unknown, segs: string[], indices: number[] = []): { indices: number[]; value: unknown }[] {
  if (segs.length === 0) return v === undefined ? [] : [{ indices, value: v }];
  const [seg, ...rest] = segs;
  const list = seg.endsWith("[]");
  const node = one(v);
  const x = isObj(node) ? node[list ? seg.slice(0, -2) : seg] : undefined;
  if (!list) return extract(rest.length ? one(x) : x, rest, indices);
  if (!Array.isArray(x)) return x === undefined ? [] : extract([x], segs, indices);
  return x.flatMap((item, i) => extract(item, rest, [...indices, i]));
}


/** Every argument path of a body (lists of blocks as `x[]`), to find what the mapping did not read. */
function argumentPaths(v: Json, prefix = ""): string[] {
  return Object.entries(v).flatMap(([k, x]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(x) && x.length > 0 && x.every(isObj)) return x.flatMap((b) => argumentPaths(b as Json, p)).concat(x.every((b) => Object.keys(b as Json).length === 0) ? [p] : []);
    return [p];
  });
}
const bare = (p: string) => p.replace(/\[\d*\]/g, "");

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
/** A block written from a loose ECS object (snake_case keys, nested blocks) back in ECS's spelling. */
function camelBlocks(v: unknown, list: boolean): unknown {
  const item = (x: unknown): unknown => {
    if (!isObj(x)) return x;
    return Object.fromEntries(Object.entries(x).map(([k, y]) => [camel(k), Array.isArray(y) && y.every(isObj) ? item(y.length === 1 ? y[0] : y) : isObj(y) ? item(y) : y]));
  };
  if (Array.isArray(v)) return list ? v.map(item) : item(v[0]);
  return list ? [item(v)] : item(v);
}

/** The tags map of each managed EBS volume's tag_specifications block, as the design's key/value list. */
function readEbsTags(body: Json, out: Json, read: Set<string>) {
  const asList = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  asList(body.volume_configuration).forEach((vc, i) => {
    const ebs = isObj(vc) ? one(vc.managed_ebs_volume) : undefined;
    asList(isObj(ebs) ? ebs.tag_specifications : undefined).forEach((ts, j) => {
      const tags = (ts as Json | undefined)?.tags;
      if (!isObj(tags)) return;
      const designed = (out.volumeConfigurations as Json[] | undefined)?.[i]?.managedEBSVolume as Json | undefined;
      const spec = (designed?.tagSpecifications as Json[] | undefined)?.[j];
      if (spec) spec.tags = Object.entries(tags).map(([key, value]) => ({ key, value: String(value) }));
    });
  });
  read.add("volume_configuration.managed_ebs_volume.tag_specifications.tags");
}

/** Splits a hcl2json string (HCL template source) into literal text and `${...}` expressions. */
function templateParts(s: string): { parts: (string | { expr: string })[]; directive: boolean } {
  const parts: (string | { expr: string })[] = [];
  let lit = "";
  let directive = false;
  for (let i = 0; i < s.length; i++) {
    if ((s.startsWith("$${", i) || s.startsWith("%%{", i))) { lit += s[i + 1] + "{"; i += 2; continue; }
    if (s.startsWith("%{", i)) directive = true;
    if (s.startsWith("${", i)) {
      let depth = 0;
      let quote = false;
      let j = i + 1;
      for (; j < s.length; j++) {
        const c = s[j];
        if (quote) { if (c === "\\") j++; else if (c === "\"") quote = false; continue; }
        if (c === "\"") quote = true;
        else if (c === "{") depth++;
        else if (c === "}" && --depth === 0) break;
      }
      if (lit) parts.push(lit);
      lit = "";
      parts.push({ expr: s.slice(i + 2, j).trim() });
      i = j;
      continue;
    }
    lit += s[i];
  }
  if (lit || parts.length === 0) parts.push(lit);
  return { parts, directive };
}

const TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*$/;
const traversal = (expr: string) => [...expr.matchAll(/\.?([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => m[1] ?? m[2] ?? m[3]);
/** `name(` … `)` with the parentheses balanced: the argument text, or undefined. */
function call(expr: string, name: string): string | undefined {
  if (!expr.startsWith(`${name}(`) || !expr.endsWith(")")) return undefined;
  const inner = expr.slice(name.length + 1, -1);
  let depth = 0;
  let quote = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (quote) { if (c === "\\") i++; else if (c === "\"") quote = false; continue; }
    if (c === "\"") quote = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth < 0) return undefined;
  }
  return depth === 0 ? inner : undefined;
}

/** `parse config: [main.tf:12,3-9: Invalid expression; …]` → the file's line and the parser's message. */
function parseIssue(fileName: string, error: unknown): TerraformImportIssue {
  const text = error instanceof Error ? error.message : String(error);
  const m = /\[?([^\s[\]:]+):(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]+)\]?/.exec(text);
  return m ? { path: `${m[1]}:${m[2]}`, line: Number(m[2]), message: m[3].trim() } : { path: fileName, message: text.replace(/^Error: /, "") };
}

type Parsed = {
  resources: { type: string; label: string; body: Json; file: string }[];
  variables: Map<string, Json>;
  locals: Map<string, unknown>;
  tfvars: Map<string, unknown>;
  other: { path: string; message: string }[];
};

async function parseAll(files: TerraformFile[], parse: HclParse): Promise<Parsed | TerraformImportIssue[]> {
  const out: Parsed = { resources: [], variables: new Map(), locals: new Map(), tfvars: new Map(), other: [] };
  const issues: TerraformImportIssue[] = [];
  for (const f of files.filter((x) => /\.(tf|tfvars)$/.test(x.name))) {
    let j: Json;
    try {
      j = (await parse(f.name, f.text)) as Json;
    } catch (e) {
      issues.push(parseIssue(f.name, e));
      continue;
    }
    if (/\.tfvars$/.test(f.name)) {
      for (const [k, v] of Object.entries(j)) out.tfvars.set(k, v);
      continue;
    }
    for (const [type, byLabel] of Object.entries(isObj(j.resource) ? j.resource : {})) {
      for (const [label, bodies] of Object.entries(byLabel as Record<string, Json[]>)) {
        for (const body of bodies) out.resources.push({ type, label, body, file: f.name });
      }
    }
    for (const [name, bodies] of Object.entries(isObj(j.variable) ? j.variable : {})) out.variables.set(name, (bodies as Json[])[0] ?? {});
    for (const block of (Array.isArray(j.locals) ? j.locals : []) as Json[]) for (const [k, v] of Object.entries(block)) out.locals.set(k, v);
    for (const [type, byLabel] of Object.entries(isObj(j.data) ? j.data : {})) {
      for (const label of Object.keys(byLabel as Json)) out.other.push({ path: `data.${type}.${label}`, message: "a data source is read by Terraform at plan time: a design does not hold it (references to it are noted where used)" });
    }
    for (const name of Object.keys(isObj(j.module) ? j.module : {})) out.other.push({ path: `module.${name}`, message: "a module's resources are not read: import its own files" });
    for (const k of Object.keys(j)) {
      if (!["resource", "variable", "locals", "data", "module", "terraform", "provider", "output", "import", "moved", "removed", "check"].includes(k)) out.other.push({ path: k, message: `a top-level "${k}" block is not something a design holds` });
    }
  }
  return issues.length ? issues : out;
}

/** Terraform files (.tf; a .tfvars among them gives variables their values) as one design. */
export async function importTerraform(files: TerraformFile[], parse: HclParse): Promise<TerraformImport> {
  const parsed = await parseAll(files, parse);
  if (Array.isArray(parsed)) return { ok: false, issues: parsed };
  const notes: TerraformImportNote[] = [...parsed.other];
  const note = (path: string, message: string) => { if (!notes.some((n) => n.path === path && n.message === message)) notes.push({ path, message }); };
  const fileText = new Map(files.flatMap((f) => [[f.name, f.text], [f.name.split("/").pop()!, f.text]]));

  const evalExpr = async (expr: string, at: string, depth: number): Promise<unknown> => {
    if (depth > 20) { note(at, `\`${expr}\` refers to itself`); return undefined; }
    if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
    if (expr === "true" || expr === "false") return expr === "true";
    if (expr === "null") return null;
    if (TRAVERSAL.test(expr)) {
      const [head, ...rest] = traversal(expr);
      const pick = (v: unknown, keys: string[]) => keys.reduce<unknown>((x, k) => (Array.isArray(x) ? x[Number(k)] : isObj(x) ? x[k] : undefined), v);
      if (head === "var") {
        const [name, ...more] = rest;
        const def = parsed.tfvars.has(name) ? parsed.tfvars.get(name) : parsed.variables.get(name)?.default;
        if (!parsed.variables.has(name) && !parsed.tfvars.has(name)) { note(at, `var.${name} is not declared`); return undefined; }
        if (def === undefined) { note(at, `var.${name} has no default and no .tfvars value: the design leaves the field unset`); return undefined; }
        return pick(await resolve(def, at, depth + 1), more);
      }
      if (head === "local") {
        const [name, ...more] = rest;
        if (!parsed.locals.has(name)) { note(at, `local.${name} is not defined`); return undefined; }
        return pick(await resolve(parsed.locals.get(name), at, depth + 1), more);
      }
      if (head === "path" && rest[0] === "module") return ".";
      if (head === "data" || head === "module" || head === "each" || head === "count" || head === "self" || head === "terraform" || head === "path") {
        note(at, `\`${expr}\` is known to Terraform only at plan time: the design leaves the field unset`);
        return undefined;
      }
      if (rest.length >= 2) {
        const ref = new Ref(CANONICAL[head] ?? head, rest[0], rest[1]);
        if (!ROOTS[head] || !parsed.resources.some((r) => r.type === head && r.label === rest[0])) {
          note(at, `refers to ${ref.address}, which is not a resource a design holds${ROOTS[head] ? " (not in these files)" : ""}: the design leaves the field unset`);
          return undefined;
        }
        return ref;
      }
      note(at, `\`${expr}\` cannot be resolved`);
      return undefined;
    }
    const json = call(expr, "jsonencode");
    if (json !== undefined) {
      let v: unknown;
      try {
        v = ((await parse("jsonencode.tf", `v = ${json}\n`)) as Json).v;
      } catch {
        note(at, "the jsonencode(...) argument is not an HCL value Stevedore can read");
        return undefined;
      }
      // Terraform's jsonencode gives JSON text, read back where the design holds a value (container definitions, hook details).
      const value = await resolve(v, at, depth + 1);
      if (containsRef(value)) { note(at, "jsonencode(...) of values Terraform computes: the design leaves the field unset"); return undefined; }
      return JSON.stringify(value);
    }
    const decode = call(expr, "jsondecode");
    const file = call(expr, "file");
    if (file !== undefined || decode !== undefined) {
      const inner = decode !== undefined ? await evalExpr(decode, at, depth + 1) : await resolve(await parseString(file!), at, depth + 1);
      if (decode !== undefined) return typeof inner === "string" ? safeJson(inner, at) : undefined;
      if (typeof inner !== "string") return undefined;
      const path = inner.replace(/^\.\//, "");
      const text = fileText.get(path) ?? fileText.get(path.split("/").pop()!);
      if (text === undefined) { note(at, `file("${inner}") was not among the files given: add it to the import`); return undefined; }
      return text;
    }
    const fn = /^([a-z_][a-z0-9_]*)\(/.exec(expr)?.[1];
    note(at, fn ? `${fn}(...) is evaluated by Terraform: the design leaves the field unset` : `\`${expr.length > 60 ? `${expr.slice(0, 57)}...` : expr}\` cannot be evaluated outside Terraform: the design leaves the field unset`);
    return undefined;
  };
  /** A quoted HCL string argument (`"${path.module}/c.json"`) as hcl2json writes it. */
  const parseString = async (arg: string): Promise<unknown> => {
    try {
      return ((await parse("arg.tf", `v = ${arg}\n`)) as Json).v;
    } catch {
      return undefined;
    }
  };
  const safeJson = (text: string, at: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      note(at, "the text is not JSON");
      return undefined;
    }
  };
  const evalString = async (s: string, at: string, depth: number): Promise<unknown> => {
    const { parts, directive } = templateParts(s);
    if (directive) { note(at, "a template directive (%{...}) is evaluated by Terraform: the design leaves the field unset"); return undefined; }
    if (parts.length === 1 && typeof parts[0] !== "string") return evalExpr(parts[0].expr, at, depth);
    const values = await Promise.all(parts.map((p) => (typeof p === "string" ? p : evalExpr(p.expr, at, depth))));
    if (values.some((v) => v === undefined)) return undefined;
    if (values.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")) return values.join("");
    if (values.every((v) => typeof v === "string" || typeof v === "number" || v instanceof Ref)) return new Template(values.map((v) => (v instanceof Ref ? v : String(v))));
    note(at, "a template of values that are not text");
    return undefined;
  };
  const resolve = async (v: unknown, at: string, depth = 0): Promise<unknown> => {
    if (typeof v === "string") return evalString(v, at, depth);
    if (Array.isArray(v)) return Promise.all(v.map((x, i) => resolve(x, `${at}[${i}]`, depth)));
    if (!isObj(v)) return v;
    const out: Json = {};
    for (const [raw, x] of Object.entries(v)) {
      // A quoted key is a template too: its escapes undone, interpolations not evaluated.
      const key = templateParts(raw);
      if (key.directive || key.parts.some((p) => typeof p !== "string")) { note(`${at}.${raw}`, "a key computed by Terraform: not imported"); continue; }
      const k = (key.parts as string[]).join("");
      const r = await resolve(x, `${at}.${k}`, depth);
      if (r !== undefined) out[k] = r;
    }
    return out;
  };

  type Item = { type: string; label: string; root: string; body: Json; out: Json };
  const items: Item[] = [];
  for (const r of parsed.resources) {
    const type = CANONICAL[r.type] ?? r.type;
    const root = ROOTS[r.type];
    const address = `${r.type}.${r.label}`;
    if (!root) { note(address, `${r.type} is not a resource a design holds`); continue; }
    const { depends_on: _d, lifecycle: _l, provider: _p, ...raw } = r.body;
    void _d; void _l; void _p;
    for (const meta of ["count", "for_each"]) if (raw[meta] !== undefined) note(`${address}.${meta}`, `${meta} makes several resources: the design holds one`);
    const body = (await resolve(raw, address)) as Json;
    const out: Json = { id: `${type}.${r.label}` };
    const read = new Set<string>([...STRUCTURAL["*"], ...(STRUCTURAL[type] ?? [])]);
    for (const leaf of leavesOf(root, type)) {
      read.add(bare(leaf.tf.join(".")));
      for (const { indices, value } of extract(body, leaf.tf)) {
        const v = convert(leaf.path, value, address);
        if (v !== undefined) put(out, leaf.design, indices, v);
      }
    }
    if (["aws_ecs_cluster", "aws_ecs_task_definition", "aws_ecs_service", "aws_lb", "aws_ecs_capacity_provider"].includes(type) && isObj(body.tags)) {
      out.tags = Object.entries(body.tags).map(([key, value]) => ({ key, value: String(value) }));
      read.add("tags");
    }
    if (type === "aws_ecs_service") readEbsTags(body, out, read);
    if (type === "aws_lb_listener_rule" && Array.isArray(body.condition)) {
      out.conditions = (body.condition as Json[]).flatMap((c) => Object.entries(c).map(([k, x]) => ({ field: k.replace(/_/g, "-"), values: ((one(x) as Json | undefined)?.values ?? []) as string[] })));
      read.add("condition");
    }
    if (type === "aws_lb_listener" || type === "aws_lb_listener_rule") {
      const key = type === "aws_lb_listener" ? "default_action" : "action";
      const a = one(body[key]);
      if (isObj(a) && a.target_group_arn !== undefined) {
        const outKey = type === "aws_lb_listener" ? "defaultAction" : "action";
        out[outKey] = { ...(out[outKey] as Json), targetGroups: [{ targetGroupArn: a.target_group_arn }] };
        read.add(`${key}.target_group_arn`);
      }
    }
    for (const p of argumentPaths(body)) {
      const b = bare(p);
      if ([...read].some((r) => b === r || b.startsWith(`${r}.`) || r.startsWith(`${b}.`))) continue;
      note(`${address}.${p}`, "an argument the design does not hold: not imported");
    }
    items.push({ type, label: r.label, root, body, out });
  }

  const byAddress = new Map(items.map((x) => [`${x.type}.${x.label}`, x]));
  const refTo = (v: unknown) => (v instanceof Ref ? byAddress.get(v.address) : undefined);
  const of = (type: string) => items.filter((x) => x.type === type);
  const design: Design = { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], targetGroups: [], loadBalancers: [], layout: {} };

  design.clusters = of("aws_ecs_cluster").map((x) => x.out) as Design["clusters"];
  for (const x of of("aws_ecs_cluster_capacity_providers")) {
    const c = refTo(x.body.cluster_name);
    const { id: _id, ...rest } = x.out;
    void _id;
    if (c) Object.assign(c.out, rest);
    else {
      const named = design.clusters.find((k) => k.clusterName === x.body.cluster_name);
      if (named) Object.assign(named, rest);
      else note(`aws_ecs_cluster_capacity_providers.${x.label}`, "names a cluster outside these files: not imported");
    }
  }
  design.taskDefinitions = of("aws_ecs_task_definition").map((x) => x.out) as Design["taskDefinitions"];
  design.targetGroups = of("aws_lb_target_group").map((x) => x.out) as Design["targetGroups"];
  design.loadBalancers = of("aws_lb").map((x) => x.out) as Design["loadBalancers"];
  if (of("aws_ecs_capacity_provider").length) design.capacityProviders = of("aws_ecs_capacity_provider").map((x) => x.out) as Design["capacityProviders"];
  const attach = (type: string, parentArg: string, key: string, what: string) => {
    for (const x of of(type)) {
      const parent = refTo(x.body[parentArg]);
      const { id: _id, ...child } = x.out;
      void _id;
      if (parent) ((parent.out[key] ??= []) as Json[]).push(child);
      else note(`${type}.${x.label}`, `${what} outside these files: not imported`);
      x.out = child;
    }
  };
  attach("aws_lb_listener", "load_balancer_arn", "listeners", "a listener of a load balancer");
  attach("aws_lb_listener_rule", "listener_arn", "rules", "a rule of a listener");

  // Auto scaling: the target names its service in resource_id; policies and scheduled actions name the target.
  const services = of("aws_ecs_service");
  for (const t of of("aws_appautoscaling_target")) {
    const rid = t.body.resource_id;
    const svcRef = rid instanceof Template ? rid.parts.filter((p): p is Ref => p instanceof Ref).find((p) => p.type === "aws_ecs_service") : undefined;
    const svcName = typeof rid === "string" ? rid.split("/")[2] : undefined;
    const svc = svcRef ? byAddress.get(svcRef.address) : services.find((s) => s.out.serviceName === svcName);
    const { id: _id, ...rest } = t.out;
    void _id;
    if (svc && t.body.service_namespace === "ecs") svc.out.autoScaling = rest;
    else note(`aws_appautoscaling_target.${t.label}`, "scales something other than a service in these files: not imported");
    t.out = rest;
  }
  const targetOf = (x: Item) => {
    const r = x.body.resource_id;
    return r instanceof Ref && r.type === "aws_appautoscaling_target" ? byAddress.get(r.address) : of("aws_appautoscaling_target").find((t) => t.body.resource_id === r);
  };
  // An ALBRequestCountPerTarget resource_label joined from the arn_suffix of these files' own load
  // balancer and target group is what the export derives when the design leaves it unset (from
  // the service's load balancer): the design leaves it unset again.
  for (const x of of("aws_appautoscaling_policy")) {
    const pre = ((x.out.targetTrackingScalingPolicyConfiguration as Json | undefined)?.predefinedMetricSpecification) as Json | undefined;
    const label = pre?.resourceLabel;
    const refs = label instanceof Template ? label.parts.filter((p): p is Ref => p instanceof Ref) : [];
    const types = refs.map((r) => `${CANONICAL[r.type] ?? r.type}.${r.attr}`);
    if (pre && types.length === 2 && types[0] === "aws_lb.arn_suffix" && types[1] === "aws_lb_target_group.arn_suffix" && refs.every((r) => byAddress.has(`${CANONICAL[r.type] ?? r.type}.${r.label}`))) delete pre.resourceLabel;
  }
  for (const [type, key] of [["aws_appautoscaling_policy", "policies"], ["aws_appautoscaling_scheduled_action", "scheduledActions"]] as const) {
    for (const x of of(type)) {
      const t = targetOf(x);
      const { id: _id, ...rest } = x.out;
      void _id;
      if (t) ((t.out[key] ??= []) as Json[]).push(rest);
      else note(`${type}.${x.label}`, "its scalable target is not in these files: not imported");
      x.out = rest;
    }
  }
  for (const a of of("aws_cloudwatch_metric_alarm")) {
    const actions = Array.isArray(a.body.alarm_actions) ? a.body.alarm_actions : [];
    const policy = actions.map(refTo).find((p) => p?.type === "aws_appautoscaling_policy");
    const { id: _id, ...rest } = a.out;
    void _id;
    if (policy) policy.out.alarm = rest;
    else note(`aws_cloudwatch_metric_alarm.${a.label}`, "an alarm that triggers no scaling policy in these files: a design holds only a step policy's alarm");
  }

  // References back to the design's own spelling.
  const asRef = (v: Ref, at: string): unknown => {
    const x = byAddress.get(v.address);
    if (!x) {
      note(at, `refers to ${v.address}, which is not a resource a design holds: the design leaves the field unset`);
      return undefined;
    }
    switch (x.type) {
      case "aws_ecs_cluster": return x.out.clusterName;
      case "aws_ecs_task_definition": return x.out.family;
      case "aws_lb_target_group": return `targetgroup/${String(x.out.name)}`;
      case "aws_lb_listener_rule": {
        const l = refTo(x.body.listener_arn);
        const lb = l && refTo(l.body.load_balancer_arn);
        if (lb) return listenerRuleRef(String(lb.out.name), Number(l.out.port), Number(x.out.priority));
        break;
      }
      case "aws_lb_listener": {
        const lb = refTo(x.body.load_balancer_arn);
        if (lb && v.attr === "arn") {
          note(at, `refers to listener ${v.address}'s ARN: the design names a listener's default rule instead`);
          return undefined;
        }
        break;
      }
    }
    if (x.type === "aws_ecs_service" || x.type === "aws_lb") return x.out.name ?? x.out.serviceName;
    if (x.type === "aws_scheduler_schedule_group" && v.attr === "name" && typeof x.body.name === "string") return x.body.name;
    // A cluster's providers and strategy name a provider by its name (the exports write `.name`).
    if (x.type === "aws_ecs_capacity_provider" && v.attr === "name") return x.out.name;
    note(at, `refers to ${v.address}.${v.attr}, which the design cannot name here: the design leaves the field unset`);
    return undefined;
  };
  const fixRefs = (v: unknown, at: string): unknown => {
    if (v instanceof Ref) return asRef(v, at);
    if (v instanceof Template) {
      const parts = v.parts.map((p) => (p instanceof Ref ? asRef(p, at) : p));
      return parts.every((p) => typeof p === "string") ? parts.join("") : undefined;
    }
    if (Array.isArray(v)) return v.map((x, i) => fixRefs(x, `${at}[${i}]`)).filter((x) => x !== undefined);
    if (!isObj(v)) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fixRefs(x, `${at}.${k}`)]).filter(([, x]) => x !== undefined));
  };
  design.services = services.map((x) => fixRefs(x.out, x.out.id as string)) as Design["services"];
  design.loadBalancers = (design.loadBalancers ?? []).map((x) => fixRefs(x, x.id)) as Design["loadBalancers"];
  design.taskDefinitions = design.taskDefinitions.map((x) => fixRefs(x, x.id)) as Design["taskDefinitions"];
  design.clusters = design.clusters.map((x) => fixRefs(x, x.id)) as Design["clusters"];
  design.targetGroups = (design.targetGroups ?? []).map((x) => fixRefs(x, x.id)) as Design["targetGroups"];
  if (design.capacityProviders) design.capacityProviders = design.capacityProviders.map((x) => fixRefs(x, x.id)) as Design["capacityProviders"];
  const schedules = of("aws_scheduler_schedule");
  if (schedules.length) {
    design.scheduledTasks = schedules.map((x) => {
      // A schedule in the design's own group (stevedore-<design>, tagged with it) names no group.
      const g = refTo(x.out.group);
      if (g?.type === "aws_scheduler_schedule_group" && ownScheduleGroup(g.body.name, isObj(g.body.tags) ? g.body.tags[DESIGN_TAG] : undefined)) delete x.out.group;
      return withoutDefaultWindow(fixRefs(x.out, x.out.id as string) as Json);
    }) as Design["scheduledTasks"];
  }
  return { ok: true, design, notes };

  /** One mapped value in the design's shape. */
  function convert(path: string, value: unknown, address: string): unknown {
    switch (path) {
      case "taskDefinition.containerDefinitions": {
        const v = typeof value === "string" ? safeJson(value, `${address}.container_definitions`) : value;
        if (v !== undefined && !Array.isArray(v)) { note(`${address}.container_definitions`, "is not a list of container definitions"); return undefined; }
        return v;
      }
      case "taskDefinition.proxyConfiguration": {
        const b = one(value) as Json;
        const { properties, ...rest } = b;
        return { ...(camelBlocks(rest, false) as Json), ...(isObj(properties) ? { properties: Object.entries(properties).map(([name, v]) => ({ name, value: String(v) })) } : {}) };
      }
      case "taskDefinition.inferenceAccelerators": return camelBlocks(value, true);
      case "taskDefinition.volumes[].efsVolumeConfiguration": case "taskDefinition.volumes[].fsxWindowsFileServerVolumeConfiguration": return camelBlocks(value, false);
      case "service.networkConfiguration.awsvpcConfiguration.assignPublicIp": case "scheduledTask.networkConfiguration.awsvpcConfiguration.assignPublicIp":
        return value === true || value === "true" ? "ENABLED" : "DISABLED";
      case "scheduledTask.overrides": return typeof value === "string" ? safeJson(value, `${address}.target.input`) : value;
      case "loadBalancer.scheme": return value === true || value === "true" ? "internal" : "internet-facing";
      case "loadBalancer.listeners[].rules[].conditions[].field": case "loadBalancer.listeners[].rules[].conditions[].values": return undefined;
      case "targetGroup.deregistrationDelaySeconds": return Number(value);
      case "service.deploymentConfiguration.lifecycleHooks[].hookDetails": return typeof value === "string" ? safeJson(value, `${address}.hook_details`) : value;
      default: return value;
    }
  }
}
