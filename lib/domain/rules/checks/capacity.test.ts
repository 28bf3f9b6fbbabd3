import { describe, expect, it } from "vitest";
import { capacity } from "./capacity";
import { buildIndex } from "../engine";
import { cluster, container, design, service, td } from "../test-helpers";
import type { Cluster, Service, TaskDefinition } from "../../design";

const instance = (id: string, cpu = 1024, memory = 1024) => ({ id, cpu, memory });

function run(c: Cluster, services: Service[], tds: TaskDefinition[]) {
  return capacity.check(c, buildIndex(design({ clusters: [c], services, taskDefinitions: tds })));
}

describe("capacity", () => {
  const worker = td({ family: "worker", containerDefinitions: [container({ name: "w", cpu: 256, memory: 512 })] });

  it("accepts tasks that fit", () => {
    const c = cluster({ instances: [instance("i-1"), instance("i-2")] });
    expect(run(c, [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 4 })], [worker])).toEqual([]);
  });
  it("ignores Fargate services and clusters without designed instances", () => {
    const c = cluster({ instances: [instance("i-1")] });
    expect(run(c, [service({ taskDefinition: "worker", launchType: "FARGATE", desiredCount: 40 })], [worker])).toEqual([]);
    expect(run(cluster(), [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 40 })], [worker])).toEqual([]);
  });
  it("reports the memory arithmetic and offers more instances", () => {
    const c = cluster({ instances: [instance("i-1"), instance("i-2")] });
    const [f] = run(c, [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 6 })], [worker]);
    expect(f.path).toEqual(["instances"]);
    expect(f.message).toContain("need 6 × 512 MiB = 3072 MiB; instances offer 2 × 1024 MiB = 2048 MiB");
    expect(f.message).toContain("web: 2 of 6 tasks");
    expect(f.fix?.edits).toEqual([{ path: ["instances"], value: [...c.instances!, { id: "i-1-copy-1", cpu: 1024, memory: 1024 }] }]);
  });
  it("uses task-level cpu and memory when set", () => {
    const big = td({ family: "worker", cpu: "512", memory: "2048", containerDefinitions: [container({ name: "w", memory: 256 })] });
    const [f] = run(cluster({ instances: [instance("i-1")] }), [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 1 })], [big]);
    expect(f.message).toContain("more than any instance registers");
    expect(f.fix?.edits).toBeUndefined();
  });
  it("allows one task per instance for a fixed bridge host port", () => {
    const web = td({ family: "worker", containerDefinitions: [container({ name: "w", memory: 128, portMappings: [{ containerPort: 80, hostPort: 80 }] })] });
    const c = cluster({ instances: [instance("i-1", 4096, 4096), instance("i-2", 4096, 4096)] });
    const [f] = run(c, [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 3 })], [web]);
    expect(f.message).toContain("Host port 80/tcp: 3 tasks");
    const dynamic = td({ family: "worker", containerDefinitions: [container({ name: "w", memory: 128, portMappings: [{ containerPort: 80 }] })] });
    expect(run(c, [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 3 })], [dynamic])).toEqual([]);
  });
  it("respects distinctInstance", () => {
    const c = cluster({ instances: [instance("i-1", 4096, 4096), instance("i-2", 4096, 4096)] });
    const [f] = run(c, [service({ taskDefinition: "worker", launchType: "EC2", desiredCount: 3, placementConstraints: [{ type: "distinctInstance" }] })], [worker]);
    expect(f.message).toContain("distinctInstance");
  });
  it("counts one daemon task per instance", () => {
    const agent = td({ id: "td-2", family: "agent", containerDefinitions: [container({ name: "a", cpu: 512, memory: 512 })] });
    const c = cluster({ instances: [instance("i-1"), instance("i-2")] });
    const services = [
      service({ id: "s1", taskDefinition: "worker", launchType: "EC2", desiredCount: 2 }),
      service({ id: "s2", serviceName: "agent", taskDefinition: "agent", launchType: "EC2", schedulingStrategy: "DAEMON", desiredCount: undefined }),
    ];
    expect(run(c, services, [worker, agent])).toEqual([]);
    services[0] = { ...services[0], desiredCount: 3 };
    const [f] = run(c, services, [worker, agent]);
    expect(f.message).toContain("web: 1 of 3 tasks");
  });
});
