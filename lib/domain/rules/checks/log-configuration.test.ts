import { describe, expect, it } from "vitest";
import { logConfiguration } from "./log-configuration";
import { container, td } from "../test-helpers";

const awslogs = (options: Record<string, string>) => ({ logDriver: "awslogs" as const, options });
const fargate = { requiresCompatibilities: ["FARGATE" as const], networkMode: "awsvpc" as const };

describe("log-configuration", () => {
  it("accepts complete awslogs and FireLens setups", () => {
    expect(logConfiguration.check(td({ ...fargate, containerDefinitions: [container({
      logConfiguration: awslogs({ "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" }),
    })] }))).toEqual([]);
    expect(logConfiguration.check(td({ ...fargate, containerDefinitions: [
      container({ logConfiguration: { logDriver: "awsfirelens", options: { Name: "cloudwatch" } } }),
      container({ name: "router", firelensConfiguration: { type: "fluentbit" } }),
    ] }))).toEqual([]);
    // EC2 does not need a stream prefix and may use any driver
    expect(logConfiguration.check(td({ containerDefinitions: [container({ logConfiguration: awslogs({ "awslogs-group": "g", "awslogs-region": "eu-west-1" }) }), container({ name: "b", logConfiguration: { logDriver: "json-file" } })] }))).toEqual([]);
  });
  it("needs the stream prefix on Fargate and fills it in", () => {
    const [f] = logConfiguration.check(td({ ...fargate, containerDefinitions: [container({ logConfiguration: awslogs({ "awslogs-group": "g", "awslogs-region": "eu-west-1" }) })] }));
    expect(f.path).toEqual(["containerDefinitions", 0, "logConfiguration", "options", "awslogs-stream-prefix"]);
    expect(f.fix?.edits).toEqual([{ path: ["containerDefinitions", 0, "logConfiguration", "options", "awslogs-stream-prefix"], value: "app" }]);
  });
  it("needs group and region everywhere", () => {
    const found = logConfiguration.check(td({ containerDefinitions: [container({ logConfiguration: awslogs({}) })] }));
    expect(found.map((f) => f.path.at(-1))).toEqual(["awslogs-group", "awslogs-region"]);
    expect(found[0].fix?.edits?.[0].value).toBe("/ecs/web");
  });
  it("rejects drivers Fargate lacks and FireLens without a router", () => {
    expect(logConfiguration.check(td({ ...fargate, containerDefinitions: [container({ logConfiguration: { logDriver: "json-file" } })] }))[0].path)
      .toEqual(["containerDefinitions", 0, "logConfiguration", "logDriver"]);
    expect(logConfiguration.check(td({ ...fargate, containerDefinitions: [container({ logConfiguration: { logDriver: "awsfirelens" } })] }))[0].message)
      .toContain("firelensConfiguration");
  });
});
