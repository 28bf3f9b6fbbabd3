import { describe, expect, it } from "vitest";
import { EXEC_ACTIONS, allowedActions, execReadiness, executeCommandLine, type ExecFacts } from "./exec-readiness";

const execPolicy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [...EXEC_ACTIONS], Resource: "*" }] });

const ready: ExecFacts = {
  cluster: "prod", taskId: "0123abcd", enableExecuteCommand: true, launchType: "FARGATE", platformVersion: "1.4.0",
  containers: [{ name: "app", agentStatus: "RUNNING" }], taskRoleArn: "arn:aws:iam::000000000000:role/app-task",
  rolePolicies: { documents: [{ name: "exec", document: encodeURIComponent(execPolicy) }], notRead: [] },
};

describe("allowedActions", () => {
  it("matches wildcards case-insensitively and lets a Deny win", () => {
    expect(allowedActions([{ name: "p", document: JSON.stringify({ Statement: { Effect: "Allow", Action: "SSMMessages:*" } }) }], EXEC_ACTIONS).missing).toEqual([]);
    const denied = allowedActions([
      { name: "all", document: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*" }] }) },
      { name: "no", document: JSON.stringify({ Statement: [{ Effect: "Deny", Action: "ssmmessages:Open*" }] }) },
    ], EXEC_ACTIONS);
    expect(denied.missing).toEqual(["ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]);
    expect(allowedActions([{ name: "x", document: JSON.stringify({ Statement: [{ Effect: "Allow", NotAction: "iam:*" }] }) }], EXEC_ACTIONS).missing).toEqual([]);
    expect(allowedActions([{ name: "bad", document: "{" }], EXEC_ACTIONS)).toMatchObject({ unreadable: ["bad"], missing: [...EXEC_ACTIONS] });
  });
});

describe("execReadiness", () => {
  it("is ready when every item holds, with the line to copy", () => {
    const r = execReadiness(ready);
    expect(r.ready).toBe(true);
    expect(r.items.map((i) => i.ok)).toEqual([true, true, true, true]);
    expect(r.command).toBe(`aws ecs execute-command --cluster prod --task 0123abcd --container app --interactive --command "/bin/sh"`);
  });

  it("names each failing item with its fix", () => {
    const r = execReadiness({
      ...ready, enableExecuteCommand: false, platformVersion: "1.3.0", containers: [{ name: "app" }],
      rolePolicies: { documents: [{ name: "logs", document: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "logs:*" }] }) }], notRead: [] },
    });
    expect(r.ready).toBe(false);
    expect(r.items.map((i) => [i.id, i.ok])).toEqual([["enabled", false], ["task-role", false], ["agent", false], ["platform", false]]);
    expect(r.items.every((i) => i.fix)).toBe(true);
  });

  it("says unknown, not false, when a policy could not be read, and n/a off Fargate", () => {
    const r = execReadiness({ ...ready, launchType: "EC2", rolePolicies: { documents: [], notRead: ["arn:aws:iam::aws:policy/Managed"] } });
    expect(r.items.find((i) => i.id === "task-role")?.ok).toBe("unknown");
    expect(r.items.find((i) => i.id === "platform")?.ok).toBe("n/a");
    expect(execReadiness({ ...ready, taskRoleArn: undefined }).items[1]).toMatchObject({ ok: false, detail: "The task definition has no task role (taskRoleArn)" });
  });

  it("quotes names a shell would split", () => {
    expect(executeCommandLine("my cluster", "t", "a")).toContain("--cluster 'my cluster'");
  });
});
