import { describe, expect, it } from "vitest";
import { DesignSchema } from "../design";
import { validateDesign } from "../rules";
import {
  applyRawJson, connectionNeedsChoice, FIELD_GROUPS, fieldForPath, fieldPaths, mergeDesign, parseContainerEdge, rawJsonOf,
  readField, sampleShopDesign, setContainerEdgeKind, setNested, writeField, type FieldSpec,
} from ".";
import { emptyDesign, sampleDesign } from "./test-fixtures";

const spec = (groups: typeof FIELD_GROUPS.container, label: string): FieldSpec => groups!.flatMap((g) => g.fields).find((f) => f.label === label)!;

describe("field specs", () => {
  it("covers every kind the brief lists, with help on every top-level field", () => {
    const labels = (k: keyof typeof FIELD_GROUPS) => FIELD_GROUPS[k]!.flatMap((g) => g.fields.map((f) => f.label));
    expect(labels("container")).toEqual(expect.arrayContaining([
      "Image", "CPU units", "Port mappings", "Environment variables", "Secrets", "Mount points", "Volumes from", "Ulimits",
      "Depends on", "Docker labels", "Extra hosts", "Command", "Entry point", "Log driver", "Log options", "GPUs", "Init process",
    ]));
    expect(labels("taskDefinition")).toEqual(expect.arrayContaining(["Launch types", "Network mode", "Volumes", "PID mode", "IPC mode", "Ephemeral storage (GiB)", "CPU architecture", "Tags"]));
    expect(labels("service")).toEqual(expect.arrayContaining(["Desired count", "Capacity provider strategy", "Load balancers", "Circuit breaker", "Deployment controller", "Placement strategy", "ECS Exec"]));
    expect(labels("cluster")).toEqual(expect.arrayContaining(["Capacity providers", "Container Insights", "Instances"]));
    for (const groups of Object.values(FIELD_GROUPS)) for (const g of groups!) for (const f of g.fields) expect(f.help, f.label).toBeTruthy();
  });

  it("creates parents with required keys and prunes emptied ones", () => {
    const d = sampleDesign();
    const base = ["services", 0];
    const withIp = setNested(d, base, ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"], "ENABLED");
    expect(withIp.services[0].networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [], assignPublicIp: "ENABLED" } });
    const cleared = setNested(withIp, base, ["networkConfiguration", "awsvpcConfiguration", "assignPublicIp"], undefined);
    expect(cleared.services[0]).not.toHaveProperty("networkConfiguration");
    expect(DesignSchema.safeParse(withIp).success).toBe(true);
    // A required list of a block that stays keeps its empty value: the design still parses.
    const withGroup = setNested(withIp, base, ["networkConfiguration", "awsvpcConfiguration", "securityGroups"], ["sg-1"]);
    const noSubnets = setNested(setNested(withGroup, base, ["networkConfiguration", "awsvpcConfiguration", "subnets"], ["subnet-1"]), base, ["networkConfiguration", "awsvpcConfiguration", "subnets"], []);
    expect(noSubnets.services[0].networkConfiguration).toEqual({ awsvpcConfiguration: { subnets: [], securityGroups: ["sg-1"], assignPublicIp: "ENABLED" } });
    expect(DesignSchema.safeParse(noSubnets).success).toBe(true);
    // An emptied list is removed, as ECS JSON omits empty lists.
    const c = ["taskDefinitions", 0, "containerDefinitions", 0];
    expect(setNested(d, c, ["portMappings"], []).taskDefinitions[0].containerDefinitions[0]).not.toHaveProperty("portMappings");
  });

  it("maps GPUs and Container Insights through their lists", () => {
    const d = sampleDesign();
    const c = ["taskDefinitions", 0, "containerDefinitions", 0];
    const gpu = spec(FIELD_GROUPS.container, "GPUs");
    const withGpu = writeField(d, c, gpu, 2);
    expect(withGpu.taskDefinitions[0].containerDefinitions[0].resourceRequirements).toEqual([{ type: "GPU", value: "2" }]);
    expect(readField(gpu, withGpu.taskDefinitions[0].containerDefinitions[0])).toBe(2);
    expect(writeField(withGpu, c, gpu, undefined).taskDefinitions[0].containerDefinitions[0]).not.toHaveProperty("resourceRequirements");
    const ci = spec(FIELD_GROUPS.cluster, "Container Insights");
    expect(writeField(d, ["clusters", 0], ci, "enabled").clusters[0].settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
  });

  it("offers the environment's IAM roles wherever a role ARN is typed", () => {
    const fields = (groups: readonly { fields: FieldSpec[] }[]): FieldSpec[] => groups.flatMap((g) => g.fields).flatMap((f) => (f.type === "list" ? [f, ...fields([{ fields: f.fields }])] : [f]));
    const service = fields(FIELD_GROUPS.service!);
    const roleFields = service.filter((f) => f.path.at(-1) === "roleArn");
    expect(roleFields.map((f) => f.label).sort()).toEqual(["Infrastructure role ARN", "Role for ELB changes", "Role to invoke the hook"]);
    for (const f of roleFields) expect(f.type === "text" && f.suggest, f.label).toBe("role");
    const hooks = spec(FIELD_GROUPS.service, "Lifecycle hooks");
    expect(hooks.path).toEqual(["deploymentConfiguration", "lifecycleHooks"]);
    // A PAUSE hook has neither a function nor a role to invoke it with; a Lambda hook (the default type) has both.
    const hookRole = roleFields.find((f) => f.label === "Role to invoke the hook")!;
    const ctx = (resource: Record<string, unknown>) => ({ design: sampleDesign(), r: { kind: "service" } as never, resource });
    expect(hookRole.when?.(ctx({ targetType: "PAUSE" }))).toBe(false);
    expect(hookRole.when?.(ctx({ targetType: "AWS_LAMBDA" }))).toBe(true);
    expect(hookRole.when?.(ctx({}))).toBe(true);
    // A new hook is a valid PAUSE hook the schema takes.
    const item = hooks.type === "list" ? hooks.newItem(ctx({})) : {};
    const d = setNested(sampleDesign(), ["services", 0], ["deploymentConfiguration", "lifecycleHooks"], [item]);
    expect(DesignSchema.safeParse(d).success).toBe(true);
  });

  it("finds the field a finding points at: the longest rendered path it starts with", () => {
    const td = sampleDesign().taskDefinitions[0];
    const paths = fieldPaths(FIELD_GROUPS.container!, td.containerDefinitions[0]).map((p) => `taskDefinitions.0.containerDefinitions.0.${p}`);
    expect(paths).toContain("taskDefinitions.0.containerDefinitions.0.portMappings.0.containerPort");
    expect(fieldForPath(["taskDefinitions", 0, "containerDefinitions", 0, "portMappings", 0, "containerPort"], paths)).toBe("taskDefinitions.0.containerDefinitions.0.portMappings.0.containerPort");
    expect(fieldForPath(["taskDefinitions", 0, "containerDefinitions", 0, "healthCheck", "command", 1], paths)).toBe("taskDefinitions.0.containerDefinitions.0.healthCheck.command");
    expect(fieldForPath(["services", 0], paths)).toBeUndefined();
  });
});

