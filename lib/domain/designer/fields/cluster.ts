import { providerChoices } from "../capacity-providers";
import type { FieldGroup } from "./types";
import { tagsField } from "./task-definition";

type Setting = { name: string; value: string };

export const CLUSTER_GROUPS: FieldGroup[] = [
  {
    title: "Infrastructure",
    fields: [
      { type: "strings", path: ["capacityProviders"], label: "Capacity providers", itemLabel: "Capacity provider", mono: true, help: "FARGATE, FARGATE_SPOT, Auto Scaling group providers, or this cluster's own Managed Instances providers (the design's capacityProviders, by name)." },
      {
        type: "list", path: ["defaultCapacityProviderStrategy"], label: "Default capacity provider strategy", itemLabel: "Default provider",
        help: "Used by services that set neither a launch type nor their own strategy.",
        newItem: () => ({ capacityProvider: "FARGATE", weight: 1 }),
        fields: [
          { type: "text", path: ["capacityProvider"], label: "Provider", mono: true, required: true, choices: (ctx) => providerChoices(ctx.design) },
          { type: "int", path: ["weight"], label: "Weight" },
          { type: "int", path: ["base"], label: "Base" },
        ],
      },
    ],
  },
  {
    title: "Service Connect",
    fields: [{
      type: "text", path: ["serviceConnectDefaults", "namespace"], label: "Default namespace", mono: true, suggest: "namespace", placeholder: "e.g. shop",
      help: "The Cloud Map namespace (name or ARN) of the cluster's Service Connect services that name none. A name not in use yet: ECS creates an HTTP namespace of that name.",
    }],
  },
  {
    title: "Monitoring",
    fields: [{
      type: "select", path: ["settings"], label: "Container Insights", options: ["enabled", "enhanced", "disabled"], emptyLabel: "(account default)",
      help: "CloudWatch metrics per task and service; costs extra but shows what is short of CPU or memory.",
      read: (c) => ((c.settings as Setting[] | undefined) ?? []).find((s) => s.name === "containerInsights")?.value,
      write: (c, v) => {
        const others = ((c.settings as Setting[] | undefined) ?? []).filter((s) => s.name !== "containerInsights");
        const list = v === undefined ? others : [...others, { name: "containerInsights", value: String(v) }];
        const next: Record<string, unknown> = { ...c, settings: list };
        if (list.length === 0) delete next.settings;
        return next;
      },
    }],
  },
  {
    title: "EC2 instances (designed)",
    fields: [{
      type: "list", path: ["instances"], label: "Instances", itemLabel: "Instance",
      help: "EC2 instances you plan to register, so capacity checks can tell whether the tasks fit.",
      newItem: (ctx) => {
        const taken = new Set(((ctx.resource.instances as { id: string }[] | undefined) ?? []).map((i) => i.id));
        let n = taken.size + 1;
        while (taken.has(`${String(ctx.resource.id)}-i${n}`)) n++;
        return { id: `${String(ctx.resource.id)}-i${n}`, instanceType: "t3.medium", cpu: 2048, memory: 3904 };
      },
      fields: [
        { type: "text", path: ["instanceType"], label: "Instance type", mono: true },
        { type: "int", path: ["cpu"], label: "CPU units", fallback: 0 },
        { type: "int", path: ["memory"], label: "Memory (MiB)", fallback: 0 },
        { type: "text", path: ["availabilityZone"], label: "Availability Zone", mono: true },
      ],
    }],
  },
  { title: "Tags", collapsed: true, fields: [tagsField] },
];
