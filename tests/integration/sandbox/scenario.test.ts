import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CreateClusterCommand, CreateServiceCommand, DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand,
  RegisterTaskDefinitionCommand, UpdateServiceCommand,
} from "@aws-sdk/client-ecs";
import { startSandbox } from "./server";

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

const cluster = "prod";
const td = (image: string) => new RegisterTaskDefinitionCommand({
  family: "shop", containerDefinitions: [{
    name: "app", image, memory: 256, cpu: 256, portMappings: [{ containerPort: 8080, hostPort: 0 }],
    healthCheck: { command: ["CMD-SHELL", "curl -f localhost:8080 || exit 1"], interval: 10, retries: 3 },
  }],
});
const describe1 = async () => (await sb.ecs.send(new DescribeServicesCommand({ cluster, services: ["shop"] }))).services![0];
const running = async () => {
  const arns = (await sb.ecs.send(new ListTasksCommand({ cluster, serviceName: "shop" }))).taskArns!;
  if (!arns.length) return [];
  return (await sb.ecs.send(new DescribeTasksCommand({ cluster, tasks: arns }))).tasks!;
};

describe("a service's life in the sandbox", () => {
  it("reaches RUNNING, survives a crash, rolls forward within bounds, and rolls back a bad image", async () => {
    await sb.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    await sb.control({ action: "addInstances", cluster, count: 3, instanceType: "m5.large" });
    await sb.ecs.send(td("shop:1"));
    await sb.ecs.send(new CreateServiceCommand({
      cluster, serviceName: "shop", taskDefinition: "shop", desiredCount: 4,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true } },
    }));
    await sb.step(30);
    let svc = await describe1();
    expect(svc.runningCount).toBe(4);
    expect(svc.deployments).toHaveLength(1);
    expect(svc.deployments![0].rolloutState).toBe("COMPLETED");
    expect(svc.events![0].message).toBe("(service shop) has reached a steady state.");
    const tasks = await running();
    expect(tasks.every((t) => t.lastStatus === "RUNNING" && t.healthStatus === "HEALTHY")).toBe(true);

    // A crash: the task stops with the container's exit code, the scheduler starts another.
    const victim = tasks[0].taskArn!;
    await sb.control({ action: "crashTask", cluster, task: victim, exitCode: 2, reason: "segfault" });
    await sb.step(30);
    const dead = (await sb.ecs.send(new DescribeTasksCommand({ cluster, tasks: [victim] }))).tasks![0];
    expect(dead).toMatchObject({ lastStatus: "STOPPED", stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited" });
    expect(dead.containers![0]).toMatchObject({ exitCode: 2, reason: "segfault" });
    svc = await describe1();
    expect(svc.runningCount).toBe(4);
    expect(svc.events!.some((e) => /has started 1 tasks: \(task [0-9a-f]{32}\)\./.test(e.message!))).toBe(true);

    // Rolling update to revision 2: never fewer than 2 healthy nor more than 6 tasks.
    await sb.ecs.send(td("shop:2"));
    await sb.ecs.send(new UpdateServiceCommand({ cluster, service: "shop", taskDefinition: "shop:2" }));
    for (let i = 0; i < 60; i++) {
      const live = await running();
      expect(live.length).toBeLessThanOrEqual(6);
      expect(live.filter((t) => t.lastStatus === "RUNNING" && t.healthStatus === "HEALTHY").length).toBeGreaterThanOrEqual(2);
      await sb.step(1);
    }
    svc = await describe1();
    expect(svc.deployments).toHaveLength(1);
    expect(svc.deployments![0]).toMatchObject({ status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: expect.stringMatching(/shop:2$/) });
    expect((await running()).every((t) => t.taskDefinitionArn!.endsWith("shop:2"))).toBe(true);

    // A bad image: pulls fail, the circuit breaker trips and rolls back to revision 2.
    await sb.control({ action: "failImagePull", image: "shop:broken" });
    await sb.ecs.send(td("shop:broken"));
    await sb.ecs.send(new UpdateServiceCommand({ cluster, service: "shop", taskDefinition: "shop:3" }));
    let failed;
    for (let i = 0; i < 30 && failed?.rolloutState !== "FAILED"; i++) {
      await sb.step(1);
      svc = await describe1();
      failed = svc.deployments!.find((d) => d.taskDefinition!.endsWith("shop:3"));
    }
    expect(failed).toMatchObject({ rolloutState: "FAILED", rolloutStateReason: "ECS deployment circuit breaker: tasks failed to start." });
    expect(failed!.failedTasks).toBeGreaterThanOrEqual(3);
    expect(svc.events!.some((e) => e.message === `(service shop) (deployment ${failed!.id}) deployment failed: tasks failed to start.`)).toBe(true);
    await sb.step(60);
    svc = await describe1();
    expect(svc.taskDefinition).toMatch(/shop:2$/);
    expect(svc.deployments).toHaveLength(1);
    expect(svc.deployments![0]).toMatchObject({ rolloutState: "COMPLETED", taskDefinition: expect.stringMatching(/shop:2$/) });
    expect(svc.runningCount).toBe(4);
    const stopped = await sb.ecs.send(new ListTasksCommand({ cluster, serviceName: "shop", desiredStatus: "STOPPED" }));
    const failedTasks = (await sb.ecs.send(new DescribeTasksCommand({ cluster, tasks: stopped.taskArns! }))).tasks!
      .filter((t) => t.taskDefinitionArn!.endsWith("shop:3"));
    expect(failedTasks[0]).toMatchObject({ stopCode: "TaskFailedToStart" });
    expect(failedTasks[0].stoppedReason).toMatch(/^CannotPullContainerError: /);
  });
});
