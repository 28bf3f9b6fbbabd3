import { describe, expect, it } from "vitest";
import type { Design } from "../design";
import { addNodeAt, addTaskDefinition, SIZES, toFlow, type EditResult } from ".";
import { emptyDesign, sampleDesign } from "./test-fixtures";

// sampleDesign: cluster cl-main at (0,0) holding svc-web at (16,84); task definition td-web at
// (600,0) holding containers app (16,84) and log (252,84).

const nodesOf = (d: Design) => toFlow(d, []).nodes;
const added = (r: EditResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe("addNodeAt", () => {
  it("centres a top-level node on the point", () => {
    const d = emptyDesign();
    const cluster = added(addNodeAt(d, [], [], "cluster", { x: 500, y: 300 }, "drop"));
    expect(cluster.design.layout[cluster.id]).toEqual({ x: 500 - SIZES.group.minWidth / 2, y: 300 - SIZES.group.minHeight / 2 });
    const td = added(addNodeAt(d, [], [], "taskDefinition", { x: 500, y: 300 }, "keyboard"));
    expect(td.design.layout[td.id]).toEqual({ x: 350, y: 220 });
    const tg = added(addNodeAt(d, [], [], "targetGroup", { x: 500, y: 300 }, "drop"));
    expect(tg.design.layout[tg.id]).toEqual({ x: 500 - SIZES.targetGroup.width / 2, y: 300 - SIZES.targetGroup.height / 2 });
  });

  describe("a container", () => {
    it("dropped inside a task definition goes in at the drop point, relative to it", () => {
      let d = sampleDesign();
      const empty = addTaskDefinition(d, { family: "api", at: { x: 0, y: 400 }, withContainer: false });
      d = empty.design;
      const r = added(addNodeAt(d, nodesOf(d), [], "container", { x: 150, y: 500 }, "drop"));
      const td = r.design.taskDefinitions.find((t) => t.id === empty.id)!;
      expect(td.containerDefinitions.map((c) => c.name)).toEqual(["web"]);
      // Centred on the point (150-110, 500-400-48), kept below the group's header.
      expect(r.design.layout[r.id]).toEqual({ x: 40, y: SIZES.group.header });
    });

    it("dropped on a sibling takes the next free slot instead of covering it", () => {
      const d = sampleDesign();
      const r = added(addNodeAt(d, nodesOf(d), [], "container", { x: 700, y: 150 }, "drop"));
      expect(r.id).toBe("td-web/web");
      expect(r.design.layout[r.id]).toEqual({ x: 16, y: SIZES.group.header + SIZES.container.height + SIZES.group.gap });
    });

    it("dropped outside every task definition is refused", () => {
      const d = sampleDesign();
      expect(addNodeAt(d, nodesOf(d), [], "container", { x: 2000, y: 2000 }, "drop")).toEqual({ ok: false, reason: "Drop the container inside a task definition." });
    });

    it("added by keyboard goes into the selected task definition, or the one of the selected container", () => {
      let d = sampleDesign();
      d = addTaskDefinition(d, { family: "api", at: { x: 0, y: 400 } }).design;
      expect(added(addNodeAt(d, nodesOf(d), ["td-web"], "container", { x: 0, y: 0 }, "keyboard")).id).toBe("td-web/web");
      expect(added(addNodeAt(d, nodesOf(d), ["td-web/log"], "container", { x: 0, y: 0 }, "keyboard")).id).toBe("td-web/web");
    });

    it("added by keyboard with nothing selected goes into the only task definition, else asks for a selection", () => {
      let d = sampleDesign();
      expect(added(addNodeAt(d, nodesOf(d), [], "container", { x: 0, y: 0 }, "keyboard")).id).toBe("td-web/web");
      d = addTaskDefinition(d, { family: "api", at: { x: 0, y: 400 } }).design;
      const r = addNodeAt(d, nodesOf(d), ["svc-web"], "container", { x: 0, y: 0 }, "keyboard");
      expect(r).toEqual({ ok: false, reason: "Select a task definition first: containers are added into it." });
    });
  });

  describe("a service", () => {
    it("dropped inside a cluster joins it; elsewhere it stands alone, centred", () => {
      const d = sampleDesign();
      const outside = added(addNodeAt(d, nodesOf(d), [], "service", { x: 150, y: 1000 }, "drop"));
      expect(outside.design.services.find((s) => s.id === outside.id)!.cluster).toBe("");
      expect(outside.design.layout[outside.id]).toEqual({ x: 150 - SIZES.service.width / 2, y: 1000 - SIZES.service.height / 2 });

      // A cluster with room: cl-main grown to 800 × 400 by its stored size.
      const roomy = { ...d, layout: { ...d.layout, "cl-main": { x: 0, y: 0, width: 800, height: 400 } } };
      const r = added(addNodeAt(roomy, nodesOf(roomy), [], "service", { x: 500, y: 300 }, "drop"));
      expect(r.design.services.find((s) => s.id === r.id)!.cluster).toBe("main");
      expect(r.design.layout[r.id]).toEqual({ x: 500 - SIZES.service.width / 2, y: 300 - SIZES.service.height / 2 });
    });

    it("added by keyboard goes into the selected cluster, or the cluster of the selected service", () => {
      const d = sampleDesign();
      for (const selection of [["cl-main"], ["svc-web"]]) {
        const r = added(addNodeAt(d, nodesOf(d), selection, "service", { x: 0, y: 0 }, "keyboard"));
        expect(r.design.services.find((s) => s.id === r.id)!.cluster).toBe("main");
      }
      const alone = added(addNodeAt(d, nodesOf(d), ["td-web"], "service", { x: 400, y: 400 }, "keyboard"));
      expect(alone.design.services.find((s) => s.id === alone.id)!.cluster).toBe("");
      expect(alone.design.layout[alone.id]).toEqual({ x: 290, y: 358 });
    });
  });
});
