import { EcsEnums } from "../../design";
import { FARGATE_CPU_VALUES } from "../../ecs-facts/fargate";
import type { FieldGroup, FieldSpec } from "./types";

export const tagsField: FieldSpec = {
  type: "list", path: ["tags"], label: "Tags", itemLabel: "Tag",
  help: "Key/value labels for cost allocation and access control (at most 50).",
  newItem: () => ({ key: "", value: "" }),
  fields: [
    { type: "text", path: ["key"], label: "Key", mono: true, required: true },
    { type: "text", path: ["value"], label: "Value", mono: true, required: true },
  ],
};

export const TASK_DEFINITION_GROUPS: FieldGroup[] = [
  {
    title: "Infrastructure requirements",
    fields: [
      { type: "multi", path: ["requiresCompatibilities"], label: "Launch types", options: ["FARGATE", "EC2", "EXTERNAL"], help: "Where the task may run. ECS checks the task against each launch type's rules at registration (Fargate fixes cpu/memory sizes and awsvpc)." },
      { type: "select", path: ["runtimePlatform", "operatingSystemFamily"], label: "Operating system", options: ["LINUX", "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2019_FULL"], emptyLabel: "(default: LINUX)", help: "OS family of the task; must match the images." },
      { type: "select", path: ["runtimePlatform", "cpuArchitecture"], label: "CPU architecture", options: EcsEnums.CPU_ARCHITECTURES, emptyLabel: "(default: X86_64)", help: "ARM64 (Graviton) is cheaper per vCPU but needs arm64 images." },
      { type: "select", path: ["networkMode"], label: "Network mode", options: EcsEnums.NETWORK_MODES, emptyLabel: "(default: bridge)", help: "awsvpc gives each task its own network interface and security groups (required on Fargate); bridge uses Docker networking on the instance." },
      { type: "intString", path: ["cpu"], label: "Task CPU (units)", options: FARGATE_CPU_VALUES.map(String), help: "CPU for the whole task (1024 = 1 vCPU). Required on Fargate, where only some cpu/memory pairs exist." },
      { type: "intString", path: ["memory"], label: "Task memory (MiB)", help: "Memory for the whole task; containers share it. Required on Fargate." },
      { type: "text", path: ["taskRoleArn"], label: "Task role ARN", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/…", help: "The IAM role your application code assumes to call AWS APIs." },
      { type: "text", path: ["executionRoleArn"], label: "Execution role ARN", mono: true, suggest: "role", placeholder: "arn:aws:iam::…:role/ecsTaskExecutionRole", help: "The role ECS uses to pull private images, write awslogs and read secrets for you." },
    ],
  },
  {
    title: "Storage",
    fields: [
      { type: "int", path: ["ephemeralStorage", "sizeInGiB"], label: "Ephemeral storage (GiB)", placeholder: "20", help: "Fargate task scratch space, 21–200 GiB (20 GiB when unset)." },
      {
        type: "list", path: ["volumes"], label: "Volumes", itemLabel: "Volume",
        help: "Volumes containers can mount through mount points: a bind mount (host path or task scratch), EFS for shared, persistent files, or one volume configured at launch: an EBS volume per task the service describes.",
        newItem: (ctx) => {
          const taken = new Set(((ctx.resource.volumes as { name: string }[] | undefined) ?? []).map((v) => v.name));
          let n = 1;
          while (taken.has(`data${n === 1 ? "" : `-${n}`}`)) n++;
          return { name: `data${n === 1 ? "" : `-${n}`}` };
        },
        fields: [
          { type: "text", path: ["name"], label: "Name", mono: true, required: true },
          { type: "text", path: ["host", "sourcePath"], label: "Host path", mono: true, placeholder: "(task scratch)" },
          { type: "text", path: ["efsVolumeConfiguration", "fileSystemId"], label: "EFS file system id", mono: true, placeholder: "fs-…" },
          { type: "text", path: ["efsVolumeConfiguration", "rootDirectory"], label: "EFS root directory", mono: true, placeholder: "/" },
          { type: "select", path: ["efsVolumeConfiguration", "transitEncryption"], label: "EFS transit encryption", options: ["ENABLED", "DISABLED"], emptyLabel: "(default: DISABLED)", help: "TLS between the task and EFS; required for IAM authorization and access points." },
          { type: "text", path: ["efsVolumeConfiguration", "authorizationConfig", "accessPointId"], label: "EFS access point", mono: true, placeholder: "fsap-…" },
          { type: "select", path: ["efsVolumeConfiguration", "authorizationConfig", "iam"], label: "EFS IAM authorization", options: ["ENABLED", "DISABLED"], emptyLabel: "(default: DISABLED)", help: "Mount as the task role, so the file system policy decides." },
          { type: "bool", path: ["configuredAtLaunch"], label: "Configured at launch", help: "An EBS volume each service or RunTask describes (one per task definition)." },
        ],
      },
    ],
  },
  {
    title: "Advanced",
    collapsed: true,
    fields: [
      { type: "select", path: ["pidMode"], label: "PID mode", options: EcsEnums.PID_MODES, emptyLabel: "(private per container)", help: "task lets containers see each other's processes (for debuggers and sidecars)." },
      { type: "select", path: ["ipcMode"], label: "IPC mode", options: EcsEnums.IPC_MODES, emptyLabel: "(private per container)", help: "Shares IPC resources between containers (not supported on Fargate)." },
    ],
  },
  { title: "Tags", collapsed: true, fields: [tagsField] },
];
