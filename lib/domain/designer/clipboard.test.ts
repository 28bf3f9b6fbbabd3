import { describe, expect, it } from "vitest";
import { copySelection, createHistory, duplicate, HISTORY_LIMIT, parseClipboard, paste, pushHistory, redo, serializeClipboard, setField, undo } from ".";
import { emptyDesign, sampleDesign } from "./test-fixtures";

describe("clipboard", () => {
  it("copies a cluster with its services and pastes into another design", () => {
    const text = serializeClipboard(copySelection(sampleDesign(), ["cl-main", "td-web"]));
    const clip = parseClipboard(text)!;
    expect(clip.services).toHaveLength(1);
    const { design, ids } = paste(emptyDesign(), clip);
    expect(design.clusters[0].clusterName).toBe("main");
    expect(design.services[0]).toMatchObject({ cluster: "main", taskDefinition: "web" });
    expect(ids).toHaveLength(3);
  });
  it("renames on collision and keeps references inside the pasted set", () => {
    const d = sampleDesign();
    const { design } = paste(d, copySelection(d, ["cl-main", "td-web"]));
    expect(design.clusters.map((c) => c.clusterName)).toEqual(["main", "main-2"]);
    expect(design.taskDefinitions.map((t) => t.family)).toEqual(["web", "web-2"]);
    expect(design.services[1]).toMatchObject({ cluster: "main-2", taskDefinition: "web-2" });
    expect(new Set(design.services.map((s) => s.id)).size).toBe(2);
    const newTd = design.taskDefinitions[1];
    expect(design.layout[`${newTd.id}/app`]).toEqual(d.layout["td-web/app"]);
    expect(design.layout[newTd.id]).toEqual({ x: 640, y: 40 });
  });
  it("pastes loose containers into a task definition, duplicates a container", () => {
    const d = sampleDesign();
    const { design, ids } = duplicate(d, ["td-web/app"]);
    expect(design.taskDefinitions[0].containerDefinitions.map((c) => c.name)).toEqual(["app", "log", "app-2"]);
    expect(ids).toEqual(["td-web/app-2"]);
    expect(design.services).toBe(d.services);
  });
  it("rejects payloads that are not a designer selection", () => {
    expect(parseClipboard("{\"kind\":\"x\"}")).toBeUndefined();
    expect(parseClipboard("not json")).toBeUndefined();
  });
});

describe("history", () => {
  it("undoes and redoes at least 100 steps", () => {
    let h = createHistory(sampleDesign());
    for (let i = 1; i <= 150; i++) h = pushHistory(h, setField(h.present, ["services", 0, "desiredCount"], i));
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    for (let i = 0; i < 149; i++) h = undo(h);
    expect(h.present.services[0].desiredCount).toBe(1);
    h = redo(redo(h));
    expect(h.present.services[0].desiredCount).toBe(3);
    h = pushHistory(h, setField(h.present, ["services", 0, "desiredCount"], 9));
    expect(h.future).toEqual([]);
  });
  it("merges consecutive edits with the same key into one step", () => {
    let h = createHistory(sampleDesign());
    h = pushHistory(h, setField(h.present, ["services", 0, "serviceName"], "w"), "name");
    h = pushHistory(h, setField(h.present, ["services", 0, "serviceName"], "we"), "name");
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.services[0].serviceName).toBe("web");
  });
});
