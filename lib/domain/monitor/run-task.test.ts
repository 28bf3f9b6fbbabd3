import { describe, expect, it } from "vitest";
import { RunTaskOptionsSchema, failureLines, parseEnvAssignment, runExitStatus, runStage, runTaskRequest, taskRunView } from "./run-task";

describe("runTaskRequest", () => {
  it("builds RunTask with startedBy, the run-by tag, overrides and the awsvpc network", () => {
    const o = RunTaskOptionsSchema.parse({
      launchType: "FARGATE",
      containerOverrides: [{ name: "app", command: ["sh", "-c", "exit 3"], environment: [{ name: "MODE", value: "once" }] }, { name: "idle" }],
      network: { subnets: ["subnet-0123456789abcdef0"], securityGroups: ["sg-0123456789abcdef0"], assignPublicIp: "DISABLED" },
    });
    expect(runTaskRequest("prod", "web:3", o, "ana@example.com", "tok")).toEqual({
      cluster: "prod", taskDefinition: "web:3", count: 1, startedBy: "stevedore", launchType: "FARGATE",
      overrides: { containerOverrides: [{ name: "app", command: ["sh", "-c", "exit 3"], environment: [{ name: "MODE", value: "once" }] }] },
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0123456789abcdef0"], securityGroups: ["sg-0123456789abcdef0"], assignPublicIp: "DISABLED" } },
      tags: [{ key: "stevedore:run-by", value: "ana@example.com" }], clientToken: "tok",
    });
  });

  it("refuses a launch type with a strategy, bad ids and a container overridden twice, naming the field", () => {
    const r = RunTaskOptionsSchema.safeParse({
      launchType: "FARGATE", capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT" }],
      containerOverrides: [{ name: "a" }, { name: "a" }], network: { subnets: ["nope"] },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["capacityProviderStrategy", "containerOverrides", "network.subnets.0"]));
  });
});

describe("a run's progress and result", () => {
  const view = taskRunView({
    taskArn: "arn:aws:ecs:eu-west-1:000000000000:task/prod/abc", lastStatus: "STOPPED", stopCode: "EssentialContainerExited",
    containers: [{ name: "app", exitCode: 3 }, { name: "sidecar", exitCode: 0 }],
  });
  it("reads the task id and the stages", () => {
    expect(view.taskId).toBe("abc");
    expect(["PROVISIONING", "ACTIVATING", "RUNNING", "DEPROVISIONING", "STOPPED"].map(runStage)).toEqual(["PROVISIONING", "PENDING", "RUNNING", "RUNNING", "STOPPED"]);
  });
  it("exits with the essential container's code, 1 when none exited", () => {
    expect(runExitStatus(view, new Set(["app"]))).toBe(3);
    expect(runExitStatus(view, new Set(["sidecar"]))).toBe(0);
    expect(runExitStatus({ ...view, containers: [{ name: "app" }] }, new Set(["app"]))).toBe(1);
  });
  it("parses KEY=VALUE and says failures in ECS's words", () => {
    expect(parseEnvAssignment("A=b=c")).toEqual({ name: "A", value: "b=c" });
    expect(parseEnvAssignment("novalue")).toBeUndefined();
    expect(failureLines([{ arn: "arn:x", reason: "RESOURCE:MEMORY" }])).toEqual(["RESOURCE:MEMORY (arn:x)"]);
  });
});
