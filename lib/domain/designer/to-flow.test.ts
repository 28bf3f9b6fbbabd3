import { describe, expect, it } from "vitest";
import { validateDesign } from "../rules";
import { createFlowBuilder, setField, toFlow } from ".";
import { autoLayout } from "./auto-layout";
import { sampleDesign } from "./test-fixtures";

describe("toFlow", () => {
  it("nests containers in task definitions and services in clusters, parents first", () => {
    const { nodes, edges } = toFlow(sampleDesign(), []);
    expect(nodes.map((n) => [n.id, n.parentId])).toEqual([
      ["cl-main", undefined], ["svc-web", "cl-main"], ["td-web", undefined], ["td-web/app", "td-web"], ["td-web/log", "td-web"],
    ]);
    expect(edges.map((e) => e.id).sort()).toEqual(["dep|td-web|app|log", "uses|svc-web"]);
    const td = nodes.find((n) => n.id === "td-web")!;
    expect(td.data.summary).toMatchObject({ launchType: "FARGATE", networkMode: "awsvpc", cpu: 256, memory: 512 });
    expect(td.width).toBeGreaterThanOrEqual(252 + 220 + 16);
  });
  it("counts findings on the node they are about", () => {
    const d = setField(sampleDesign(), ["taskDefinitions", 0, "memory"], "4096");
    const { nodes } = toFlow(d, validateDesign(d));
    expect(nodes.find((n) => n.id === "td-web")!.data.findings.error).toBeGreaterThan(0);
  });
  it("keeps unchanged nodes as the same objects between builds", () => {
    const build = createFlowBuilder();
    const d = sampleDesign();
    const a = build(d, []);
    const b = build(setField(d, ["services", 0, "desiredCount"], 5), []);
    expect(b.nodes.find((n) => n.id === "td-web/app")).toBe(a.nodes.find((n) => n.id === "td-web/app"));
    expect(b.nodes.find((n) => n.id === "svc-web")).not.toBe(a.nodes.find((n) => n.id === "svc-web"));
  });
});

describe("autoLayout", () => {
  it("places every node without overlaps among siblings", async () => {
    const layout = await autoLayout(sampleDesign());
    expect(Object.keys(layout).sort()).toEqual(["cl-main", "svc-web", "td-web", "td-web/app", "td-web/log"]);
    const a = layout["td-web/app"], b = layout["td-web/log"];
    expect(a.x !== b.x || a.y !== b.y).toBe(true);
    expect(layout["td-web"].width).toBeGreaterThan(220);
    expect(layout["td-web/app"].y).toBeGreaterThanOrEqual(84);
    const lone = await autoLayout({ ...sampleDesign(), taskDefinitions: [{ ...sampleDesign().taskDefinitions[0], containerDefinitions: [{ name: "app", image: "x" }] }] });
    expect(lone["td-web"].width).toBeGreaterThanOrEqual(300);
  });
});

describe("groupAt", () => {
  it("finds the task definition under a point and places a child inside it", async () => {
    const { groupAt, childPositionAt } = await import(".");
    const { nodes } = toFlow(sampleDesign(), []);
    const td = groupAt(nodes, { x: 650, y: 50 }, "taskDefinition")!;
    expect(td.id).toBe("td-web");
    expect(groupAt(nodes, { x: 5000, y: 50 }, "taskDefinition")).toBeUndefined();
    expect(childPositionAt(td, { x: 600, y: 0 }, { width: 220, height: 96 }, 84, 16)).toEqual({ x: 16, y: 84 });
  });
});
