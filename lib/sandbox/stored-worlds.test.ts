import { describe, expect, it } from "vitest";
import { handleOperation as ec2 } from "./ec2/engine";
import { handleOperation as ecs } from "./ecs/engine";
import { steppedSandbox } from "./testing";
import { MAPS } from "./core/draft";
import { completeWorld } from "./core/state";
import type { SandboxState } from "./core/types";

// A state stored before EC2 and ELBv2 joined the sandbox has worlds without their maps; it must
// load and go on as it was.
describe("worlds stored before a service existed", () => {
  function storedBeforeEc2(): SandboxState {
    const sb = steppedSandbox(1, "eu-west-1");
    sb.call("CreateCluster", { clusterName: "old" });
    const json = JSON.parse(JSON.stringify(sb.state)) as SandboxState;
    const world = json.worlds["eu-west-1"] as unknown as Record<string, unknown>;
    for (const key of ["vpcs", "subnets", "securityGroups", "loadBalancers", "targetGroups", "listeners", "rules"]) delete world[key];
    return json;
  }

  it("gain the missing maps, empty, and keep everything else", () => {
    const old = storedBeforeEc2();
    const world = completeWorld(old.worlds["eu-west-1"]);
    for (const key of MAPS) expect(world[key]).toBeDefined();
    expect(world.loadBalancers).toEqual({});
    expect(Object.keys(world.clusters)).toEqual(["old"]);
    expect(completeWorld(world)).toBe(world);
  });

  it("answer ECS and EC2 calls", () => {
    const old = storedBeforeEc2();
    const realNow = 1_700_000_000_000;
    const listed = ecs(old, { region: "eu-west-1", op: "ListClusters", input: {}, realNow });
    expect(listed.output).toEqual({ clusterArns: ["arn:aws:ecs:eu-west-1:000000000000:cluster/old"] });
    const vpcs = ec2(listed.state, { region: "eu-west-1", op: "DescribeVpcs", input: {}, realNow });
    expect((vpcs.output as { vpcSet: unknown[] }).vpcSet).toHaveLength(1);
    expect(Object.keys(vpcs.state.worlds["eu-west-1"].clusters)).toEqual(["old"]);
  });
});
