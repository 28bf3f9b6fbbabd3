import { describe, expect, it } from "vitest";
import { DesignSchema } from "../design";
import { validateDesign } from "../rules";
import {
  addCluster, addContainer, addService, addTargetGroup, addTaskDefinition, applyEdits, canConnect, connect, disconnect,
  moveContainer, removeNodes, rename, setAt, setField, setLayout, setServiceCluster, setTargetGroupArn, uniqueName,
} from ".";
import { emptyDesign, sampleDesign } from "./test-fixtures";

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

describe("paths", () => {
  it("copies only the objects on the path", () => {
    const d = sampleDesign();
    const next = setAt(d, ["taskDefinitions", 0, "memory"], "1024");
    expect(next.taskDefinitions[0].memory).toBe("1024");
    expect(next.services).toBe(d.services);
    expect(next.taskDefinitions[0].containerDefinitions).toBe(d.taskDefinitions[0].containerDefinitions);
    expect(d.taskDefinitions[0].memory).toBe("512");
  });
  it("removes keys with undefined and returns the same design for a no-op", () => {
    const d = sampleDesign();
    const next = setField(d, ["taskDefinitions", 0, "cpu"], undefined);
    expect("cpu" in next.taskDefinitions[0]).toBe(false);
    expect(setField(d, ["services", 0, "desiredCount"], 2)).toBe(d);
  });
  it("applies a finding's fix edits so the finding goes away", () => {
    const d = setField(sampleDesign(), ["taskDefinitions", 0, "memory"], "4096");
    const f = validateDesign(d).find((x) => x.ruleId === "fargate-task-size")!;
    expect(f).toBeDefined();
    const fixed = applyEdits(d, f.fix!.edits!);
    expect(validateDesign(fixed).some((x) => x.ruleId === "fargate-task-size")).toBe(false);
  });
});

