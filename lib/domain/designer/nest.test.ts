import { describe, expect, it } from "vitest";
import { validateDesign } from "../rules";
import { addCluster, addTaskDefinition, applyNestDrop, classifyNestDrop, nestTargetAt, toFlow, type FlowNode } from ".";
import { sampleDesign } from "./test-fixtures";

/** sample + a second task definition at (600, 400) and a second cluster at (0, 400). */
function twoOfEach() {
  let d = sampleDesign();
  const td = addTaskDefinition(d, { family: "api", at: { x: 600, y: 400 } });
  d = td.design;
  const cl = addCluster(d, { name: "other", at: { x: 0, y: 400 } });
  d = cl.design;
  const nodes = toFlow(d, validateDesign(d)).nodes;
  return { d, nodes, td2: td.id, cl2: cl.id };
}
const byId = (nodes: FlowNode[], id: string) => nodes.find((n) => n.id === id)!;

describe("drag to nest", () => {
  it("finds the group under the dragged child's centre", () => {
    const { nodes, td2, cl2 } = twoOfEach();
    const app = byId(nodes, "td-web/app");
    expect(nestTargetAt(nodes, app)).toBe("td-web");
    // td-web is at (600,0); td2 at (600,400): relative y 420 puts the centre inside td2.
    expect(nestTargetAt(nodes, app, { x: 16, y: 420 })).toBe(td2);
    expect(nestTargetAt(nodes, byId(nodes, "svc-web"), { x: 16, y: 420 })).toBe(cl2);
    expect(nestTargetAt(nodes, byId(nodes, "td-web"))).toBeUndefined();
  });

  it("moves a container into another task definition (dependsOn dropped, name kept, position inside)", () => {
    const { d, nodes, td2 } = twoOfEach();
    const app = byId(nodes, "td-web/app");
    expect(classifyNestDrop(nodes, app, { x: 16, y: 420 }).kind).toBe("move");
    const r = applyNestDrop(d, nodes, app, { x: 16, y: 420 })!;
    if (!r.ok) throw new Error(r.reason);
    const target = r.design.taskDefinitions.find((t) => t.id === td2)!;
    expect(target.containerDefinitions.map((c) => c.name)).toEqual(["web", "app"]);
    expect(target.containerDefinitions[1].dependsOn).toBeUndefined();
    expect(r.design.taskDefinitions[0].containerDefinitions.map((c) => c.name)).toEqual(["log"]);
    expect(r.id).toBe(`${td2}/app`);
    expect(r.design.layout[`${td2}/app`]).toEqual({ x: 16, y: 84 });
    expect(r.design.layout["td-web/app"]).toBeUndefined();
  });

  it("renames on a name collision and refuses a full task definition", () => {
    const { d, nodes, td2 } = twoOfEach();
    // td2 already has "web"; moving it a container named web goes in as web-2.
    let d2 = { ...d, taskDefinitions: d.taskDefinitions.map((t) => t.id === "td-web" ? { ...t, containerDefinitions: t.containerDefinitions.map((c) => c.name === "log" ? { ...c, name: "web" } : c) } : t) };
    d2 = { ...d2, layout: { ...d2.layout, "td-web/web": d2.layout["td-web/log"] } };
    const n2 = toFlow(d2, []).nodes;
    const r = applyNestDrop(d2, n2, byId(n2, "td-web/web"), { x: 16, y: 420 })!;
    if (!r.ok) throw new Error(r.reason);
    expect(r.design.taskDefinitions.find((t) => t.id === td2)!.containerDefinitions.map((c) => c.name)).toEqual(["web", "web-2"]);

    const full = { ...d, taskDefinitions: d.taskDefinitions.map((t) => t.id === td2 ? { ...t, containerDefinitions: Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, image: "x" })) } : t) };
    const refused = applyNestDrop(full, nodes, byId(nodes, "td-web/app"), { x: 16, y: 420 })!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/at most 10 containers/);
  });

  it("dropped on empty canvas, a container gets a new task definition named after it", () => {
    const { d, nodes } = twoOfEach();
    const app = byId(nodes, "td-web/app");
    const drop = classifyNestDrop(nodes, app, { x: 1000, y: 16 });
    expect(drop.kind).toBe("newTaskDefinition");
    const r = applyNestDrop(d, nodes, app, { x: 1000, y: 16 })!;
    if (!r.ok) throw new Error(r.reason);
    expect(r.design.taskDefinitions).toHaveLength(3);
    const made = r.design.taskDefinitions[2];
    expect(made.family).toBe("app");
    expect(made.containerDefinitions.map((c) => c.name)).toEqual(["app"]);
    expect(r.id).toBe(`${made.id}/app`);
    // The new group sits where the container was dropped: container centre = abs (1710, 64).
    const at = r.design.layout[made.id];
    expect(at.x + 16 + 110).toBe(600 + 1000 + 110);
  });

  it("inside its own group: stores the (clamped) position; a service dropped nowhere snaps back", () => {
    const { d, nodes } = twoOfEach();
    const r = applyNestDrop(d, nodes, byId(nodes, "td-web/app"), { x: 40, y: 100 })!;
    if (!r.ok) throw new Error(r.reason);
    expect(r.design.layout["td-web/app"]).toEqual({ x: 40, y: 100 });
    const clamped = applyNestDrop(d, nodes, byId(nodes, "td-web/app"), { x: 2, y: 20 })!;
    if (clamped.ok) expect(clamped.design.layout["td-web/app"]).toEqual({ x: 16, y: 84 });
    const back = applyNestDrop(d, nodes, byId(nodes, "svc-web"), { x: -900, y: 16 })!;
    expect(back.ok && back.design).toBe(d);
  });

  it("moves a service into another cluster; a group drag is not a nest drop", () => {
    const { d, nodes, cl2 } = twoOfEach();
    const r = applyNestDrop(d, nodes, byId(nodes, "svc-web"), { x: 16, y: 420 })!;
    if (!r.ok) throw new Error(r.reason);
    expect(r.design.services[0].cluster).toBe("other");
    expect(r.design.layout["svc-web"].y).toBeGreaterThanOrEqual(84);
    expect(toFlow(r.design, []).nodes.find((n) => n.id === "svc-web")!.parentId).toBe(cl2);
    expect(applyNestDrop(d, nodes, byId(nodes, "td-web"))).toBeUndefined();
  });
});