describe("raw JSON", () => {
  it("applies a good task definition edit, keeping id and layout, and follows a family rename", () => {
    const d = sampleDesign();
    const json = JSON.parse(rawJsonOf(d, "td-web")!);
    expect(json).not.toHaveProperty("id");
    json.memory = "1024";
    json.family = "shop-web";
    const out = applyRawJson(d, "td-web", JSON.stringify(json));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.design.taskDefinitions[0]).toMatchObject({ id: "td-web", family: "shop-web", memory: "1024" });
    expect(out.design.services[0].taskDefinition).toBe("shop-web");
    expect(out.design.layout["td-web/app"]).toEqual(d.layout["td-web/app"]);
  });

  it("refuses a bad edit with the field path", () => {
    const d = sampleDesign();
    const json = JSON.parse(rawJsonOf(d, "td-web")!);
    json.containerDefinitions[0].portMappings[0].containerPort = "eighty";
    const out = applyRawJson(d, "td-web", JSON.stringify(json));
    expect(out).toMatchObject({ ok: false });
    if (!out.ok) expect(out.reason).toContain("containerDefinitions[0].portMappings[0].containerPort");
    expect(applyRawJson(d, "td-web", "{ nope")).toMatchObject({ ok: false, reason: expect.stringContaining("Malformed JSON") });
  });

  it("applies a service edit", () => {
    const d = sampleDesign();
    const json = JSON.parse(rawJsonOf(d, "svc-web")!);
    json.desiredCount = 4;
    const out = applyRawJson(d, "svc-web", JSON.stringify(json));
    expect(out.ok && out.design.services[0]).toMatchObject({ id: "svc-web", desiredCount: 4, cluster: "main" });
    json.desiredCount = "four";
    const bad = applyRawJson(d, "svc-web", JSON.stringify(json));
    expect(bad.ok === false && bad.reason).toContain("desiredCount");
  });
});

