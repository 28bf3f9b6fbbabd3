import type { ContainerDefinition, HealthCheck, MountPoint, PortMapping, Volume } from "../design";
import { EcsEnums } from "../design";
import type { ComposeService } from "./compose-schema";
import { parseDuration, parseShortPort, shellSplit } from "./compose-values";
import type { ImportNote } from "./types";

// Converts the container-level settings of one compose service. Task-level decisions (size,
// platform, one task definition per service) are made in compose.ts.

export type Note = (severity: ImportNote["severity"], key: string, message: string) => void;

const str = (v: string | number | boolean | null) => (v === null ? "" : String(v));

export function ecsName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255) || "x";
}

/** `["A=1", "B"]` or `{ A: 1, B: null }` → pairs; entries without a value are reported. */
function pairs(v: (string | number)[] | Record<string, string | number | boolean | null>, key: string, note: Note, what: string) {
  const out: { name: string; value: string }[] = [];
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      const s = String(item);
      const eq = s.indexOf("=");
      if (eq < 0) note("warning", `${key}[${i}]`, `${what} "${s}" has no value: Compose takes it from the shell at run time; ECS cannot, so it was left out`);
      else out.push({ name: s.slice(0, eq), value: s.slice(eq + 1) });
    });
  } else {
    for (const [name, value] of Object.entries(v)) {
      if (value === null) note("warning", `${key}.${name}`, `${what} "${name}" has no value: Compose takes it from the shell at run time; ECS cannot, so it was left out`);
      else out.push({ name, value: str(value) });
    }
  }
  return out;
}

function command(v: string | (string | number)[] | null, key: string, note: Note): string[] | undefined {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map(String);
  const r = shellSplit(v);
  if (r.ok) return r.words;
  note("warning", key, `Could not split "${v}" into words (${r.error}); run through "sh -c" instead`);
  return ["sh", "-c", v];
}

function seconds(v: string | number | undefined, key: string, note: Note): number | undefined {
  if (v === undefined) return undefined;
  const s = parseDuration(v);
  if (s === undefined) { note("warning", key, `"${v}" is not a duration; left out`); return undefined; }
  if (!Number.isSafeInteger(Math.ceil(s))) { note("warning", key, `${v} seconds is more than ECS can hold; left out`); return undefined; }
  if (!Number.isInteger(s)) note("info", key, `ECS counts whole seconds: ${v} rounded up to ${Math.ceil(s)}`);
  return Math.ceil(s);
}

function healthCheck(h: NonNullable<ComposeService["healthcheck"]>, note: Note): HealthCheck | undefined {
  const k = "healthcheck";
  if (h.disable) { note("info", `${k}.disable`, "Health check disabled; none set in ECS"); return undefined; }
  if (h.test === undefined) { note("warning", `${k}.test`, "No test: Compose would use the image's HEALTHCHECK, which ECS ignores; none set"); return undefined; }
  let cmd: string[];
  if (typeof h.test === "string") cmd = ["CMD-SHELL", h.test];
  else if (h.test[0] === "NONE") { note("info", `${k}.test`, "Health check disabled (NONE); none set in ECS"); return undefined; }
  else if (h.test[0] === "CMD" || h.test[0] === "CMD-SHELL") cmd = h.test;
  else { note("warning", `${k}.test`, `A test list must start with CMD or CMD-SHELL; treated as CMD`); cmd = ["CMD", ...h.test]; }
  if (h.start_interval !== undefined) note("info", `${k}.start_interval`, "ECS health checks have no start interval; left out");
  const out: HealthCheck = { command: cmd };
  const interval = seconds(h.interval, `${k}.interval`, note);
  const timeout = seconds(h.timeout, `${k}.timeout`, note);
  const startPeriod = seconds(h.start_period, `${k}.start_period`, note);
  if (interval !== undefined) out.interval = interval;
  if (timeout !== undefined) out.timeout = timeout;
  if (h.retries !== undefined) out.retries = h.retries;
  if (startPeriod !== undefined) out.startPeriod = startPeriod;
  return out;
}

