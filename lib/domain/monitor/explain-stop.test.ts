import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { explainStop } from "./explain-stop";
import { stopped, task } from "./fixtures";

describe("explainStop", () => {
  it("says nothing about a running task", () => {
    expect(explainStop(task())).toBeUndefined();
  });

  it("reads exit code 137 as out of memory, naming the container", () => {
    const e = explainStop(stopped({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited",
      containers: [{ name: "sidecar", exitCode: 0 }, { name: "app", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage" }] }));
    expect(e).toMatchObject({ category: "out-of-memory", container: "app", exitCode: 137 });
    expect(e!.summary).toMatch(/memory/);
    expect(e!.nextStep).toMatch(/memory limit/);
  });

  it("reads CannotPullContainerError as image name/tag, credentials or network", () => {
    const e = explainStop(stopped({ stopCode: "TaskFailedToStart", stoppedReason: "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/shop:nope: not found",
      containers: [{ name: "app", reason: "CannotPullContainerError: ..." }] }));
    expect(e!.category).toBe("image-pull");
    expect(e!.nextStep).toMatch(/tag/);
    expect(e!.nextStep).toMatch(/execution role|credentials/);
    expect(e!.nextStep).toMatch(/network|NAT/);
  });

  it("reads ResourceInitializationError as secrets, logs or execution role", () => {
    const e = explainStop(stopped({ stopCode: "TaskFailedToStart", stoppedReason: "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed" }));
    expect(e!.category).toBe("resource-init");
    expect(e!.nextStep).toMatch(/secrets/i);
    expect(e!.nextStep).toMatch(/log group/);
  });

  it("reads an essential container's exit with its code", () => {
    const e = explainStop(stopped({ stopCode: "EssentialContainerExited", stoppedReason: "Essential container in task exited", containers: [{ name: "app", exitCode: 2, reason: "segfault" }] }));
    expect(e).toMatchObject({ category: "exited", container: "app", exitCode: 2 });
    expect(e!.summary).toMatch(/code 2/);
    expect(e!.summary).toMatch(/segfault/);
  });

  it("tells container and ELB health-check failures apart", () => {
    expect(explainStop(stopped({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed container health checks" }))!.category).toBe("container-health");
    expect(explainStop(stopped({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:...)" }))!.category).toBe("elb-health");
  });

  it("explains user stops, deployment replacements and Spot interruptions", () => {
    expect(explainStop(stopped({ stopCode: "UserInitiated", stoppedReason: "Task stopped by user", containers: [{ name: "app", exitCode: 143 }] }))!.category).toBe("user");
    expect(explainStop(stopped({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Scaling activity initiated by (deployment ecs-svc/123)", containers: [{ name: "app", exitCode: 143 }] }))!.category).toBe("deployment");
    expect(explainStop(stopped({ stopCode: "SpotInterruption", stoppedReason: "Your Spot Task was interrupted." }))!.category).toBe("spot");
    // A scheduler stop that happens to kill with 137 (SIGKILL after the stop timeout) is not an OOM.
    expect(explainStop(stopped({ stopCode: "ServiceSchedulerInitiated", stoppedReason: "Scaling activity initiated by (deployment ecs-svc/1)", containers: [{ name: "app", exitCode: 137 }] }))!.category).toBe("deployment");
  });

  it("always has a summary and a next step for any stopped task (property)", () => {
    const codes = fc.constantFrom(undefined, "EssentialContainerExited", "TaskFailedToStart", "UserInitiated", "ServiceSchedulerInitiated", "SpotInterruption", "TerminationNotice", "Weird");
    fc.assert(fc.property(codes, fc.option(fc.string(), { nil: undefined }), fc.array(fc.record({ name: fc.string(), exitCode: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }), reason: fc.option(fc.string(), { nil: undefined }) }), { maxLength: 3 }),
      (stopCode, stoppedReason, containers) => {
        const e = explainStop(stopped({ stopCode, stoppedReason, containers }));
        expect(e).toBeDefined();
        expect(e!.summary.length).toBeGreaterThan(10);
        expect(e!.nextStep.length).toBeGreaterThan(10);
      }));
  });
});
