import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";

// A non-essential container (a sidecar) that exits stops alone, as in ECS; an essential one
// takes the whole task down.
describe("crashing a container", () => {
  function start() {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.call("RegisterTaskDefinition", {
      family: "app", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [
        { name: "app", image: "app:1", essential: true },
        { name: "sidecar", image: "sidecar:1", essential: false },
      ],
    });
    const run = sb.call("RunTask", {
      cluster: "c", taskDefinition: "app", launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"] } },
    });
    sb.step(60);
    return { sb, arn: run.tasks[0].taskArn as string };
  }
  const describeTask = (sb: ReturnType<typeof steppedSandbox>, arn: string) => sb.call("DescribeTasks", { cluster: "c", tasks: [arn] }).tasks[0];

  it("a non-essential container stops alone and the task keeps running", () => {
    const { sb, arn } = start();
    expect(describeTask(sb, arn).lastStatus).toBe("RUNNING");
    sb.control({ action: "crashTask", cluster: "c", task: arn, container: "sidecar", exitCode: 2, reason: "sidecar gave up" });
    sb.step(30);
    const t = describeTask(sb, arn);
    expect(t.lastStatus).toBe("RUNNING");
    const sidecar = t.containers.find((c: { name: string }) => c.name === "sidecar");
    expect(sidecar).toMatchObject({ lastStatus: "STOPPED", exitCode: 2, reason: "sidecar gave up" });
    expect(t.containers.find((c: { name: string }) => c.name === "app").lastStatus).toBe("RUNNING");
  });

  it("an essential container takes the task down", () => {
    const { sb, arn } = start();
    sb.control({ action: "crashTask", cluster: "c", task: arn, container: "app", exitCode: 1 });
    sb.step(60);
    const t = describeTask(sb, arn);
    expect(t.lastStatus).toBe("STOPPED");
    expect(t.stopCode).toBe("EssentialContainerExited");
  });
});