describe("add", () => {
  it("gives unique default names and sensible defaults", () => {
    expect(uniqueName("web", ["web", "web-2"])).toBe("web-3");
    let d = emptyDesign();
    const a = addTaskDefinition(d, { at: { x: 10, y: 20 } });
    d = a.design;
    const b = addTaskDefinition(d);
    expect(b.design.taskDefinitions.map((t) => t.family)).toEqual(["web", "web-2"]);
    const td = a.design.taskDefinitions[0];
    expect(td).toMatchObject({ cpu: "256", memory: "512", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"] });
    expect(td.containerDefinitions[0]).toMatchObject({ image: "nginx:1.27", portMappings: [{ containerPort: 80 }] });
    expect(a.design.layout[a.id]).toEqual({ x: 10, y: 20 });
    expect(validateDesign(b.design).filter((f) => f.severity === "error")).toEqual([]);
  });
  it("adds containers up to ten, each in a free slot", () => {
    let d = addTaskDefinition(emptyDesign()).design;
    const tdId = d.taskDefinitions[0].id;
    for (let i = 0; i < 9; i++) d = ok(addContainer(d, tdId)).design;
    const names = d.taskDefinitions[0].containerDefinitions.map((c) => c.name);
    expect(new Set(names).size).toBe(10);
    const slots = names.map((n) => JSON.stringify(d.layout[`${tdId}/${n}`]));
    expect(new Set(slots).size).toBe(10);
    const ports = d.taskDefinitions[0].containerDefinitions.map((c) => c.portMappings![0].containerPort);
    expect(new Set(ports).size).toBe(10);
    expect(validateDesign(d).filter((f) => f.severity === "error")).toEqual([]);
    const full = addContainer(d, tdId);
    expect(full.ok).toBe(false);
  });
  it("adds services inside a cluster and target groups", () => {
    let d = addCluster(emptyDesign()).design;
    const s = ok(addService(d, { clusterId: d.clusters[0].id }));
    expect(s.design.services[0].cluster).toBe("default");
    d = addTargetGroup(s.design).design;
    expect(d.targetGroups?.[0]).toMatchObject({ name: "web-tg", targetType: "ip" });
    expect(DesignSchema.safeParse(d).success).toBe(true);
  });
});

describe("rename", () => {
  it("updates services when a cluster or family is renamed, keeping the revision", () => {
    let d = sampleDesign();
    d = { ...d, services: [{ ...d.services[0], taskDefinition: "web:3" }] };
    d = ok(rename(d, "td-web", "api")).design;
    expect(d.services[0].taskDefinition).toBe("api:3");
    d = ok(rename(d, "cl-main", "prod")).design;
    expect(d.services[0].cluster).toBe("prod");
  });
  it("renames a container with its references and its layout key", () => {
    const d0 = sampleDesign();
    const r = ok(rename(d0, "td-web/log", "logger"));
    const td = r.design.taskDefinitions[0];
    expect(r.id).toBe("td-web/logger");
    expect(td.containerDefinitions[0].dependsOn).toEqual([{ containerName: "logger", condition: "START" }]);
    expect(r.design.layout["td-web/logger"]).toEqual(d0.layout["td-web/log"]);
    expect(r.design.layout["td-web/log"]).toBeUndefined();
    expect(r.design.services).toBe(d0.services);
  });
  it("refuses collisions and invalid names", () => {
    expect(rename(sampleDesign(), "td-web/log", "app").ok).toBe(false);
    expect(rename(sampleDesign(), "td-web", "bad name").ok).toBe(false);
  });
  it("follows a target group rename and ARN in service references", () => {
    let d = addTargetGroup(sampleDesign()).design;
    const tg = d.targetGroups![0];
    d = ok(connect(d, "svc-web", tg.id)).design;
    expect(d.services[0].loadBalancers).toEqual([{ targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80 }]);
    d = ok(rename(d, tg.id, "front")).design;
    expect(d.services[0].loadBalancers![0].targetGroupArn).toBe("targetgroup/front");
    d = ok(setTargetGroupArn(d, tg.id, "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/front/abc")).design;
    expect(d.services[0].loadBalancers![0].targetGroupArn).toMatch(/^arn:/);
  });
});

describe("move", () => {
  it("moves a container, dropping references that only made sense in the old task", () => {
    let d = addTaskDefinition(sampleDesign(), { family: "worker" }).design;
    const target = d.taskDefinitions[1].id;
    const r = ok(moveContainer(d, "td-web/log", target));
    d = r.design;
    expect(d.taskDefinitions[0].containerDefinitions.map((c) => c.name)).toEqual(["app"]);
    expect(d.taskDefinitions[0].containerDefinitions[0].dependsOn).toBeUndefined();
    expect(d.taskDefinitions[1].containerDefinitions.map((c) => c.name)).toEqual(["web", "log"]);
    expect(d.layout["td-web/log"]).toBeUndefined();
    expect(d.layout[r.id]).toBeDefined();
  });
  it("sets a service's cluster and stores layouts without copying when unchanged", () => {
    let d = addCluster(sampleDesign(), { name: "other" }).design;
    d = ok(setServiceCluster(d, "svc-web", d.clusters[1].id)).design;
    expect(d.services[0].cluster).toBe("other");
    expect(setLayout(d, { "svc-web": d.layout["svc-web"] })).toBe(d);
    expect(setLayout(d, { "svc-web": { x: 1, y: 2 } }).layout["svc-web"]).toEqual({ x: 1, y: 2 });
  });
});

describe("connect", () => {
  it("connects a service to a task definition", () => {
    let d = addTaskDefinition(sampleDesign(), { family: "api" }).design;
    expect(canConnect(d, "svc-web", "td-web")).toEqual({ ok: false, reason: expect.stringContaining("already") });
    d = ok(connect(d, "svc-web", d.taskDefinitions[1].id)).design;
    expect(d.services[0].taskDefinition).toBe("api");
    expect(disconnect(d, "uses|svc-web").services[0].taskDefinition).toBe("");
  });
  it("adds dependsOn, refuses cycles, self and other tasks", () => {
    const d = sampleDesign();
    expect(canConnect(d, "td-web/log", "td-web/app").ok).toBe(false);
    expect(canConnect(d, "td-web/app", "td-web/app").ok).toBe(false);
    expect(canConnect(d, "svc-web", "cl-main").ok).toBe(false);
    const d2 = disconnect(d, "dep|td-web|app|log");
    expect(d2.taskDefinitions[0].containerDefinitions[0].dependsOn).toBeUndefined();
    const r = ok(connect(d2, "td-web/log", "td-web/app", { condition: "HEALTHY" }));
    expect(r.design.taskDefinitions[0].containerDefinitions[1].dependsOn).toEqual([{ containerName: "app", condition: "HEALTHY" }]);
  });
  it("allows links only in bridge mode", () => {
    const d = sampleDesign();
    expect(canConnect(d, "td-web/app", "td-web/log", { relation: "link" })).toMatchObject({ ok: false, reason: expect.stringContaining("bridge") });
    const bridge = setField(setField(d, ["taskDefinitions", 0, "networkMode"], "bridge"), ["taskDefinitions", 0, "requiresCompatibilities"], ["EC2"]);
    const r = ok(connect(bridge, "td-web/app", "td-web/log", { relation: "link" }));
    expect(r.design.taskDefinitions[0].containerDefinitions[0].links).toEqual(["log"]);
  });
  it("needs a task definition with a mapped port before a target group", () => {
    let d = addTargetGroup(sampleDesign()).design;
    d = setField(d, ["services", 0, "taskDefinition"], "");
    expect(canConnect(d, "svc-web", d.targetGroups![0].id).ok).toBe(false);
  });
});

describe("remove", () => {
  it("removes a cluster with its services and their layout", () => {
    const { design, removed } = removeNodes(sampleDesign(), ["cl-main"]);
    expect(design.clusters).toEqual([]);
    expect(design.services).toEqual([]);
    expect(removed.sort()).toEqual(["cl-main", "svc-web"]);
    expect(design.layout["svc-web"]).toBeUndefined();
  });
  it("removes a container and the dependsOn naming it", () => {
    const { design } = removeNodes(sampleDesign(), ["td-web/log"]);
    expect(design.taskDefinitions[0].containerDefinitions).toHaveLength(1);
    expect(design.taskDefinitions[0].containerDefinitions[0].dependsOn).toBeUndefined();
  });
  it("removes a task definition with its containers' layout, keeping services", () => {
    const { design } = removeNodes(sampleDesign(), ["td-web"]);
    expect(design.services).toHaveLength(1);
    expect(Object.keys(design.layout).some((k) => k.startsWith("td-web"))).toBe(false);
  });
  it("removes a target group and the load balancer entries naming it", () => {
    let d = addTargetGroup(sampleDesign()).design;
    d = ok(connect(d, "svc-web", d.targetGroups![0].id)).design;
    d = removeNodes(d, [d.targetGroups![0].id]).design;
    expect(d.services[0].loadBalancers).toBeUndefined();
  });
});
