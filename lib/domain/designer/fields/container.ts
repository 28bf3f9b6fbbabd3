import { EcsEnums } from "../../design";
import type { FieldContext, FieldGroup, FieldSpec } from "./types";

// Container fields, grouped as the ECS console's "Container" section groups them.

type Req = { type: string; value: string };

/** GPUs live in resourceRequirements as `{ type: "GPU", value: "1" }`; the form shows a number. */
const gpu: FieldSpec = {
  type: "int", path: ["resourceRequirements"], label: "GPUs",
  help: "GPUs reserved for this container (EC2 GPU instances only). ECS pins them to the container and will not place the task where they are missing.",
  read: (c) => {
    const r = ((c.resourceRequirements as Req[] | undefined) ?? []).find((x) => x.type === "GPU");
    return r ? Number(r.value) : undefined;
  },
  write: (c, v) => {
    const others = ((c.resourceRequirements as Req[] | undefined) ?? []).filter((x) => x.type !== "GPU");
    const list = v === undefined ? others : [...others, { type: "GPU", value: String(v) }];
    const next = { ...c, resourceRequirements: list };
    if (list.length === 0) delete (next as Record<string, unknown>).resourceRequirements;
    return next;
  },
};

const siblings = (ctx: FieldContext): string[] => {
  const r = ctx.r;
  return r.kind === "container" ? r.taskDefinition.containerDefinitions.map((c) => c.name).filter((n) => n !== r.container.name) : [];
};
const volumes = (ctx: FieldContext) => (ctx.r.kind === "container" ? (ctx.r.taskDefinition.volumes ?? []).map((v) => v.name) : []);

