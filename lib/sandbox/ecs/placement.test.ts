import { describe, expect, it } from "vitest";
import { parseQuery } from "./query";
import { steppedSandbox } from "../testing";
import type { ContainerInstance } from "../core/types";

const inst = (type: string, az: string, extra: { name: string; value?: string }[] = []) => ({
  ec2InstanceId: "i-1", attributes: [{ name: "ecs.instance-type", value: type }, { name: "ecs.availability-zone", value: az }, ...extra],
}) as unknown as ContainerInstance;

describe("cluster query language", () => {
  it("evaluates ==, !=, in, not in, exists, wildcards and and/or with parentheses", () => {
    const a = inst("t3.micro", "us-east-1a", [{ name: "stack", value: "prod" }]);
    const b = inst("m5.large", "us-east-1b");
    const q = (s: string) => [parseQuery(s)(a), parseQuery(s)(b)];
    expect(q("attribute:ecs.instance-type == t3.micro")).toEqual([true, false]);
    expect(q("attribute:ecs.instance-type != t3.micro")).toEqual([false, true]);
    expect(q("attribute:ecs.availability-zone in [us-east-1a, us-east-1c]")).toEqual([true, false]);
    expect(q("attribute:ecs.availability-zone not in [us-east-1a]")).toEqual([false, true]);
    expect(q("attribute:ecs.instance-type == t3.*")).toEqual([true, false]);
    expect(q("attribute:stack exists")).toEqual([true, false]);
    expect(q("attribute:ecs.instance-type == m5.large or (attribute:stack == prod and attribute:ecs.availability-zone == us-east-1a)")).toEqual([true, true]);
    expect(q("attribute:ecs.instance-type == m5.large && attribute:stack exists")).toEqual([false, false]);
    expect(() => parseQuery("attribute:x ==")).toThrow(/Invalid expression/);
  });
});

function cluster(types: [string, string][]) {
  const sb = steppedSandbox(3);
  sb.call("CreateCluster", { clusterName: "c" });
  for (const [t, az] of types) sb.control({ action: "addInstances", cluster: "c", instanceType: t, availabilityZones: [az] });
  sb.call("RegisterTaskDefinition", { family: "f", containerDefinitions: [{ name: "a", image: "x", cpu: 512, memory: 512 }] });
  return sb;
}
const instanceOf = (sb: ReturnType<typeof cluster>, taskArn: string) => {
  const w = sb.world();
  return w.instances[w.tasks[taskArn].containerInstanceArn!];
};

describe("placement", () => {
  it("binpack on memory fills the fullest instance that fits first", () => {
    const sb = cluster([["m5.large", "us-east-1a"], ["t3.medium", "us-east-1b"]]);
    const { tasks } = sb.call("RunTask", { cluster: "c", taskDefinition: "f", count: 3, placementStrategy: [{ type: "binpack", field: "memory" }] });
    expect(tasks.map((t: { taskArn: string }) => instanceOf(sb, t.taskArn).instanceType)).toEqual(["t3.medium", "t3.medium", "t3.medium"]);
  });

  it("spread over availability zones alternates zones", () => {
    const sb = cluster([["m5.large", "us-east-1a"], ["m5.large", "us-east-1a"], ["m5.large", "us-east-1b"]]);
    const { tasks } = sb.call("RunTask", { cluster: "c", taskDefinition: "f", count: 2, placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }] });
    const zones = tasks.map((t: { taskArn: string }) => instanceOf(sb, t.taskArn).availabilityZone).sort();
    expect(zones).toEqual(["us-east-1a", "us-east-1b"]);
  });

  it("distinctInstance and memberOf constrain, and failures name the reason", () => {
    const sb = cluster([["m5.large", "us-east-1a"], ["t3.micro", "us-east-1b"]]);
    const d = sb.call("RunTask", { cluster: "c", taskDefinition: "f", count: 3, placementConstraints: [{ type: "distinctInstance" }] });
    expect(d.tasks).toHaveLength(2);
    expect(d.failures[0].reason).toBe("MEMBER");
    const m = sb.call("RunTask", { cluster: "c", taskDefinition: "f", count: 1, placementConstraints: [{ type: "memberOf", expression: "attribute:ecs.instance-type == m5.*" }] });
    expect(instanceOf(sb, m.tasks[0].taskArn).instanceType).toBe("m5.large");
    const big = sb.call("RegisterTaskDefinition", { family: "big", containerDefinitions: [{ name: "a", image: "x", memory: 100000 }] });
    expect(big.taskDefinition.revision).toBe(1);
    expect(sb.call("RunTask", { cluster: "c", taskDefinition: "big" }).failures[0].reason).toBe("RESOURCE:MEMORY");
  });

  it("random placement is deterministic for a seed", () => {
    const run = () => {
      const sb = cluster([["m5.large", "us-east-1a"], ["m5.large", "us-east-1b"], ["m5.large", "us-east-1c"]]);
      return sb.call("RunTask", { cluster: "c", taskDefinition: "f", count: 5 }).tasks.map((t: { taskArn: string }) => instanceOf(sb, t.taskArn).availabilityZone);
    };
    expect(run()).toEqual(run());
  });
});
