import { describe, expect, it } from "vitest";
import { containerCount } from "./container-count";
import { container, td } from "../test-helpers";

const many = (n: number) => Array.from({ length: n }, (_, i) => container({ name: `c${i}` }));

describe("container-count", () => {
  it("accepts 1 to 10 containers", () => {
    expect(containerCount.check(td())).toEqual([]);
    expect(containerCount.check(td({ containerDefinitions: many(10) }))).toEqual([]);
  });
  it("rejects none and more than 10", () => {
    expect(containerCount.check(td({ containerDefinitions: [] }))[0].path).toEqual(["containerDefinitions"]);
    const [f] = containerCount.check(td({ containerDefinitions: many(11) }));
    expect(f.path).toEqual(["containerDefinitions"]);
    expect(f.message).toContain("11");
  });
});
