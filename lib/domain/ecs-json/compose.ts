import { depthIssues, zodIssues, type Cluster, type Service, type TaskDefinition } from "../design";
import { composeContainer, ecsName, type Note } from "./compose-container";
import { ComposeFileSchema, type ComposeService } from "./compose-schema";
import { parseMemoryMiB, smallestFargateSize } from "./compose-values";
import { idAllocator } from "./ids";
import type { ImportIssue, ImportNote } from "./types";
import type { ComposeTarget } from "./compose-target";

// Docker Compose → ECS. Each compose service becomes one Fargate task definition (family =
// service name, awsvpc) with one container, and one ECS service, all in one cluster named
// after the project. Compose services scale and restart independently, and so do ECS
// services; putting several in one task would tie their scaling together. The price:
// `depends_on` cannot become ECS `dependsOn` (which orders containers within one task), so
// it is reported with the condition it would have had.

export type ComposeImportResult =
  | { ok: true; design: { clusters: Cluster[]; taskDefinitions: TaskDefinition[]; services: Service[] }; notes: ImportNote[] }
  | { ok: false; issues: ImportIssue[] };

const CONDITIONS: Record<string, string> = {
  service_started: "START", service_healthy: "HEALTHY", service_completed_successfully: "SUCCESS",
};

/** Why a compose key was not converted, for keys with a known reason. */
const REASONS: Record<string, string> = {
  container_name: "ECS names the container after the compose service",
  networks: "awsvpc tasks get their own network interface; use security groups, and Service Connect or service discovery for names",
  network_mode: "Fargate tasks always use awsvpc networking",
  restart: "ECS services replace stopped tasks on their own",
  extends: "not resolved; merge the extended service by hand",
  profiles: "ECS has no profiles; the service was imported regardless",
  secrets: "put the secret in Secrets Manager or SSM Parameter Store and add a container secret with valueFrom (needs an execution role)",
  configs: "bake the file into the image, or store it in S3 or SSM and fetch it at start",
  links: "links work only in bridge mode; use Service Connect or service discovery",
  external_links: "links work only in bridge mode",
  extra_hosts: "extraHosts is not supported in awsvpc mode",
  dns: "dnsServers is not supported in awsvpc mode; the VPC resolver is used",
  dns_search: "dnsSearchDomains is not supported in awsvpc mode",
  shm_size: "sharedMemorySize is not supported on Fargate",
  devices: "devices are not supported on Fargate",
  tmpfs: "tmpfs mounts are not supported on Fargate",
  security_opt: "dockerSecurityOptions are not supported on Fargate",
  pid: "pidMode is a task-level setting; set it by hand if needed",
  ipc: "ipcMode is not supported on Fargate",
  scale: "use deploy.replicas (becomes desiredCount)",
  pull_policy: "ECS pulls the image on every task start (or per versionConsistency)",
  stop_signal: "ECS always sends SIGTERM, then SIGKILL after stopTimeout",
};

