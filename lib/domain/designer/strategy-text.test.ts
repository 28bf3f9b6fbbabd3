import { describe, expect, it } from "vitest";
import { strategyText } from "./strategy-text";

describe("strategyText", () => {
  it("names each provider with its base and weight, when set", () => {
    expect(strategyText([
      { capacityProvider: "FARGATE", base: 1, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 3 },
    ])).toBe("FARGATE (base 1, weight 1) + FARGATE_SPOT (weight 3)");
  });
  it("leaves out a zero base but keeps a zero weight, and a bare provider is its name", () => {
    expect(strategyText([{ capacityProvider: "FARGATE", base: 0, weight: 0 }, { capacityProvider: "asg" }])).toBe("FARGATE (weight 0) + asg");
    expect(strategyText([])).toBe("");
  });
});
