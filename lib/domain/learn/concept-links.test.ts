import { describe, expect, it } from "vitest";
import { conceptForKind, conceptForRule, KIND_CONCEPTS, RULE_CONCEPTS, rulesWithoutConcept } from "./concept-links";
import { LESSONS } from ".";

describe("concept links", () => {
  it("cover every rule of the validator", () => {
    expect(rulesWithoutConcept()).toEqual([]);
  });
  it("point at lessons that exist", () => {
    const ids = new Set(LESSONS.map((l) => l.id));
    for (const t of [...Object.values(RULE_CONCEPTS), ...Object.values(KIND_CONCEPTS)]) {
      if (t.lesson) expect(ids.has(t.lesson), t.lesson).toBe(true);
    }
  });
  it("build the concepts page anchor and lesson addresses", () => {
    expect(conceptForRule("fargate-task-size")).toEqual({
      concept: "launch-types", title: "EC2 and Fargate", href: "/learn/concepts#launch-types",
      lesson: { id: "fargate-awsvpc", href: "/learn/fargate-awsvpc" },
    });
    expect(conceptForKind("service")?.href).toBe("/learn/concepts#ecs-building-blocks");
    expect(conceptForRule("no-such-rule")).toBeUndefined();
  });
});
