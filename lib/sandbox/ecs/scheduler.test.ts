import { describe, expect, it } from "vitest";
import { failureThreshold } from "./scheduler";
import { steppedSandbox } from "../testing";

const withHealth = { family: "h", containerDefinitions: [{ name: "a", image: "app", memory: 128, healthCheck: { command: ["CMD", "true"], interval: 5, retries: 3 } }] };
const describeSvc = (sb: ReturnType<typeof steppedSandbox>) => sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0];

function start(n: number, instances = 2) {
  const sb = steppedSandbox();
  sb.call("CreateCluster", { clusterName: "c" });
  if (instances) sb.control({ action: "addInstances", cluster: "c", count: instances });
  sb.call("RegisterTaskDefinition", withHealth);
  sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "h", desiredCount: n });
  return sb;
}

describe("service scheduler", () => {
  it("computes the circuit-breaker threshold as ECS does", () => {
    expect([1, 6, 7, 10, 100, 1000].map(failureThreshold)).toEqual([3, 3, 4, 5, 50, 200]);
  });

  it("says why it cannot place a task, once, and places it when capacity arrives", () => {
    const sb = start(1, 0);
    sb.step(5);
    let svc = describeSvc(sb);
    expect(svc.events.filter((e: { message: string }) => e.message.includes("unable to place"))).toHaveLength(1);
    expect(svc.events[0].message).toBe("(service s) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");
    sb.control({ action: "addInstances", cluster: "c" });
    sb.step(20);
    svc = describeSvc(sb);
    expect(svc.runningCount).toBe(1);
    expect(svc.events[0].message).toBe("(service s) has reached a steady state.");
    expect(svc.events.some((e: { message: string }) => /^\(service s\) has started 1 tasks: \(task [0-9a-f]{32}\)\.$/.test(e.message))).toBe(true);
  });

  it("marks health HEALTHY after the first probe and replaces a task that fails its health check", () => {
    const sb = start(2);
    sb.step(6);
    const tasks = sb.call("DescribeTasks", { cluster: "c", tasks: sb.call("ListTasks", { cluster: "c" }).taskArns }).tasks;
    expect(tasks.map((t: { healthStatus: string }) => t.healthStatus)).toEqual(["UNKNOWN", "UNKNOWN"]);
    sb.step(5);
    const healthy = sb.call("DescribeTasks", { cluster: "c", tasks: tasks.map((t: { taskArn: string }) => t.taskArn) }).tasks;
    expect(healthy.map((t: { healthStatus: string }) => t.healthStatus)).toEqual(["HEALTHY", "HEALTHY"]);
    sb.control({ action: "failHealthCheck", cluster: "c", task: tasks[0].taskArn });
    sb.step(15);
    const sick = sb.call("DescribeTasks", { cluster: "c", tasks: [tasks[0].taskArn] }).tasks[0];
    expect(sick).toMatchObject({ healthStatus: "UNHEALTHY", desiredStatus: "STOPPED", stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed container health checks" });
    expect(describeSvc(sb).events.some((e: { message: string }) => e.message === `(service s) (task ${tasks[0].taskArn.split("/").pop()}) failed container health checks.`)).toBe(true);
    sb.step(30);
    expect(describeSvc(sb).runningCount).toBe(2);
  });

  it("moves service tasks off a draining instance and a lost one", () => {
    const sb = start(2, 2);
    sb.step(20);
    const instances = sb.call("ListContainerInstances", { cluster: "c" }).containerInstanceArns;
    sb.control({ action: "addInstances", cluster: "c" });
    sb.call("UpdateContainerInstancesState", { cluster: "c", containerInstances: [instances[0]], status: "DRAINING" });
    sb.step(40);
    expect(sb.call("ListTasks", { cluster: "c", containerInstance: instances[0] }).taskArns).toHaveLength(0);
    expect(describeSvc(sb).runningCount).toBe(2);
    const onSecond = sb.call("ListTasks", { cluster: "c", containerInstance: instances[1] }).taskArns;
    sb.control({ action: "loseInstance", cluster: "c", containerInstance: instances[1] });
    sb.step(40);
    if (onSecond.length) {
      const lost = sb.call("DescribeTasks", { cluster: "c", tasks: onSecond }).tasks[0];
      expect(lost.stoppedReason).toMatch(/^Host EC2 \(instance i-[0-9a-f]{17}\) terminated\.$/);
    }
    expect(describeSvc(sb).runningCount).toBe(2);
  });

  it("keeps at most 100 events, newest first", () => {
    const sb = start(1);
    for (let i = 0; i < 60; i++) {
      sb.step(20);
      const arn = sb.call("ListTasks", { cluster: "c" }).taskArns[0];
      if (arn) sb.control({ action: "crashTask", cluster: "c", task: arn });
    }
    const events = describeSvc(sb).events;
    expect(events).toHaveLength(100);
    const times = events.map((e: { createdAt: number }) => e.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
