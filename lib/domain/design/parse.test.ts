import { describe, expect, it } from "vitest";
import * as ecs from "@aws-sdk/client-ecs";
import { parseDesign, emptyDesign, CURRENT_SCHEMA_VERSION, EcsEnums, familyOf, clusterNameOf } from ".";

describe("parseDesign", () => {
  it("accepts an empty design", () => {
    expect(parseDesign(emptyDesign())).toEqual({ ok: true, design: emptyDesign() });
  });

  it("upgrades a pre-release document without schemaVersion", () => {
    const r = parseDesign({ clusters: [], taskDefinitions: [], services: [] });
    expect(r).toMatchObject({ ok: true, upgradedFrom: 0, design: { schemaVersion: CURRENT_SCHEMA_VERSION, layout: {} } });
  });

  it("refuses a document from a newer release, naming the field", () => {
    const r = parseDesign({ ...emptyDesign(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toBe("schemaVersion");
  });

  it("names the field of a shape error", () => {
    const doc = { ...emptyDesign(), taskDefinitions: [{ id: "t", family: "web", containerDefinitions: [{ name: "a", image: 3 }] }] };
    const r = parseDesign(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain("taskDefinitions[0].containerDefinitions[0].image");
  });

  it("refuses non-objects", () => {
    for (const bad of [null, 3, "x", []]) expect(parseDesign(bad).ok).toBe(false);
  });

  it("keeps fields the model does not know yet", () => {
    const doc = { ...emptyDesign(), taskDefinitions: [{ id: "t", family: "web", futureField: { a: 1 }, containerDefinitions: [{ name: "a", image: "x:1", newKnob: true }] }] };
    const r = parseDesign(doc);
    expect(r.ok && r.design.taskDefinitions[0]).toMatchObject({ futureField: { a: 1 }, containerDefinitions: [{ newKnob: true }] });
  });
});

describe("ECS enums stay in step with the SDK", () => {
  const cases: [readonly string[], Record<string, string>][] = [
    [EcsEnums.NETWORK_MODES, ecs.NetworkMode],
    [EcsEnums.LAUNCH_TYPES, ecs.LaunchType],
    [EcsEnums.COMPATIBILITIES, ecs.Compatibility],
    [EcsEnums.CONTAINER_CONDITIONS, ecs.ContainerCondition],
    [EcsEnums.LOG_DRIVERS, ecs.LogDriver],
    [EcsEnums.SCHEDULING_STRATEGIES, ecs.SchedulingStrategy],
    [EcsEnums.PLACEMENT_STRATEGY_TYPES, ecs.PlacementStrategyType],
    [EcsEnums.PLACEMENT_CONSTRAINT_TYPES, ecs.PlacementConstraintType],
    [EcsEnums.ULIMIT_NAMES, ecs.UlimitName],
    [EcsEnums.PROPAGATE_TAGS, ecs.PropagateTags],
    [EcsEnums.DEPLOYMENT_CONTROLLER_TYPES, ecs.DeploymentControllerType],
  ];
  it.each(cases.map((c, i) => [i, ...c] as const))("enum %i", (_i, ours, sdk) => {
    expect([...ours].sort()).toEqual(Object.values(sdk).sort());
  });
});

describe("references", () => {
  it("reduce ARNs and revisions to names", () => {
    expect(familyOf("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12")).toBe("web");
    expect(familyOf("web:3")).toBe("web");
    expect(familyOf("web")).toBe("web");
    expect(clusterNameOf("arn:aws:ecs:eu-west-1:123456789012:cluster/prod")).toBe("prod");
    expect(clusterNameOf("prod")).toBe("prod");
  });
});
