import { describe, expect, it } from "vitest";
import { isEssential, networkModeOf, requiresFargate } from "./task-definition";

describe("task definition facts", () => {
  it("requiresFargate: FARGATE among the compatibilities", () => {
    expect(requiresFargate({ requiresCompatibilities: ["FARGATE"] })).toBe(true);
    expect(requiresFargate({ requiresCompatibilities: ["EC2", "FARGATE"] })).toBe(true);
    expect(requiresFargate({ requiresCompatibilities: ["EC2"] })).toBe(false);
    expect(requiresFargate({})).toBe(false);
  });

  it("networkModeOf: a mode that is set is the mode", () => {
    expect(networkModeOf({ networkMode: "host", requiresCompatibilities: ["EC2"] })).toBe("host");
    // Even a mode Fargate refuses: the fargate-network-mode rule reports it.
    expect(networkModeOf({ networkMode: "bridge", requiresCompatibilities: ["FARGATE"] })).toBe("bridge");
  });

  it("networkModeOf: omitted is bridge on EC2, and awsvpc (the only mode it can have) on Fargate", () => {
    expect(networkModeOf({})).toBe("bridge");
    expect(networkModeOf({ requiresCompatibilities: ["EC2"] })).toBe("bridge");
    expect(networkModeOf({ requiresCompatibilities: ["FARGATE"] })).toBe("awsvpc");
    expect(networkModeOf({ requiresCompatibilities: ["EC2", "FARGATE"] })).toBe("awsvpc");
  });
});

describe("isEssential", () => {
  it("is true unless essential is false", () => {
    expect(isEssential({})).toBe(true);
    expect(isEssential({ essential: true })).toBe(true);
    expect(isEssential({ essential: false })).toBe(false);
  });
});