describe("sample design and merge", () => {
  it("the sample is a valid design with no errors", () => {
    const s = sampleShopDesign();
    expect(DesignSchema.safeParse(s).success).toBe(true);
    const errors = validateDesign(s).filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("loads into an empty design as is, and merges with renames on collision", () => {
    const once = mergeDesign(emptyDesign(), sampleShopDesign());
    expect(once.design.services.map((s) => s.serviceName)).toEqual(["storefront", "orders-api"]);
    expect(once.design.layout[once.design.clusters[0].id]).toEqual({ x: 0, y: 0 });
    const twice = mergeDesign(once.design, sampleShopDesign());
    expect(twice.design.clusters.map((c) => c.clusterName)).toEqual(["shop", "shop-2"]);
    expect(twice.design.taskDefinitions.map((t) => t.family)).toEqual(["storefront", "orders-api", "storefront-2", "orders-api-2"]);
    const copy = twice.design.services[2];
    expect(copy).toMatchObject({ cluster: "shop-2", taskDefinition: "storefront-2" });
    expect(copy.loadBalancers?.[0].targetGroupArn).toBe("targetgroup/storefront-tg-2");
    expect(twice.design.layout[twice.design.clusters[1].id].y).toBeGreaterThan(100);
    expect(new Set(twice.design.clusters.map((c) => c.id)).size).toBe(2);
  });

  it("brings capacity providers and scheduled tasks along (an imported Terraform file loses neither), renamed on collision with the references following", () => {
    const incoming = {
      ...sampleShopDesign(),
      capacityProviders: [
        { id: "cp-asg", name: "ec2", autoScalingGroupProvider: { autoScalingGroupArn: "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f:autoScalingGroupName/shop" } },
        { id: "cp-mi", name: "managed", managedInstancesProvider: { cluster: "shop", infrastructureRoleArn: "arn:aws:iam::123456789012:role/ecsInfra", instanceLaunchTemplate: { ec2InstanceProfileArn: "arn:aws:iam::123456789012:instance-profile/ecsInstance", networkConfiguration: { subnets: ["subnet-0a1b2c3d"] } } } },
      ],
      scheduledTasks: [{ id: "sched-n", name: "nightly", cluster: "shop", taskDefinition: "storefront", scheduleExpression: "rate(1 day)", roleArn: "arn:aws:iam::123456789012:role/sched" }],
    } as unknown as ReturnType<typeof sampleShopDesign>;
    incoming.clusters = incoming.clusters.map((c) => ({ ...c, capacityProviders: ["ec2"], defaultCapacityProviderStrategy: [{ capacityProvider: "ec2", weight: 1 }] }));
    const once = mergeDesign(emptyDesign(), incoming).design;
    expect(once.capacityProviders?.map((p) => p.name)).toEqual(["ec2", "managed"]);
    expect(once.scheduledTasks?.map((t) => t.name)).toEqual(["nightly"]);
    const twice = mergeDesign(once, incoming).design;
    expect(twice.capacityProviders?.map((p) => p.name)).toEqual(["ec2", "managed", "ec2-2", "managed-2"]);
    // The pasted cluster names the pasted provider; the first cluster still names its own.
    expect(twice.clusters.map((c) => [c.clusterName, c.capacityProviders, c.defaultCapacityProviderStrategy?.[0].capacityProvider]))
      .toEqual([["shop", ["ec2"], "ec2"], ["shop-2", ["ec2-2"], "ec2-2"]]);
    expect(twice.capacityProviders?.[3].managedInstancesProvider?.cluster).toBe("shop-2");
    expect(twice.scheduledTasks?.map((t) => [t.name, t.cluster, t.taskDefinition])).toEqual([["nightly", "shop", "storefront"], ["nightly-2", "shop-2", "storefront-2"]]);
  });
});

describe("container edge kind", () => {
  const bridge = () => {
    const d = sampleDesign();
    return { ...d, taskDefinitions: [{ ...d.taskDefinitions[0], networkMode: "bridge" as const, requiresCompatibilities: ["EC2" as const] }] };
  };
  it("asks dependsOn-or-link only in bridge mode", () => {
    expect(connectionNeedsChoice(sampleDesign(), "td-web/log", "td-web/app")).toBe(false);
    expect(connectionNeedsChoice(bridge(), "td-web/log", "td-web/app")).toBe(true);
  });
  it("turns a dependsOn into a link and back, and changes the condition", () => {
    const d = bridge();
    const edge = "dep|td-web|app|log";
    expect(parseContainerEdge(d, edge)).toMatchObject({ relation: "dependsOn", condition: "START" });
    const healthy = setContainerEdgeKind(d, edge, { relation: "dependsOn", condition: "HEALTHY" });
    expect(healthy.ok && healthy.design.taskDefinitions[0].containerDefinitions[0].dependsOn).toEqual([{ containerName: "log", condition: "HEALTHY" }]);
    const link = setContainerEdgeKind(d, edge, { relation: "link" });
    expect(link).toMatchObject({ ok: true, id: "link|td-web|app|log" });
    if (!link.ok) return;
    expect(link.design.taskDefinitions[0].containerDefinitions[0]).toMatchObject({ links: ["log"] });
    expect(link.design.taskDefinitions[0].containerDefinitions[0]).not.toHaveProperty("dependsOn");
  });
  it("refuses a link outside bridge mode with the reason", () => {
    const out = setContainerEdgeKind(sampleDesign(), "dep|td-web|app|log", { relation: "link" });
    expect(out).toMatchObject({ ok: false, reason: expect.stringContaining("bridge") });
  });
});