function portMappings(svc: ComposeService, note: Note): PortMapping[] {
  const out: PortMapping[] = [];
  const add = (key: string, target: string, protocol: string, extra: Partial<PortMapping> = {}) => {
    if (!/^\d+$/.test(target)) {
      note("warning", key, `Port range ${target} not converted: ECS takes ranges as containerPortRange with its own rules; add it by hand if needed`);
      return;
    }
    if (protocol !== "tcp" && protocol !== "udp") { note("warning", key, `Protocol ${protocol} is not supported by ECS port mappings; left out`); return; }
    const containerPort = Number(target);
    if (containerPort > 65535) { note("warning", key, `${target} is not a port number (0 to 65535); left out`); return; }
    if (out.some((p) => p.containerPort === containerPort && p.protocol === protocol)) {
      note("info", key, `Container port ${containerPort}/${protocol} is already mapped; duplicate left out`);
      return;
    }
    out.push({ containerPort, protocol: protocol as PortMapping["protocol"], ...extra });
  };
  const published = (key: string, pub: string | undefined, target: string) => {
    if (pub !== undefined && pub !== "" && pub !== target) {
      note("info", key, `Published port ${pub} not kept: in awsvpc mode the host port equals the container port (${target}); put a load balancer listener on ${pub} if clients need it`);
    }
  };
  svc.ports?.forEach((p, i) => {
    const key = `ports[${i}]`;
    if (typeof p === "object") {
      const target = String(p.target);
      published(key, p.published === undefined ? undefined : String(p.published), target);
      if (p.host_ip) note("info", `${key}.host_ip`, "Host IP binding has no meaning in awsvpc mode; left out");
      const app = p.app_protocol && (EcsEnums.APPLICATION_PROTOCOLS as readonly string[]).includes(p.app_protocol) ? { appProtocol: p.app_protocol as PortMapping["appProtocol"] } : {};
      if (p.app_protocol && !("appProtocol" in app)) note("info", `${key}.app_protocol`, `ECS appProtocol is http, http2 or grpc; "${p.app_protocol}" left out`);
      add(key, target, (p.protocol ?? "tcp").toLowerCase(), { ...(p.name ? { name: ecsName(p.name) } : {}), ...app });
      return;
    }
    const sp = parseShortPort(p);
    if (!sp) { note("warning", key, `"${p}" is not a port mapping Stevedore understands; left out`); return; }
    published(key, sp.published, sp.target);
    if (sp.hostIp) note("info", key, `Host IP ${sp.hostIp} has no meaning in awsvpc mode; left out`);
    add(key, sp.target, sp.protocol);
  });
  svc.expose?.forEach((p, i) => {
    const [target, protocol = "tcp"] = String(p).split("/");
    const before = out.length;
    add(`expose[${i}]`, target, protocol.toLowerCase());
    if (out.length > before) note("info", `expose[${i}]`, `Exposed port ${target} mapped: in awsvpc mode it is reachable from the VPC, subject to security groups`);
  });
  return out;
}

export type MountResult = { mountPoints: MountPoint[]; volumes: Volume[] };

function mounts(svc: ComposeService, service: string, note: Note): MountResult {
  const mountPoints: MountPoint[] = [];
  const volumes: Volume[] = [];
  const named = (key: string, source: string | undefined, target: string, readOnly: boolean) => {
    const name = source ? ecsName(source) : `${ecsName(service)}-anon-${volumes.length + 1}`;
    if (!volumes.some((v) => v.name === name)) volumes.push({ name });
    mountPoints.push({ sourceVolume: name, containerPath: target, ...(readOnly ? { readOnly: true } : {}) });
    note("warning", key, source
      ? `Volume "${source}" became task storage: on Fargate it lives as long as the task and is not shared between tasks; use an EFS volume (efsVolumeConfiguration) for data that must persist`
      : `Anonymous volume at ${target} became task storage that lives as long as the task`);
  };
  svc.volumes?.forEach((v, i) => {
    const key = `volumes[${i}]`;
    if (typeof v === "object") {
      if (v.type === "volume") named(key, v.source, v.target, v.read_only === true);
      else note("warning", key, v.type === "bind"
        ? `Bind mount of ${v.source ?? "a host path"} not converted: Fargate tasks cannot mount host paths; bake the files into the image or use EFS`
        : `Mount type "${v.type}" not converted: Fargate does not support it`);
      return;
    }
    const parts = v.split(":");
    if (parts.length === 1) { named(key, undefined, parts[0], false); return; }
    const [source, target, mode = ""] = parts;
    if (/^[./~]/.test(source) || source.includes("/")) {
      note("warning", key, `Bind mount of ${source} not converted: Fargate tasks cannot mount host paths; bake the files into the image or use EFS`);
      return;
    }
    named(key, source, target, mode.split(",").includes("ro"));
  });
  return { mountPoints, volumes };
}

function logConfiguration(l: NonNullable<ComposeService["logging"]>, note: Note): ContainerDefinition["logConfiguration"] {
  if (!l.driver) { note("info", "logging", "No log driver named; ECS default logging applies"); return undefined; }
  if (!(EcsEnums.LOG_DRIVERS as readonly string[]).includes(l.driver)) {
    note("warning", "logging.driver", `Log driver "${l.driver}" is not one ECS supports; left out (use awslogs on Fargate)`);
    return undefined;
  }
  const options = l.options ? Object.fromEntries(Object.entries(l.options).map(([k, v]) => [k, str(v)])) : undefined;
  return { logDriver: l.driver as NonNullable<ContainerDefinition["logConfiguration"]>["logDriver"], ...(options ? { options } : {}) };
}

