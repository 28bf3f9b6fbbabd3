import { describe, expect, it } from "vitest";
import { emptyDesign } from "../design";
import { MAX_DOCUMENT_BYTES } from "../design";
import { detectFormat, importText } from ".";

const td = { family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 256 }] };

describe("importText", () => {
  it("detects each format", () => {
    expect(detectFormat({ schemaVersion: 1 })).toBe("design");
    expect(detectFormat(td)).toBe("task-definition");
    expect(detectFormat({ taskDefinition: td })).toBe("task-definition");
    expect(detectFormat({ serviceName: "a" })).toBe("service");
    expect(detectFormat({ services: [] })).toBe("service");
    expect(detectFormat({ services: { a: {} } })).toBe("compose");
    expect(detectFormat({ hello: 1 })).toBeUndefined();
  });

  it("wraps a task definition into a one-task-definition design with a deterministic id", () => {
    const r = importText(JSON.stringify(td));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.design.taskDefinitions.map((t) => t.id)).toEqual(["td-web"]);
    expect(r.design.layout).toEqual({ "td-web": { x: 0, y: 360 }, "td-web/app": { x: 0, y: 540 } });
  });

  it("reads a design document through parseDesign", () => {
    const r = importText(JSON.stringify({ ...emptyDesign(), clusters: [{ id: "c1", clusterName: "main" }] }));
    expect(r.ok && r.format === "design" && r.design.clusters[0].clusterName).toBe("main");
    const bad = importText(JSON.stringify({ schemaVersion: 1, clusters: "x", taskDefinitions: [], services: [], layout: {} }));
    expect(bad.ok ? null : [bad.format, bad.issues[0].path]).toEqual(["design", "clusters"]);
  });

  it("reads task definitions written in YAML too", () => {
    const r = importText("family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx:1.27\n    memory: 256\n", { fileName: "td.yaml" });
    expect(r.ok && r.format).toBe("task-definition");
  });

  it("names line and column of malformed JSON, even where JSON.parse does not", () => {
    const r = importText('{\n  "family": "web",\n  "cpu": }\n');
    expect(r.ok ? null : r.issues[0]).toEqual({ path: "line 3, column 10", message: expect.stringMatching(/^Malformed JSON at line 3, column 10: /) });
    const trailing = importText('{"family": "web",}');
    expect(trailing.ok ? null : trailing.issues[0].path).toBe("line 1, column 18");
  });

  it("names line and column of malformed YAML", () => {
    const r = importText("services:\n  web:\n    image: [unclosed\n", { fileName: "compose.yaml" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].path).toMatch(/^line \d+, column \d+$/);
    expect(r.issues[0].message).toMatch(/^Malformed YAML at line/);
  });

  it("refuses inputs over 1 MiB, empty inputs, and unknown documents", () => {
    const big = importText(" ".repeat(MAX_DOCUMENT_BYTES + 1));
    expect(big.ok ? null : big.issues[0].message).toMatch(/at most 1 MiB/);
    expect(importText("  \n").ok).toBe(false);
    const unknown = importText('{"hello": 1}');
    expect(unknown.ok ? null : unknown.issues[0].message).toMatch(/^Not a format Stevedore knows/);
  });

  it("honours a forced format", () => {
    const r = importText(JSON.stringify(td), { format: "service" });
    expect(r.ok ? null : [r.format, r.issues.map((i) => i.path)]).toEqual(["service", ["serviceName", "taskDefinition"]]);
  });
});

describe("null means not set, in every format read as ECS JSON", () => {
  const note = (notes: { message: string; path: string }[]) => notes.find((n) => n.message.startsWith('null means "not set"'));

  it("a task definition with nulls imports, tells which were left out, and exports none", () => {
    const r = importText(JSON.stringify({ ...td, cpu: null, containerDefinitions: [{ ...td.containerDefinitions[0], ulimits: null, dnsServers: null }] }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(note(r.notes)).toMatchObject({
      path: "containerDefinitions[0].ulimits",
      message: expect.stringContaining("3 null values left out (containerDefinitions[0].ulimits, containerDefinitions[0].dnsServers, cpu)"),
    });
    expect(JSON.stringify(r.design)).not.toContain("null");
  });

  it("a DescribeServices answer with nulls, items of lists too", () => {
    const r = importText(JSON.stringify({ services: [{ serviceName: "web", cluster: "main", taskDefinition: "web", loadBalancers: null, tags: [null] }], failures: null }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(note(r.notes)?.message).toContain("services[0].loadBalancers, services[0].tags[0], failures");
    expect(r.design.services[0]).toStrictEqual({ id: "svc-web", serviceName: "web", cluster: "main", taskDefinition: "web", tags: [] });
  });

  it("a design with nulls in its resources", () => {
    const r = importText(JSON.stringify({ ...emptyDesign(), targetGroups: null, taskDefinitions: [{ id: "td-1", ...td, memory: null }] }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(note(r.notes)?.message).toContain("(taskDefinitions[0].memory, targetGroups)");
    expect(JSON.stringify(r.design)).not.toContain("null");
  });

  it("refuses a document nested absurdly deep, naming where", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const r = importText(`{"family":"web","containerDefinitions":[],"x":${deep}}`);
    expect(r.ok ? null : r.issues[0].path).toMatch(/^x\[0\]/);
  });
});
