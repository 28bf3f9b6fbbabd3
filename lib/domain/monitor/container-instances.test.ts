import { describe, expect, it } from "vitest";
import { toInstanceViews } from "./container-instances";

const ci = (id: string, status: string, over: Record<string, unknown> = {}) => ({
  containerInstanceArn: `arn:aws:ecs:eu-west-1:000000000000:container-instance/prod/${id}`,
  ec2InstanceId: `i-${id}`,
  status,
  agentConnected: true,
  attributes: [{ name: "ecs.instance-type", value: "m5.large" }, { name: "ecs.availability-zone", value: "eu-west-1a" }],
  registeredResources: [{ name: "CPU", type: "INTEGER", integerValue: 2048 }, { name: "MEMORY", type: "INTEGER", integerValue: 7680 }, { name: "PORTS", type: "STRINGSET", stringSetValue: ["22"] }],
  remainingResources: [{ name: "CPU", type: "INTEGER", integerValue: 1024 }, { name: "MEMORY", type: "INTEGER", integerValue: 5632 }],
  runningTasksCount: 2,
  pendingTasksCount: 0,
  ...over,
});

describe("toInstanceViews", () => {
  it("reads registered and remaining cpu and memory, type, zone and task counts", () => {
    expect(toInstanceViews([ci("a1", "ACTIVE")])).toEqual([{
      arn: "arn:aws:ecs:eu-west-1:000000000000:container-instance/prod/a1", id: "a1", ec2InstanceId: "i-a1", status: "ACTIVE",
      agentConnected: true, instanceType: "m5.large", availabilityZone: "eu-west-1a",
      cpu: { registered: 2048, remaining: 1024 }, memory: { registered: 7680, remaining: 5632 }, runningTasks: 2, pendingTasks: 0,
    }]);
  });
  it("lists draining and disconnected instances first", () => {
    const views = toInstanceViews([ci("a", "ACTIVE"), ci("b", "ACTIVE", { agentConnected: false }), ci("c", "DRAINING")]);
    expect(views.map((v) => v.id)).toEqual(["c", "b", "a"]);
  });
  it("copes with missing fields", () => {
    const [v] = toInstanceViews([{ containerInstanceArn: "arn:x/container-instance/c/z" }]);
    expect(v).toMatchObject({ id: "z", status: "UNKNOWN", agentConnected: false, cpu: { registered: 0, remaining: 0 }, runningTasks: 0 });
  });
});