function interpolations(value: unknown, path: string, out: string[]) {
  if (typeof value === "string") { if (/\$\{|\$[A-Za-z_]/.test(value.replace(/\$\$/g, ""))) out.push(path); }
  else if (Array.isArray(value)) value.forEach((v, i) => interpolations(v, `${path}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) interpolations(v, path ? `${path}.${k}` : k, out);
}

export function importCompose(value: unknown, target: ComposeTarget = {}): ComposeImportResult {
  // Compose gives null meanings of its own (`FOO:` in environment), so only the depth is bounded here.
  const deep = depthIssues(value);
  if (deep.length) return { ok: false, issues: deep };
  const parsed = ComposeFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const file = parsed.data;
  const names = Object.keys(file.services);
  if (names.length === 0) return { ok: false, issues: [{ path: "services", message: "The compose file defines no services" }] };
  const notes: ImportNote[] = [];
  const vars: string[] = [];
  interpolations(value, "", vars);
  if (vars.length) {
    notes.push({ severity: "warning", path: vars[0], message: `Variables are not substituted: ${vars.length} value(s) contain \${...}, for example at ${vars.slice(0, 3).join(", ")}; replace them with real values` });
  }
  for (const k of Object.keys(file)) {
    if (k === "name" || k === "services" || k === "volumes") continue;
    if (k === "version") notes.push({ severity: "info", path: k, message: "The version key is obsolete in Compose and means nothing to ECS" });
    else if (k.startsWith("x-")) notes.push({ severity: "info", path: k, message: "Extension field; its anchors were applied, the key itself is not converted" });
    else notes.push({ severity: "warning", path: k, message: `Top-level "${k}" not converted: ${REASONS[k] ?? "it has no ECS equivalent"}` });
  }
  for (const [vName, v] of Object.entries(file.volumes ?? {})) {
    if (v && Object.keys(v).length) notes.push({ severity: "info", path: `volumes.${vName}`, message: "Volume driver settings are not converted; Fargate task storage or EFS replaces them" });
  }
  const nextId = idAllocator();
  const clusterName = ecsName(file.name ?? "default");
  const cluster: Cluster = { id: nextId("cl", clusterName), clusterName };
  const taskDefinitions: TaskDefinition[] = [];
  const services: Service[] = [];
  for (const name of names) {
    const svc: ComposeService = file.services[name] ?? {};
    const base = `services.${name}`;
    const note: Note = (severity, key, message) => notes.push({ severity, path: key ? `${base}.${key}` : base, message });
    const handled = new Set<string>(["deploy", "depends_on", "platform", "cpus", "mem_limit", "mem_reservation"]);
    const { container, volumes } = composeContainer(name, svc, note, handled);
    const family = container.name;

    const limits = svc.deploy?.resources?.limits;
    const reservations = svc.deploy?.resources?.reservations;
    const cpus = limits?.cpus ?? svc.cpus ?? reservations?.cpus;
    if (cpus !== undefined) {
      const n = Number(cpus);
      if (Number.isFinite(n) && n > 0 && Number.isSafeInteger(Math.round(n * 1024))) container.cpu = Math.round(n * 1024);
      else note("warning", "deploy.resources.limits.cpus", `"${cpus}" is not a number of CPUs; left out`);
    }
    const memSrc = limits?.memory ?? svc.mem_limit;
    const resSrc = reservations?.memory ?? svc.mem_reservation;
    const memory = memSrc === undefined ? undefined : parseMemoryMiB(memSrc);
    const reservation = resSrc === undefined ? undefined : parseMemoryMiB(resSrc);
    if (memSrc !== undefined && memory === undefined) note("warning", "deploy.resources.limits.memory", `"${memSrc}" is not a memory size; left out`);
    if (resSrc !== undefined && reservation === undefined) note("warning", "deploy.resources.reservations.memory", `"${resSrc}" is not a memory size; left out`);
    if (memory !== undefined) container.memory = memory;
    if (reservation !== undefined) {
      if (memory !== undefined && reservation >= memory) note("info", "deploy.resources.reservations.memory", `Reservation ${reservation} MiB is not below the limit ${memory} MiB; ECS needs it lower, so only the limit was kept`);
      else container.memoryReservation = reservation;
    }
    const needMem = Math.max(memory ?? 0, reservation ?? 0);
    let size = smallestFargateSize(container.cpu ?? 0, needMem);
    if (!size) {
      size = { cpu: 16384, memory: 122880 };
      note("warning", "deploy.resources", "The resources exceed the largest Fargate task (16 vCPU, 120 GiB); the largest size was set");
    }

    const td: TaskDefinition = {
      id: nextId("td", family),
      family,
      networkMode: "awsvpc",
      requiresCompatibilities: ["FARGATE"],
      cpu: String(size.cpu),
      memory: String(size.memory),
      ...(target.executionRoleArn ? { executionRoleArn: target.executionRoleArn } : {}),
      containerDefinitions: [container],
      ...(volumes.length ? { volumes } : {}),
    };
    if (svc.platform !== undefined) {
      const arch = /arm64|aarch64/.test(svc.platform) ? "ARM64" : /amd64|x86_64/.test(svc.platform) ? "X86_64" : undefined;
      if (arch && svc.platform.startsWith("linux")) td.runtimePlatform = { operatingSystemFamily: "LINUX", cpuArchitecture: arch };
      else note("warning", "platform", `Platform "${svc.platform}" not converted; set runtimePlatform by hand`);
    }
    taskDefinitions.push(td);

    const deploy = svc.deploy ?? {};
    if (deploy.mode === "global") note("warning", "deploy.mode", "Global mode needs the DAEMON strategy, which Fargate does not offer; imported as one replica");
    for (const k of Object.keys(deploy)) {
      if (!["mode", "replicas", "resources"].includes(k)) note("info", `deploy.${k}`, `deploy.${k} not converted; ECS deployment settings live on the service (deploymentConfiguration)`);
    }
    for (const k of Object.keys(deploy.resources ?? {})) if (k !== "limits" && k !== "reservations") note("info", `deploy.resources.${k}`, "Not converted");
    for (const k of Object.keys(limits ?? {})) if (k !== "cpus" && k !== "memory") note("info", `deploy.resources.limits.${k}`, "Not converted: ECS has no such limit");
    for (const k of Object.keys(reservations ?? {})) if (k !== "cpus" && k !== "memory") note("info", `deploy.resources.reservations.${k}`, k === "devices" ? "Device reservations (GPUs) are not available on Fargate" : "Not converted");
    services.push({
      id: nextId("svc", family),
      serviceName: family,
      cluster: clusterName,
      taskDefinition: family,
      desiredCount: deploy.mode === "global" ? 1 : deploy.replicas ?? 1,
      launchType: "FARGATE",
      ...(target.subnets ? {
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: target.subnets,
            ...(target.securityGroups ? { securityGroups: target.securityGroups } : {}),
            ...(target.assignPublicIp ? { assignPublicIp: target.assignPublicIp } : {}),
          },
        },
      } : {}),
    });

    const deps = Array.isArray(svc.depends_on)
      ? svc.depends_on.map((d) => [d, "service_started"] as const)
      : Object.entries(svc.depends_on ?? {}).map(([d, v]) => [d, v?.condition ?? "service_started"] as const);
    for (const [dep, condition] of deps) {
      const ecs = CONDITIONS[condition];
      note("warning", `depends_on.${dep}`,
        `"${name}" depends on "${dep}"${ecs ? ` (would be condition ${ecs})` : ` (unknown condition "${condition}")`}, but ECS dependsOn only orders containers within one task, ` +
        `and each compose service became its own task definition and ECS service, which start independently. ` +
        `Make "${name}" retry until "${dep}" is ready, or move both containers into one task definition and add dependsOn there`);
    }
    for (const k of Object.keys(svc)) {
      if (!handled.has(k)) note(k.startsWith("x-") ? "info" : "warning", k, `"${k}" not converted: ${REASONS[k] ?? "it has no ECS equivalent"}`);
    }
  }
  return { ok: true, design: { clusters: [cluster], taskDefinitions, services }, notes };
}
