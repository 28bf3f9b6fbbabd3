// ECS Exec readiness of one task: what must hold before `aws ecs execute-command` can open a
// shell in it, each item checked against what ECS and IAM say, with the fix when it fails.
// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
//  - the task was started with `enableExecuteCommand` (it cannot be turned on for a running task);
//  - the task role (not the execution role) allows ssmmessages:CreateControlChannel,
//    CreateDataChannel, OpenControlChannel and OpenDataChannel;
//  - the container's ExecuteCommandAgent managed agent is RUNNING (DescribeTasks
//    `containers[].managedAgents`);
//  - on Fargate, platform version 1.4.0 or later (Linux).

import { platformVersionAtLeast } from "../ecs-facts/service";

/** The four SSM Session Manager channel actions ECS Exec's agent calls with the task role's credentials. */
export const EXEC_ACTIONS = [
  "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel",
] as const;

export const EXEC_DOCS = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html";

type Statement = { Effect?: string; Action?: string | string[]; NotAction?: string | string[] };

/** An IAM policy document as IAM returns it (URL-encoded JSON) or plain; undefined when it is not JSON. */
function parsePolicy(text: string): Statement[] | undefined {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      const doc = JSON.parse(candidate) as { Statement?: Statement | Statement[] };
      const st = doc?.Statement;
      return st === undefined ? [] : Array.isArray(st) ? st : [st];
    } catch {
      // try the decoded form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** IAM's action matching: case-insensitive, `*` any run of characters, `?` one. */
function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
  return re.test(action);
}

const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function statementCovers(s: Statement, action: string): boolean {
  if (s.Action !== undefined) return list(s.Action).some((p) => actionMatches(p, action));
  if (s.NotAction !== undefined) return !list(s.NotAction).some((p) => actionMatches(p, action));
  return false;
}

export type PolicyDocument = { name: string; document: string };

/**
 * Which of `actions` the policies allow: an Allow statement covers it and no Deny does
 * (resources and conditions are not evaluated: ssmmessages' actions take Resource "*").
 * Documents that are not JSON are reported, not guessed.
 */
export function allowedActions(policies: readonly PolicyDocument[], actions: readonly string[]): { allowed: string[]; missing: string[]; unreadable: string[] } {
  const statements: Statement[] = [];
  const unreadable: string[] = [];
  for (const p of policies) {
    const st = parsePolicy(p.document);
    if (st) statements.push(...st);
    else unreadable.push(p.name);
  }
  const allowed: string[] = [];
  const missing: string[] = [];
  for (const a of actions) {
    const deny = statements.some((s) => s.Effect === "Deny" && statementCovers(s, a));
    const allow = statements.some((s) => s.Effect === "Allow" && statementCovers(s, a));
    (allow && !deny ? allowed : missing).push(a);
  }
  return { allowed, missing, unreadable };
}

export type ReadinessItem = { id: "enabled" | "task-role" | "agent" | "platform"; ok: boolean | "n/a" | "unknown"; label: string; detail: string; fix?: string };

export type ExecReadiness = { items: ReadinessItem[]; ready: boolean; command: string; container: string; docs: string };

/** What the check needs to know of the task and its role; lib/server reads it through the ECS and IAM ports. */
export type ExecFacts = {
  cluster: string;
  taskId: string;
  enableExecuteCommand: boolean;
  launchType?: string;
  platformVersion?: string;
  containers: { name: string; agentStatus?: string }[];
  /** The task definition's taskRoleArn; undefined when it has none. */
  taskRoleArn?: string;
  /** The role's policies, inline and attached, or why they could not be read. */
  rolePolicies?: { documents: PolicyDocument[]; notRead: string[] } | { error: string };
  /** The container to open a shell in (the first one otherwise). */
  container?: string;
};