export type ContainerResult = { container: ContainerDefinition; volumes: Volume[] };

/** The container of one compose service. `handled` receives every compose key consumed here. */
export function composeContainer(name: string, svc: ComposeService, note: Note, handled: Set<string>): ContainerResult {
  const c: ContainerDefinition = { name: ecsName(name), image: svc.image ?? `${ecsName(name)}:local`, essential: true };
  const use = (k: string) => handled.add(k);
  ["image", "build", "ports", "expose", "environment", "env_file", "command", "entrypoint", "healthcheck", "volumes", "logging",
    "user", "working_dir", "hostname", "labels", "read_only", "privileged", "stop_grace_period", "ulimits", "cap_add", "cap_drop",
    "init", "tty", "stdin_open", "sysctls"].forEach(use);
  if (ecsName(name) !== name) note("info", "", `Container name "${c.name}": ECS names allow only letters, digits, hyphens and underscores`);
  if (svc.image === undefined) {
    note("warning", svc.build ? "build" : "image", `No image${svc.build ? " (build only)" : ""}: placeholder "${c.image}" set; build the image, push it to a registry ECS can pull from (such as ECR) and put its URI here`);
  } else if (svc.build !== undefined) {
    note("info", "build", "ECS does not build images: the image named here must be pushed to a registry ECS can pull from");
  }
  const ports = portMappings(svc, note);
  if (ports.length) c.portMappings = ports;
  if (svc.environment) { const env = pairs(svc.environment, "environment", note, "Variable"); if (env.length) c.environment = env; }
  if (svc.env_file !== undefined) {
    const files = (Array.isArray(svc.env_file) ? svc.env_file : [svc.env_file]).map((f) => (typeof f === "string" ? f : f.path));
    note("warning", "env_file", `Env files (${files.join(", ")}) not read: ECS environmentFiles must be .env objects in S3; upload them and add environmentFiles entries of type "s3"`);
  }
  const cmd = svc.command === undefined ? undefined : command(svc.command, "command", note);
  const ep = svc.entrypoint === undefined ? undefined : command(svc.entrypoint, "entrypoint", note);
  if (ep) c.entryPoint = ep;
  if (cmd) c.command = cmd;
  if (svc.healthcheck) { const hc = healthCheck(svc.healthcheck, note); if (hc) c.healthCheck = hc; }
  const m = mounts(svc, name, note);
  if (m.mountPoints.length) c.mountPoints = m.mountPoints;
  if (svc.logging) { const lc = logConfiguration(svc.logging, note); if (lc) c.logConfiguration = lc; }
  if (svc.user !== undefined) c.user = String(svc.user);
  if (svc.working_dir !== undefined) c.workingDirectory = svc.working_dir;
  if (svc.hostname !== undefined) c.hostname = svc.hostname;
  if (svc.labels) c.dockerLabels = Object.fromEntries(pairs(svc.labels, "labels", note, "Label").map((p) => [p.name, p.value]));
  if (svc.read_only !== undefined) c.readonlyRootFilesystem = svc.read_only;
  if (svc.privileged !== undefined) c.privileged = svc.privileged;
  if (svc.tty !== undefined) c.pseudoTerminal = svc.tty;
  if (svc.stdin_open !== undefined) c.interactive = svc.stdin_open;
  const stop = seconds(svc.stop_grace_period, "stop_grace_period", note);
  if (stop !== undefined) c.stopTimeout = stop;
  if (svc.ulimits) {
    const ulimits: NonNullable<ContainerDefinition["ulimits"]> = [];
    for (const [ulName, v] of Object.entries(svc.ulimits)) {
      if (!(EcsEnums.ULIMIT_NAMES as readonly string[]).includes(ulName)) { note("warning", `ulimits.${ulName}`, `ECS has no ulimit "${ulName}"; left out`); continue; }
      const [softLimit, hardLimit] = typeof v === "number" ? [v, v] : [v.soft, v.hard];
      ulimits.push({ name: ulName as (typeof EcsEnums.ULIMIT_NAMES)[number], softLimit, hardLimit });
    }
    if (ulimits.length) c.ulimits = ulimits;
  }
  if (svc.cap_add || svc.cap_drop || svc.init !== undefined) {
    c.linuxParameters = {
      ...(svc.cap_add || svc.cap_drop ? { capabilities: { ...(svc.cap_add ? { add: svc.cap_add } : {}), ...(svc.cap_drop ? { drop: svc.cap_drop } : {}) } } : {}),
      ...(svc.init !== undefined ? { initProcessEnabled: svc.init } : {}),
    };
  }
  if (svc.sysctls) c.systemControls = pairs(svc.sysctls, "sysctls", note, "Sysctl").map((p) => ({ namespace: p.name, value: p.value }));
  return { container: c, volumes: m.volumes };
}