export const CONTAINER_GROUPS: FieldGroup[] = [
  {
    title: "Container details",
    fields: [
      { type: "text", path: ["image"], label: "Image", mono: true, required: true, placeholder: "repository/image:tag", help: "The image to run, with a tag or digest. A fixed tag or digest makes deployments repeatable; `latest` changes under you." },
      { type: "bool", path: ["essential"], label: "Essential", default: true, help: "When an essential container stops, ECS stops the whole task. Sidecars that may exit are usually not essential." },
    ],
  },
  {
    title: "Resource allocation limits",
    fields: [
      { type: "int", path: ["cpu"], label: "CPU units", placeholder: "e.g. 256", help: "CPU units reserved for the container (1024 = 1 vCPU). On Fargate the sum must fit in the task CPU." },
      { type: "int", path: ["memory"], label: "Memory hard limit (MiB)", help: "The container is killed if it uses more. Needed on EC2 unless the task sets memory." },
      { type: "int", path: ["memoryReservation"], label: "Memory soft limit (MiB)", help: "Memory reserved for placement; the container may burst above it up to the hard limit." },
      gpu,
    ],
  },
  {
    title: "Port mappings",
    fields: [{
      type: "list", path: ["portMappings"], label: "Port mappings", itemLabel: "Port mapping",
      help: "Ports the container listens on. Load balancers and Service Connect register these; in awsvpc mode the host port must equal the container port.",
      newItem: (ctx) => {
        const used = new Set(((ctx.resource.portMappings as { containerPort?: number }[] | undefined) ?? []).map((p) => p.containerPort));
        let p = used.size ? 8080 : 80;
        while (used.has(p)) p++;
        return { containerPort: p, protocol: "tcp" };
      },
      fields: [
        { type: "int", path: ["containerPort"], label: "Container port" },
        { type: "int", path: ["hostPort"], label: "Host port", placeholder: "dynamic" },
        { type: "select", path: ["protocol"], label: "Protocol", options: EcsEnums.TRANSPORT_PROTOCOLS, emptyLabel: "tcp" },
        { type: "text", path: ["name"], label: "Port name", placeholder: "for Service Connect" },
        { type: "select", path: ["appProtocol"], label: "App protocol", options: EcsEnums.APPLICATION_PROTOCOLS, emptyLabel: "(none)" },
      ],
    }],
  },
  {
    title: "Environment variables",
    fields: [
      {
        type: "list", path: ["environment"], label: "Environment variables", itemLabel: "Variable",
        help: "Plain-text variables. Anything secret belongs in Secrets: environment values are visible to anyone who can read the task definition.",
        newItem: () => ({ name: "", value: "" }),
        fields: [
          { type: "text", path: ["name"], label: "Name", mono: true, required: true },
          { type: "text", path: ["value"], label: "Value", mono: true, required: true },
        ],
      },
      {
        type: "list", path: ["secrets"], label: "Secrets", itemLabel: "Secret",
        help: "Variables filled at start from Secrets Manager or SSM Parameter Store. The execution role needs permission to read them.",
        newItem: () => ({ name: "", valueFrom: "" }),
        fields: [
          { type: "text", path: ["name"], label: "Name", mono: true, required: true },
          { type: "text", path: ["valueFrom"], label: "Value from (ARN)", mono: true, required: true },
        ],
      },
    ],
  },
  {
    title: "Logging",
    fields: [
      { type: "select", path: ["logConfiguration", "logDriver"], label: "Log driver", options: EcsEnums.LOG_DRIVERS, emptyLabel: "(no logging)", help: "Where stdout and stderr go. Without a log driver a crashed task leaves no trace; awslogs sends them to CloudWatch Logs." },
      { type: "map", path: ["logConfiguration", "options"], label: "Log options", keyLabel: "Option", valueLabel: "Value", help: "Driver options, e.g. awslogs-group, awslogs-region and awslogs-stream-prefix for awslogs." },
    ],
  },
  {
    title: "Health check",
    fields: [
      { type: "strings", path: ["healthCheck", "command"], label: "Command", itemLabel: "Argument", mono: true, help: "How Docker checks the container, e.g. CMD-SHELL, curl -f http://localhost/ || exit 1. HEALTHY dependencies and some deployments wait on it." },
      { type: "int", path: ["healthCheck", "interval"], label: "Interval (s)", placeholder: "30", help: "Seconds between checks (5–300)." },
      { type: "int", path: ["healthCheck", "timeout"], label: "Timeout (s)", placeholder: "5", help: "Seconds a check may take before it counts as failed (2–60)." },
      { type: "int", path: ["healthCheck", "retries"], label: "Retries", placeholder: "3", help: "Failures in a row before the container is unhealthy (1–10)." },
      { type: "int", path: ["healthCheck", "startPeriod"], label: "Start period (s)", placeholder: "0", help: "Grace time after start in which failures do not count (0–300): give slow starters time." },
    ],
  },
  {
    title: "Docker configuration",
    collapsed: true,
    fields: [
      { type: "strings", path: ["entryPoint"], label: "Entry point", itemLabel: "Entry point argument", mono: true, help: "Replaces the image's ENTRYPOINT; one list item per argument." },
      { type: "strings", path: ["command"], label: "Command", itemLabel: "Command argument", mono: true, help: "Replaces the image's CMD; one list item per argument." },
      { type: "text", path: ["workingDirectory"], label: "Working directory", mono: true, help: "Directory the command runs in." },
      { type: "text", path: ["user"], label: "User", mono: true, placeholder: "uid[:gid] or name", help: "User the process runs as. Running as non-root limits what a compromised container can do." },
      { type: "text", path: ["hostname"], label: "Hostname", mono: true, help: "Container hostname (not allowed in awsvpc mode)." },
      { type: "bool", path: ["linuxParameters", "initProcessEnabled"], label: "Init process", help: "Runs an init process as PID 1 that reaps zombies and forwards signals; needed by ECS Exec to clean up sessions." },
    ],
  },
  {
    title: "Security",
    collapsed: true,
    fields: [
      { type: "bool", path: ["readonlyRootFilesystem"], label: "Read-only root file system", help: "Blocks writes outside mounted volumes; a common hardening requirement." },
      { type: "bool", path: ["privileged"], label: "Privileged", help: "Gives the container root on the host. Not available on Fargate; avoid unless a tool truly needs it." },
    ],
  },
  {
    title: "Container timeouts",
    collapsed: true,
    fields: [
      { type: "int", path: ["startTimeout"], label: "Start timeout (s)", help: "How long to wait for dependencies to reach their condition before giving up on starting this container." },
      { type: "int", path: ["stopTimeout"], label: "Stop timeout (s)", placeholder: "30", help: "Seconds between SIGTERM and SIGKILL; time for graceful shutdown (Fargate max 120)." },
    ],
  },
  {
    title: "Storage",
    collapsed: true,
    fields: [
      {
        type: "list", path: ["mountPoints"], label: "Mount points", itemLabel: "Mount point",
        help: "Task volumes mounted into the container. The volume must be declared on the task definition.",
        newItem: (ctx) => ({ sourceVolume: volumes(ctx)[0] ?? "", containerPath: "/data" }),
        fields: [
          { type: "select", path: ["sourceVolume"], label: "Source volume", options: volumes, emptyLabel: "(choose)" },
          { type: "text", path: ["containerPath"], label: "Container path", mono: true },
          { type: "bool", path: ["readOnly"], label: "Read only" },
        ],
      },
      {
        type: "list", path: ["volumesFrom"], label: "Volumes from", itemLabel: "Volumes from",
        help: "Mounts every volume of another container of this task.",
        newItem: (ctx) => ({ sourceContainer: siblings(ctx)[0] ?? "" }),
        fields: [
          { type: "select", path: ["sourceContainer"], label: "Source container", options: siblings, emptyLabel: "(choose)" },
          { type: "bool", path: ["readOnly"], label: "Read only" },
        ],
      },
    ],
  },
  {
    title: "Startup dependency ordering",
    fields: [{
      type: "list", path: ["dependsOn"], label: "Depends on", itemLabel: "Dependency",
      help: "Containers that must reach a condition before this one starts (HEALTHY needs a health check on the other container).",
      newItem: (ctx) => ({ containerName: siblings(ctx)[0] ?? "", condition: "START" }),
      fields: [
        { type: "select", path: ["containerName"], label: "Container", options: siblings },
        { type: "select", path: ["condition"], label: "Condition", options: EcsEnums.CONTAINER_CONDITIONS },
      ],
    }],
  },
  {
    title: "Network settings",
    collapsed: true,
    fields: [
      {
        type: "list", path: ["extraHosts"], label: "Extra hosts", itemLabel: "Host entry",
        help: "Lines added to /etc/hosts (not allowed in awsvpc mode).",
        newItem: () => ({ hostname: "", ipAddress: "" }),
        fields: [
          { type: "text", path: ["hostname"], label: "Hostname", mono: true, required: true },
          { type: "text", path: ["ipAddress"], label: "IP address", mono: true, required: true },
        ],
      },
      { type: "strings", path: ["dnsServers"], label: "DNS servers", itemLabel: "DNS server", mono: true, help: "Resolvers used instead of the VPC's (not in awsvpc mode)." },
    ],
  },
  {
    title: "Resource limits (ulimits)",
    collapsed: true,
    fields: [{
      type: "list", path: ["ulimits"], label: "Ulimits", itemLabel: "Ulimit",
      help: "Per-process limits such as open files (nofile). Servers with many connections often need a higher nofile.",
      newItem: () => ({ name: "nofile", softLimit: 65536, hardLimit: 65536 }),
      fields: [
        { type: "select", path: ["name"], label: "Limit", options: EcsEnums.ULIMIT_NAMES },
        { type: "int", path: ["softLimit"], label: "Soft limit", fallback: 0 },
        { type: "int", path: ["hardLimit"], label: "Hard limit", fallback: 0 },
      ],
    }],
  },
  {
    title: "Docker labels",
    collapsed: true,
    fields: [{ type: "map", path: ["dockerLabels"], label: "Docker labels", keyLabel: "Label", valueLabel: "Value", help: "Labels on the Docker container, read by tools such as log routers and monitoring agents." }],
  },
];
