import { describe, expect, it } from "vitest";
import { EMPTY, crashed, provisioning, running, service, snapshot, task } from "../test/snapshots";
import { checkSandbox, step } from "../test/run";

const td = (family: string, rev: number) => `arn:aws:ecs:eu-west-1:000000000000:task-definition/${family}:${rev}`;

describe("service-self-healing sandbox checks", () => {
  const two = step("service-self-healing", "two-running");
  const repl = step("service-self-healing", "replacement");
  const S = "healing-web";

  it("two-running: needs the service applied and two RUNNING tasks", () => {
    expect(checkSandbox(two, EMPTY).hint).toMatch(/Apply to sandbox/);
    expect(checkSandbox(two, snapshot([service(S)], [running(S), provisioning(S)]))).toMatchObject({ done: false, hint: expect.stringMatching(/1 of 2/) });
    expect(checkSandbox(two, snapshot([service(S)], [running(S), running(S)]))).toEqual({ done: true });
  });

  it("replacement: needs a crashed task and two RUNNING again", () => {
    expect(checkSandbox(repl, snapshot([service(S)], [running(S), running(S)])).hint).toMatch(/Crash a task/);
    expect(checkSandbox(repl, snapshot([service(S)], [crashed(S), running(S), provisioning(S)])).hint).toMatch(/still starting/);
    expect(checkSandbox(repl, snapshot([service(S)], [crashed(S), running(S), running(S)]))).toEqual({ done: true });
    const deactivating = crashed(S, { lastStatus: "DEACTIVATING" });
    expect(checkSandbox(repl, snapshot([service(S)], [deactivating, running(S), provisioning(S)])).hint).toMatch(/still starting/);
  });

  it("replacement: a task stopped by a user is not a crash", () => {
    const stoppedByUser = task(S, { lastStatus: "STOPPED", desiredStatus: "STOPPED", stopCode: "UserInitiated" });
    expect(checkSandbox(repl, snapshot([service(S)], [stoppedByUser, running(S), running(S)])).done).toBe(false);
  });
});

describe("rolling-deployment sandbox checks", () => {
  const S = "rolling-web";
  const steady = step("rolling-deployment", "steady");
  const rolled = step("rolling-deployment", "rolled");
  const four = (rev: number) => Array.from({ length: 4 }, () => running(S, { taskDefinitionArn: td(S, rev) }));

  it("steady: four RUNNING tasks", () => {
    expect(checkSandbox(steady, EMPTY).done).toBe(false);
    expect(checkSandbox(steady, snapshot([service(S)], four(1).slice(0, 3))).hint).toMatch(/3 of 4/);
    expect(checkSandbox(steady, snapshot([service(S)], four(1)))).toEqual({ done: true });
  });

  it("rolled: fails before a deployment, during it, and passes once the new revision runs all four", () => {
    const primary = (rev: number) => ({ status: "PRIMARY", taskDefinition: td(S, rev), rolloutState: "COMPLETED" as const });
    expect(checkSandbox(rolled, snapshot([service(S, { deployments: [primary(1)] })], four(1))).hint).toMatch(/Deploy new revision/);
    const old = Array.from({ length: 2 }, () => task(S, { lastStatus: "STOPPED", desiredStatus: "STOPPED", taskDefinitionArn: td(S, 1) }));
    const during = service(S, { deployments: [{ ...primary(2), rolloutState: "IN_PROGRESS" }, { status: "ACTIVE", taskDefinition: td(S, 1) }] });
    expect(checkSandbox(rolled, snapshot([during], [...old, ...four(1).slice(0, 2), ...four(2).slice(0, 2)])).hint).toMatch(/in progress/);
    const after = service(S, { deployments: [primary(2)] });
    expect(checkSandbox(rolled, snapshot([after], [...old, ...old, ...four(2)]))).toEqual({ done: true });
  });
});

