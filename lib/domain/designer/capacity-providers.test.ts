import { describe, expect, it } from "vitest";
import { DesignSchema, type Design } from "../design";
import { validateDesign } from "../rules";
import {
  addNodeAt, buildEdges, canConnect, connect, disconnect, FIELD_GROUPS, providerChoices, readField, removeNodes, rename, resolveNode, toFlow, writeField,
  type FieldSpec,
} from ".";
import { sampleDesign } from "./test-fixtures";

const ASG_ARN = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:0b4f7c2e-1a2b-4c3d-9e8f-123456789abc:autoScalingGroupName/ecs-ec2";

const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r as Extract<T, { ok: true }>;
};

/** The fixture with a new capacity provider from the palette. */
function withProvider(): { design: Design; id: string } {
  const r = ok(addNodeAt(sampleDesign(), [], [], "capacityProvider", { x: 100, y: 100 }, "drop"));
  return { design: r.design, id: r.id! };
}

const field = (path: string) => FIELD_GROUPS.capacityProvider!.flatMap((g) => g.fields).find((f) => f.path.join(".") === path) as FieldSpec;

describe("capacity providers on the canvas", () => {
  it("adds an Auto Scaling group provider with managed scaling, centred on the drop point, as its own node", () => {
    const { design, id } = withProvider();
    const cp = design.capacityProviders![0];
    expect(cp).toMatchObject({ id, name: "ec2-capacity", autoScalingGroupProvider: { autoScalingGroupArn: "", managedScaling: { status: "ENABLED", targetCapacity: 100 } } });
    expect(design.layout[id]).toEqual({ x: -20, y: 56 });
    const node = toFlow(design, []).nodes.find((n) => n.id === id)!;
    expect(node).toMatchObject({ type: "capacityProvider", data: { summary: { name: "ec2-capacity", type: "ASG", detail: "target 100%", managedScaling: true } } });
    expect(DesignSchema.safeParse(design).success).toBe(true);
    // The new provider has no ASG yet: the rule says so, on the provider's node.
    expect(validateDesign(design).some((f) => f.resource.id === id && f.path.join(".").endsWith("autoScalingGroupArn"))).toBe(true);
  });

  it("never names a new provider after a built-in one or another provider", () => {
    const { design } = withProvider();
    const again = ok(addNodeAt(design, [], [], "capacityProvider", { x: 0, y: 0 }, "keyboard"));
    expect(again.design.capacityProviders!.map((p) => p.name)).toEqual(["ec2-capacity", "ec2-capacity-2"]);
  });

  it("a cluster connected to the provider associates it, and the edge goes with a disconnect", () => {
    const { design, id } = withProvider();
    expect(canConnect(design, "cl-main", id)).toEqual({ ok: true });
    const d = ok(connect(design, id, "cl-main")).design; // either direction
    expect(d.clusters[0].capacityProviders).toEqual(["ec2-capacity"]);
    const edge = buildEdges(d).find((e) => e.data.kind === "capacity")!;
    expect(edge).toMatchObject({ id: "cpa|cl-main|ec2-capacity", source: "cl-main", target: id });
    expect(canConnect(d, "cl-main", id)).toEqual({ ok: false, reason: "Cluster main already has ec2-capacity." });
    expect(disconnect(d, edge.id).clusters[0]).not.toHaveProperty("capacityProviders");
  });

  it("a service connected to the provider names it in its strategy instead of a launch type", () => {
    const { design, id } = withProvider();
    const d = ok(connect(design, "svc-web", id)).design;
    expect(d.services[0].capacityProviderStrategy).toEqual([{ capacityProvider: "ec2-capacity", weight: 1 }]);
    expect(d.services[0]).not.toHaveProperty("launchType");
    const edge = buildEdges(d).find((e) => e.data.kind === "strategy")!;
    expect(edge).toMatchObject({ id: "cps|svc-web|ec2-capacity", source: "svc-web", target: id, label: "weight 1" });
    expect(canConnect(d, "svc-web", id).ok).toBe(false);
    expect(disconnect(d, edge.id).services[0]).not.toHaveProperty("capacityProviderStrategy");
  });

  it("a Managed Instances provider belongs to the cluster it is connected to, and refuses another cluster's services", () => {
    const { design, id } = withProvider();
    const kind = field("kind");
    let d = writeField(design, ["capacityProviders", 0], kind, "Managed Instances");
    expect(d.capacityProviders![0]).not.toHaveProperty("autoScalingGroupProvider");
    expect(readField(kind, d.capacityProviders![0] as Record<string, unknown>)).toBe("Managed Instances");
    expect(DesignSchema.safeParse(d).success).toBe(true);
    d = ok(connect(d, "cl-main", id)).design;
    expect(d.capacityProviders![0].managedInstancesProvider!.cluster).toBe("main");
    const other: Design = { ...d, clusters: [...d.clusters, { id: "cl-b", clusterName: "b" }], services: [...d.services, { id: "svc-b", serviceName: "b", cluster: "b", taskDefinition: "web" }] };
    expect(canConnect(other, "cl-b", id)).toEqual({ ok: false, reason: "ec2-capacity is a Managed Instances provider of cluster main: it is usable only there." });
    expect(canConnect(other, "svc-b", id)).toEqual({ ok: false, reason: "ec2-capacity belongs to cluster main; the service runs in b." });
    // Disconnecting the cluster leaves the provider without one (the rule asks for it).
    const apart = disconnect(d, "cpa|cl-main|ec2-capacity");
    expect(apart.capacityProviders![0].managedInstancesProvider!.cluster).toBe("");
    expect(buildEdges(apart).some((e) => e.data.kind === "capacity")).toBe(false);
  });

  it("instance requirements bring both ranges ECS requires", () => {
    const { design } = withProvider();
    const mi = writeField(design, ["capacityProviders", 0], field("kind"), "Managed Instances");
    const next = writeField(mi, ["capacityProviders", 0], field("managedInstancesProvider.instanceLaunchTemplate.instanceRequirements.vCpuCount.max"), 8);
    expect(next.capacityProviders![0].managedInstancesProvider!.instanceLaunchTemplate.instanceRequirements).toEqual({ vCpuCount: { min: 1, max: 8 }, memoryMiB: { min: 1024 } });
    expect(DesignSchema.safeParse(next).success).toBe(true);
  });

  it("a rename follows into clusters, default strategies and service strategies; a delete drops them", () => {
    const { design, id } = withProvider();
    let d = ok(connect(design, "cl-main", id)).design;
    d = ok(connect(d, "svc-web", id)).design;
    d = { ...d, clusters: [{ ...d.clusters[0], defaultCapacityProviderStrategy: [{ capacityProvider: "ec2-capacity", base: 1, weight: 1 }] }] };
    expect(rename(d, id, "fargate-like")).toEqual({ ok: false, reason: "A capacity provider's name cannot begin with aws, ecs or fargate." });
    const renamed = ok(rename(d, id, "ec2-main")).design;
    expect(renamed.clusters[0]).toMatchObject({ capacityProviders: ["ec2-main"], defaultCapacityProviderStrategy: [{ capacityProvider: "ec2-main", base: 1, weight: 1 }] });
    expect(renamed.services[0].capacityProviderStrategy).toEqual([{ capacityProvider: "ec2-main", weight: 1 }]);
    expect(resolveNode(renamed, id)?.kind).toBe("capacityProvider");
    const { design: gone, removed } = removeNodes(renamed, [id]);
    expect(removed).toEqual([id]);
    expect(gone.capacityProviders).toEqual([]);
    expect(gone.clusters[0]).not.toHaveProperty("capacityProviders");
    expect(gone.clusters[0]).not.toHaveProperty("defaultCapacityProviderStrategy");
    expect(gone.services[0]).not.toHaveProperty("capacityProviderStrategy");
    expect(gone.layout).not.toHaveProperty(id);
  });

  it("offers FARGATE, FARGATE_SPOT and the design's providers to strategy pickers", () => {
    const { design } = withProvider();
    expect(providerChoices(design).map((c) => c.value)).toEqual(["FARGATE", "FARGATE_SPOT", "ec2-capacity"]);
  });

  it("a finding on the ARN goes when a valid ARN is set", () => {
    const { design, id } = withProvider();
    const arn = field("autoScalingGroupProvider.autoScalingGroupArn");
    const d = writeField(design, ["capacityProviders", 0], arn, ASG_ARN);
    expect(validateDesign(d).filter((f) => f.resource.id === id && f.severity === "error")).toEqual([]);
  });
});
