import type { RevisionJson, TaskDefinitionJson } from "./deployments";

// What changed between a deployment's source (blue) and target (green) service revisions: the
// task definition (images, cpu and memory, environment variable and secret names, ports) and the
// revision's own settings (load balancers, Service Connect, network, capacity). Values of
// environment variables are not shown: only their names, as secrets are often passed that way.

export type RevisionChange = { area: "task definition" | "container" | "load balancer" | "service connect" | "network" | "capacity"; what: string; from?: string; to?: string };

export type RevisionSide = { revision?: RevisionJson | null; taskDefinition?: TaskDefinitionJson | null };

const shortTd = (arn: string | null | undefined) => (arn ? arn.slice(arn.lastIndexOf("/") + 1) : undefined);
const list = (xs: readonly (string | undefined)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort().join(", ");

function push(out: RevisionChange[], area: RevisionChange["area"], what: string, from: string | undefined, to: string | undefined) {
  if ((from ?? "") === (to ?? "")) return;
  out.push({ area, what, ...(from ? { from } : {}), ...(to ? { to } : {}) });
}

function taskDefinitionChanges(out: RevisionChange[], a: TaskDefinitionJson | null | undefined, b: TaskDefinitionJson | null | undefined) {
  if (!a || !b) return;
  push(out, "task definition", "cpu", a.cpu ?? undefined, b.cpu ?? undefined);
  push(out, "task definition", "memory", a.memory ?? undefined, b.memory ?? undefined);
  push(out, "task definition", "network mode", a.networkMode ?? undefined, b.networkMode ?? undefined);
  push(out, "task definition", "task role", a.taskRoleArn ?? undefined, b.taskRoleArn ?? undefined);
  const before = new Map((a.containerDefinitions ?? []).map((c) => [c?.name ?? "", c]));
  const after = new Map((b.containerDefinitions ?? []).map((c) => [c?.name ?? "", c]));
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(name);
    const y = after.get(name);
    if (!x) { out.push({ area: "container", what: `${name} added`, ...(y?.image ? { to: y.image } : {}) }); continue; }
    if (!y) { out.push({ area: "container", what: `${name} removed`, ...(x.image ? { from: x.image } : {}) }); continue; }
    push(out, "container", `${name} image`, x.image ?? undefined, y.image ?? undefined);
    push(out, "container", `${name} cpu`, x.cpu?.toString(), y.cpu?.toString());
    push(out, "container", `${name} memory`, x.memory?.toString(), y.memory?.toString());
    push(out, "container", `${name} memory reservation`, x.memoryReservation?.toString(), y.memoryReservation?.toString());
    push(out, "container", `${name} environment names`, list((x.environment ?? []).map((e) => e?.name ?? undefined)), list((y.environment ?? []).map((e) => e?.name ?? undefined)));
    push(out, "container", `${name} secret names`, list((x.secrets ?? []).map((e) => e?.name ?? undefined)), list((y.secrets ?? []).map((e) => e?.name ?? undefined)));
    const ports = (c: typeof x) => list((c.portMappings ?? []).map((p) => (p ? `${p.containerPort}${p.protocol ? `/${p.protocol}` : ""}${p.name ? ` (${p.name})` : ""}` : undefined)));
    push(out, "container", `${name} ports`, ports(x), ports(y));
    push(out, "container", `${name} health check`, x.healthCheck?.command?.join(" "), y.healthCheck?.command?.join(" "));
    push(out, "container", `${name} command`, x.command?.join(" "), y.command?.join(" "));
  }
}

/** Every difference, task definition first; empty when the two revisions run the same thing (a forced new deployment). */
export function revisionDiff(source: RevisionSide, target: RevisionSide): RevisionChange[] {
  const out: RevisionChange[] = [];
  const a = source.revision;
  const b = target.revision;
  push(out, "task definition", "revision", shortTd(a?.taskDefinition ?? source.taskDefinition?.taskDefinitionArn), shortTd(b?.taskDefinition ?? target.taskDefinition?.taskDefinitionArn));
  taskDefinitionChanges(out, source.taskDefinition, target.taskDefinition);
  if (!source.taskDefinition || !target.taskDefinition) {
    // Without both task definitions, the revisions' resolved images still tell what runs.
    const images = (r: RevisionJson | null | undefined) => new Map((r?.containerImages ?? []).map((c) => [c?.containerName ?? "", c?.image ?? c?.imageDigest ?? ""]));
    const x = images(a);
    const y = images(b);
    for (const name of [...new Set([...x.keys(), ...y.keys()])].sort()) push(out, "container", `${name} image`, x.get(name), y.get(name));
  }
  if (!a || !b) return out;
  const lbs = (r: RevisionJson) => list((r.loadBalancers ?? []).map((l) => (l ? `${shortTd(l.targetGroupArn) ?? l.loadBalancerName ?? "?"} → ${l.containerName}:${l.containerPort}` : undefined)));
  push(out, "load balancer", "targets", lbs(a), lbs(b));
  const sc = (r: RevisionJson) => {
    const c = r.serviceConnectConfiguration;
    if (!c?.enabled) return "off";
    return `${c.namespace ?? "default namespace"}: ${list((c.services ?? []).map((s) => (s ? `${s.portName}${(s.clientAliases ?? []).length ? ` as ${(s.clientAliases ?? []).map((x) => `${x?.dnsName ?? s.discoveryName ?? s.portName}:${x?.port}`).join(" ")}` : ""}` : undefined)))}`;
  };
  push(out, "service connect", "configuration", sc(a), sc(b));
  const vpc = (r: RevisionJson) => r.networkConfiguration?.awsvpcConfiguration;
  push(out, "network", "subnets", list(vpc(a)?.subnets ?? []), list(vpc(b)?.subnets ?? []));
  push(out, "network", "security groups", list(vpc(a)?.securityGroups ?? []), list(vpc(b)?.securityGroups ?? []));
  push(out, "network", "public IP", vpc(a)?.assignPublicIp ?? undefined, vpc(b)?.assignPublicIp ?? undefined);
  const cap = (r: RevisionJson) => r.launchType ?? list((r.capacityProviderStrategy ?? []).map((c) => (c ? `${c.capacityProvider} w${c.weight ?? 0}${c.base ? ` b${c.base}` : ""}` : undefined)));
  push(out, "capacity", "launch type or capacity providers", cap(a) || undefined, cap(b) || undefined);
  push(out, "capacity", "platform version", a.platformVersion ?? undefined, b.platformVersion ?? undefined);
  return out;
}