const quote = (s: string) => (/^[A-Za-z0-9_./:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The line to copy: ECS Exec's interactive shell in the container. */
export function executeCommandLine(cluster: string, taskId: string, container: string): string {
  return `aws ecs execute-command --cluster ${quote(cluster)} --task ${quote(taskId)} --container ${quote(container)} --interactive --command "/bin/sh"`;
}

const POLICY_FIX = `add to the task role a statement {"Effect": "Allow", "Action": ["${EXEC_ACTIONS.join('", "')}"], "Resource": "*"}`;

export function execReadiness(f: ExecFacts): ExecReadiness {
  const container = f.container ?? f.containers[0]?.name ?? "";
  const items: ReadinessItem[] = [];
  items.push(f.enableExecuteCommand
    ? { id: "enabled", ok: true, label: "ECS Exec is enabled on the task", detail: "enableExecuteCommand is true" }
    : {
      id: "enabled", ok: false, label: "ECS Exec is enabled on the task", detail: "enableExecuteCommand is false; it cannot be turned on for a task that is running",
      fix: "start a new task with enableExecuteCommand (RunTask --enable-execute-command), or for a service: UpdateService --enable-execute-command --force-new-deployment",
    });

  if (!f.taskRoleArn) {
    items.push({ id: "task-role", ok: false, label: "The task role allows the ssmmessages channels", detail: "The task definition has no task role (taskRoleArn)", fix: `give the task definition a task role and ${POLICY_FIX}` });
  } else if (!f.rolePolicies || "error" in f.rolePolicies) {
    items.push({ id: "task-role", ok: "unknown", label: "The task role allows the ssmmessages channels", detail: `Could not read ${f.taskRoleArn}: ${f.rolePolicies && "error" in f.rolePolicies ? f.rolePolicies.error : "no answer"}` });
  } else {
    const r = allowedActions(f.rolePolicies.documents, EXEC_ACTIONS);
    const notRead = [...f.rolePolicies.notRead, ...r.unreadable];
    const role = f.taskRoleArn.slice(f.taskRoleArn.lastIndexOf("/") + 1);
    if (r.missing.length === 0) {
      items.push({ id: "task-role", ok: true, label: "The task role allows the ssmmessages channels", detail: `${role} allows ${EXEC_ACTIONS.length} of ${EXEC_ACTIONS.length}` });
    } else {
      const unsure = notRead.length > 0;
      items.push({
        id: "task-role", ok: unsure ? "unknown" : false, label: "The task role allows the ssmmessages channels",
        detail: `${role} does not allow ${r.missing.join(", ")}${unsure ? ` in the policies read (not read: ${notRead.join(", ")})` : ""}`,
        fix: POLICY_FIX,
      });
    }
  }

  const target = f.containers.find((c) => c.name === container);
  const agent = target?.agentStatus;
  items.push(agent === "RUNNING"
    ? { id: "agent", ok: true, label: "The ExecuteCommandAgent is running", detail: `${container}: ExecuteCommandAgent RUNNING` }
    : {
      id: "agent", ok: false, label: "The ExecuteCommandAgent is running",
      detail: agent ? `${container}: ExecuteCommandAgent ${agent}` : `${container}: no ExecuteCommandAgent (ECS starts it only in tasks with exec enabled)`,
      fix: agent === "PENDING" ? "wait for the task to reach RUNNING" : "start a new task with exec enabled; if the agent stopped, check that the task role can reach ssmmessages (VPC endpoint or NAT)",
    });

  if (f.launchType === "FARGATE") {
    const v = f.platformVersion ?? "LATEST";
    items.push(platformVersionAtLeast(v, "1.4.0")
      ? { id: "platform", ok: true, label: "Fargate platform version 1.4.0 or later", detail: `platform version ${v}` }
      : { id: "platform", ok: false, label: "Fargate platform version 1.4.0 or later", detail: `platform version ${v}`, fix: "run the task on platform version 1.4.0 or LATEST" });
  } else {
    items.push({ id: "platform", ok: "n/a", label: "Fargate platform version 1.4.0 or later", detail: `launch type ${f.launchType ?? "unknown"}: no Fargate platform version applies` });
  }
  return { items, ready: items.every((i) => i.ok === true || i.ok === "n/a"), command: executeCommandLine(f.cluster, f.taskId, container), container, docs: EXEC_DOCS };
}
