import { describe, expect, it } from "vitest";
import { FIELD_GROUPS } from "../designer/fields";
import {
  conceptForField, conceptForKind, conceptForRule, FIELD_CONCEPTS, fieldKey, KIND_BLURBS, KIND_CONCEPTS, RULE_CONCEPTS, rulesWithoutConcept,
} from "./concept-links";
import { LESSONS } from ".";

/** The top-level field specs of the inspector's forms that show help text, by `<kind>:<path>`. */
const helpedFields = Object.entries(FIELD_GROUPS).flatMap(([kind, groups]) =>
  groups!.flatMap((g) => g.fields).filter((f) => f.help).map((f) => fieldKey(kind, f.path)));

describe("concept links", () => {
  it("cover every rule of the validator", () => {
    expect(rulesWithoutConcept()).toEqual([]);
  });
  it("cover every inspector field that has help text", () => {
    expect(helpedFields.filter((k) => !(k in FIELD_CONCEPTS))).toEqual([]);
  });
  it("name only fields the inspector shows with help text (no stale keys)", () => {
    const known = new Set(helpedFields);
    expect(Object.keys(FIELD_CONCEPTS).filter((k) => !known.has(k))).toEqual([]);
  });
  it("explain every node kind the inspector links", () => {
    expect(Object.keys(KIND_BLURBS).sort()).toEqual(Object.keys(KIND_CONCEPTS).sort());
    for (const [kind, blurb] of Object.entries(KIND_BLURBS)) expect(blurb, kind).toMatch(/^[A-Z].{40,}\.$/);
  });
  it("point at lessons that exist", () => {
    const ids = new Set(LESSONS.map((l) => l.id));
    for (const t of [...Object.values(RULE_CONCEPTS), ...Object.values(KIND_CONCEPTS), ...Object.values(FIELD_CONCEPTS)]) {
      if (t.lesson) expect(ids.has(t.lesson), t.lesson).toBe(true);
    }
  });
  it("build the concepts page anchor and lesson addresses", () => {
    expect(conceptForRule("fargate-task-size")).toEqual({
      concept: "launch-types", title: "EC2 and Fargate", href: "/learn/concepts#launch-types",
      lesson: { id: "fargate-awsvpc", title: "Why Fargate needs awsvpc and fixed sizes", href: "/learn/fargate-awsvpc" },
    });
    expect(conceptForKind("service")?.href).toBe("/learn/concepts#ecs-building-blocks");
    expect(conceptForRule("no-such-rule")).toBeUndefined();
  });
  it("find a field's concept by its spec path", () => {
    expect(conceptForField("taskDefinition", ["networkMode"])).toMatchObject({
      title: "Network modes", href: "/learn/concepts#network-modes", lesson: { href: "/learn/bridge-ports" },
    });
    expect(conceptForField("service", ["deploymentConfiguration", "minimumHealthyPercent"])?.lesson?.id).toBe("rolling-deployment");
    expect(conceptForField("container", ["image"])).toMatchObject({ concept: "registries" });
    expect(conceptForField("container", ["image"])?.lesson).toBeUndefined();
    expect(conceptForField("container", ["portMappings", 0, "hostPort"])).toBeUndefined();
  });
});
