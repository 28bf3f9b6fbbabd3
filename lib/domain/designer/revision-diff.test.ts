import { describe, expect, it } from "vitest";
import { addCluster, diffDesigns, isEmptyDiff, moveContainer, setField, setLayout } from ".";
import { sampleDesign } from "./test-fixtures";

describe("revision diff", () => {
  it("is empty for equal designs; layout is counted apart", () => {
    const d = sampleDesign();
    expect(isEmptyDiff(diffDesigns(d, structuredClone(d)))).toBe(true);
    const moved = setLayout(d, { "cl-main": { x: 40, y: 0 } });
    const diff = diffDesigns(d, moved);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.layoutChanged).toBe(1);
  });

  it("lists added and removed resources", () => {
    const d = sampleDesign();
    const more = addCluster(d, { name: "batch" }).design;
    const diff = diffDesigns(d, more);
    expect(diff.added).toEqual([{ kind: "cluster", id: more.clusters[1].id, name: "batch" }]);
    expect(diff.removed).toEqual([]);
    expect(diffDesigns(more, d).removed).toEqual([{ kind: "cluster", id: more.clusters[1].id, name: "batch" }]);
  });

  it("gives the changed field paths, containers by name", () => {
    const d = sampleDesign();
    let next = setField(d, ["taskDefinitions", 0, "memory"], "1024");
    next = setField(next, ["taskDefinitions", 0, "containerDefinitions", 1, "image"], "fluent-bit:4");
    next = setField(next, ["services", 0, "desiredCount"], 3);
    const diff = diffDesigns(d, next);
    expect(diff.changed).toEqual([
      { kind: "taskDefinition", id: "td-web", name: "web", paths: ["memory", "containerDefinitions[log].image"] },
      { kind: "service", id: "svc-web", name: "web", paths: ["desiredCount"] },
    ]);
  });

  it("reports containers added to and removed from a task definition", () => {
    let d = sampleDesign();
    d = { ...d, taskDefinitions: [...d.taskDefinitions, { ...d.taskDefinitions[0], id: "td-2", family: "two", containerDefinitions: [] }] };
    const r = moveContainer(d, "td-web/log", "td-2");
    if (!r.ok) throw new Error(r.reason);
    const diff = diffDesigns(d, r.design);
    expect(diff.changed.map((c) => [c.id, c.paths])).toEqual([
      ["td-web", ["containerDefinitions[app].dependsOn", "containerDefinitions[log] (removed)"]],
      ["td-2", ["containerDefinitions[log] (added)"]],
    ]);
    // An unkeyed array is compared by index.
    const s2 = setField(d, ["services", 0, "capacityProviderStrategy"], [{ capacityProvider: "FARGATE", weight: 1 }]);
    expect(diffDesigns(d, s2).changed[0].paths).toEqual(["capacityProviderStrategy"]);
  });
});
