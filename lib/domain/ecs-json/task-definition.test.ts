import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateDesign } from "../rules";
import { exportDesignAsEcs, exportTaskDefinition, importTaskDefinition, importText, TASK_DEFINITION_READ_ONLY_KEYS } from ".";

const dir = fileURLToPath(new URL("../../../fixtures/ecs/task-definitions/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

/** The file's JSON with every null member left out (the fixtures hold no null array items). */
const withoutNullMembers = (text: string) => JSON.parse(text, (_k, v) => (v === null ? undefined : v));

/** What RegisterTaskDefinition would be given: the bare task definition without read-only keys and nulls. */
function expectedInput(text: string): Record<string, unknown> {
  const raw = withoutNullMembers(text);
  const td = { ...((raw.taskDefinition as Record<string, unknown>) ?? raw) };
  for (const k of TASK_DEFINITION_READ_ONLY_KEYS) delete td[k];
  return td;
}

describe("real task definitions round-trip", () => {
  it("has at least five fixtures", () => expect(files.length).toBeGreaterThanOrEqual(5));

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(dir + file, "utf8");
      const raw = JSON.parse(text);
      const r = importTaskDefinition(raw);
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      expect(exportTaskDefinition(r.taskDefinition)).toStrictEqual(expectedInput(text));
      expect(JSON.stringify(exportTaskDefinition(r.taskDefinition))).not.toContain("null");

      const viaText = importText(text, { fileName: file });
      if (!viaText.ok) throw new Error(JSON.stringify(viaText.issues));
      expect(viaText.format).toBe("task-definition");
      expect(viaText.design.taskDefinitions[0].id).toBe(`td-${r.taskDefinition.family}`);
      expect(exportDesignAsEcs(viaText.design).taskDefinitions).toStrictEqual([expectedInput(text)]);
      // None of these files breaks an ECS rule (see fixtures/ecs/SOURCES.md).
      expect(validateDesign(viaText.design).filter((f) => f.severity === "error")).toEqual([]);
    });
  }
});

describe("importTaskDefinition", () => {
  it("strips and reports each read-only key of a DescribeTaskDefinition answer, and moves tags inside", () => {
    const answer = {
      taskDefinition: {
        taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7", revision: 7, status: "ACTIVE",
        requiresAttributes: [{ name: "com.amazonaws.ecs.capability.task-iam-role" }], compatibilities: ["EC2", "FARGATE"],
        registeredAt: "2024-01-01T00:00:00Z", registeredBy: "arn:aws:iam::123456789012:user/x", deregisteredAt: "2024-02-01T00:00:00Z",
        family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 256 }],
      },
      tags: [{ key: "team", value: "shop" }],
    };
    const r = importTaskDefinition(answer);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.notes.filter((n) => n.message.includes("stripped")).map((n) => n.path)).toEqual(
      TASK_DEFINITION_READ_ONLY_KEYS.map((k) => `taskDefinition.${k}`),
    );
    expect(exportTaskDefinition(r.taskDefinition)).toEqual({
      family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 256 }], tags: [{ key: "team", value: "shop" }],
    });
  });

  it("keeps unknown keys at any depth, reports them, and exports them unchanged", () => {
    const input = {
      family: "web",
      futureTaskField: { a: [1, 2] },
      containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 256, futureContainerField: true, healthCheck: { command: ["CMD", "true"], futureHc: 1 } }],
    };
    const r = importTaskDefinition(input);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.notes.map((n) => [n.severity, n.path])).toEqual([
      ["info", "futureTaskField"],
      ["info", "containerDefinitions[0].futureContainerField"],
      ["info", "containerDefinitions[0].healthCheck.futureHc"],
    ]);
    expect(exportTaskDefinition(r.taskDefinition)).toEqual(input);
  });

  it("gives zod field paths for wrong shapes", () => {
    const r = importTaskDefinition({ family: "web", containerDefinitions: [{ name: "app", image: 5, memory: "a lot" }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(["containerDefinitions[0].image", "containerDefinitions[0].memory"]);
  });

  it("prefixes paths inside a DescribeTaskDefinition answer", () => {
    const r = importTaskDefinition({ taskDefinition: { family: "web", containerDefinitions: "nope" } });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(["taskDefinition.containerDefinitions"]);
  });

  it("refuses what is not an object", () => {
    expect(importTaskDefinition([1]).ok).toBe(false);
    expect(importTaskDefinition(null).ok).toBe(false);
  });
});

describe("unknown keys named like Object.prototype members", () => {
  it("are reported like any other", () => {
    const r = importTaskDefinition({ family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27" }], toString: "x" });
    expect(r.ok && r.notes.map((n) => n.path)).toEqual(["toString"]);
  });
});