describe("placement-strategies sandbox checks", () => {
  const S = "placement-worker";
  const packed = step("placement-strategies", "packed");
  const spread = step("placement-strategies", "spread");
  const on = (...instances: string[]) => instances.map((i) => running(S, { containerInstanceArn: i }));

  it("packed: three tasks on one instance", () => {
    expect(checkSandbox(packed, EMPTY).done).toBe(false);
    expect(checkSandbox(packed, snapshot([service(S)], on("a", "a"))).hint).toMatch(/2 of 3/);
    expect(checkSandbox(packed, snapshot([service(S)], on("a", "b", "a"))).hint).toMatch(/2 instances/);
    expect(checkSandbox(packed, snapshot([service(S)], on("a", "a", "a")))).toEqual({ done: true });
  });

  it("spread: the service spreads and three tasks run on three instances", () => {
    const binpack = service(S, { placementStrategy: [{ type: "binpack", field: "memory" }] });
    const spreading = service(S, { placementStrategy: [{ type: "spread", field: "instanceId" }] });
    expect(checkSandbox(spread, snapshot([binpack], on("a", "b", "c"))).hint).toMatch(/still uses binpack/);
    expect(checkSandbox(spread, snapshot([spreading], on("a", "b"))).done).toBe(false);
    expect(checkSandbox(spread, snapshot([spreading], on("a", "b", "c")))).toEqual({ done: true });
  });
});

describe("essential-sidecar sandbox checks", () => {
  const S = "sidecar-app";
  const up = step("essential-sidecar", "running");
  const crash = step("essential-sidecar", "sidecar-crash");

  it("running: one RUNNING task", () => {
    expect(checkSandbox(up, snapshot([service(S)], [provisioning(S)])).done).toBe(false);
    expect(checkSandbox(up, snapshot([service(S)], [running(S)]))).toEqual({ done: true });
  });

  it("sidecar-crash: the task stopped because the sidecar exited, not web", () => {
    const webDied = crashed(S, { containers: [{ name: "web", exitCode: 1 }, { name: "metrics-agent", exitCode: 143 }] });
    expect(checkSandbox(crash, snapshot([service(S)], [running(S)])).done).toBe(false);
    const sidecarDied = crashed(S, { containers: [{ name: "web", exitCode: 143 }, { name: "metrics-agent", exitCode: 1 }] });
    expect(checkSandbox(crash, snapshot([service(S)], [crashed(S, { containers: [{ name: "web", exitCode: 1 }, { name: "metrics-agent" }] })])).done).toBe(false);
    expect(checkSandbox(crash, snapshot([service(S)], [sidecarDied, running(S)]))).toEqual({ done: true });
    expect(webDied.stopCode).toBe("EssentialContainerExited");
  });

  it("sidecar-optional: after the new revision rolls out, only the sidecar stops and the task keeps running", () => {
    const optional = step("essential-sidecar", "sidecar-optional");
    const c = (web: string, sidecar: string, exitCode?: number) => ({ containers: [{ name: "web", lastStatus: web }, { name: "metrics-agent", lastStatus: sidecar, exitCode }] });
    const on = (rev: number) => service(S, { desiredCount: 1, taskDefinition: td(S, rev) });
    const firstCrash = crashed(S, { taskDefinitionArn: td(S, 1), containers: [{ name: "web", exitCode: 143 }, { name: "metrics-agent", exitCode: 1 }] });
    const rev = (n: number, over: Parameters<typeof running>[1] = c("RUNNING", "RUNNING")) => running(S, { taskDefinitionArn: td(S, n), ...over });
    expect(checkSandbox(optional, EMPTY).hint).toMatch(/Apply to sandbox/);
    // Not applied: the service still runs revision 1, whose essential sidecar took a task down.
    expect(checkSandbox(optional, snapshot([on(1)], [firstCrash, rev(1)])).hint).toMatch(/still has metrics-agent essential.*Apply the change/);
    // Applied, rolling out: revision 2 is not RUNNING yet.
    expect(checkSandbox(optional, snapshot([on(2)], [firstCrash, rev(1), provisioning(S)])).hint).toMatch(/not RUNNING yet/);
    // Revision 2 runs, the sidecar has not been crashed yet.
    expect(checkSandbox(optional, snapshot([on(2)], [firstCrash, rev(2)])).hint).toMatch(/Press “Crash metrics-agent”/);
    // Crashed: the task stays RUNNING, the sidecar STOPPED with its exit code, web RUNNING.
    expect(checkSandbox(optional, snapshot([on(2)], [firstCrash, rev(2, c("RUNNING", "STOPPED", 1))]))).toEqual({ done: true });
    // Not if web stopped too, or the task is on its way down.
    expect(checkSandbox(optional, snapshot([on(2)], [firstCrash, rev(2, c("STOPPED", "STOPPED", 1))])).done).toBe(false);
    expect(checkSandbox(optional, snapshot([on(2)], [firstCrash, rev(2, { ...c("RUNNING", "STOPPED", 1), desiredStatus: "STOPPED" })])).done).toBe(false);
  });
});
