import { describe, expect, it } from "vitest";
import { emptyLiveState, planDesign } from "../../domain/plan";
import { targetTrackingEc2 } from "../../domain/learn/lessons/target-tracking-ec2";
import { placedDesignCost, placedInstances } from "./placed-cost";

const cents = (n: number) => Math.round(n * 100) / 100;

describe("a design's cost with its capacity providers' instances placed by the sandbox", () => {
  it("prices the target-tracking-ec2 lesson's Auto Scaling group instances at its minimum (2 tasks: 1 m5.large) and maximum (6: 3)", () => {
    const design = targetTrackingEc2.starter;
    expect(placedInstances(design, {})).toEqual([expect.objectContaining({ provider: "learn-asg", instanceType: "m5.large", desired: 1, min: 1, max: 3 })]);
    const c = placedDesignCost(design);
    expect(cents(c.totalAtMin)).toBe(cents(0.096 * 730));
    expect(cents(c.totalAtMax)).toBe(cents(3 * 0.096 * 730));
    expect(c.shared.find((l) => l.kind === "instances")?.detail).toContain("m5.large assumed");
  });

  it("follows the scaling bounds it is given and the Region's prices", () => {
    const design = targetTrackingEc2.starter;
    const id = design.services[0].id;
    const c = placedDesignCost(design, { capacity: { [id]: { min: 1, max: 9 } } });
    expect(cents(c.totalAtMax)).toBe(cents(5 * 0.096 * 730));
    // us-west-2's table has no EC2 prices: the instances are named as not priced.
    expect(placedDesignCost(design, { region: "us-west-2" }).unknowns).toContain("capacity provider learn-asg: no price for instance type m5.large in us-west-2: its 1 instance not priced");
  });

  it("gives the plan's cost change with the instances a new design's providers will launch", () => {
    const design = targetTrackingEc2.starter;
    const p = planDesign(design, emptyLiveState(), { designId: "d1", instancesFor: placedInstances });
    expect(cents(p.cost?.before ?? -1)).toBe(0);
    expect(cents(p.cost?.change ?? 0)).toBe(cents(0.096 * 730));
    expect(cents(p.cost?.afterAtMax ?? 0)).toBe(cents(3 * 0.096 * 730));
  });
});
