import type { Failure, RunTaskCommandInput, Task } from "@aws-sdk/client-ecs";
import { z } from "zod";
import type { LogsView } from "./logs";

// A one-off task (RunTask) as Stevedore starts it from the monitor and the CLI: which task
// definition, how it launches, what it overrides, where its ENI goes; and what a person waits
// for: the task's status, each container's exit code and reason, the stop reason.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html

/** What every task Stevedore starts says of itself: RunTask's `startedBy` (at most 128 characters). */
export const RUN_TASK_STARTED_BY = "stevedore";
/** The tag naming who ran it (the person's email, or "stevedore" for the CLI). */
export const RUN_BY_TAG = "stevedore:run-by";

const Name = z.string().min(1, "must not be empty").max(255);

const EnvVar = z.object({
  name: z.string().min(1, "an environment variable needs a name").max(255).regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, "an environment variable name is letters, digits, _ . - (not starting with a digit)"),
  value: z.string().max(32_768),
});

/** A container's overrides (RunTask `overrides.containerOverrides[]`): its command in place of the definition's, environment variables added or replaced. */
export const ContainerOverrideSchema = z.object({
  name: Name,
  command: z.array(z.string().max(8192)).max(256).optional(),
  environment: z.array(EnvVar).max(256).optional(),
});

const CapacityProviderItem = z.object({
  capacityProvider: Name,
  weight: z.number().int().min(0).max(1000).optional(),
  base: z.number().int().min(0).max(100_000).optional(),
});

const SubnetId = z.string().regex(/^subnet-[0-9a-f]{8,17}$/, "Not a subnet id (subnet-…)");
const SecurityGroupId = z.string().regex(/^sg-[0-9a-f]{8,17}$/, "Not a security group id (sg-…)");

/** An awsvpc task's ENI: up to 16 subnets and 5 security groups (AwsVpcConfiguration). */
export const TaskNetworkSchema = z.object({
  subnets: z.array(SubnetId).min(1, "awsvpc needs at least one subnet").max(16, "at most 16 subnets"),
  securityGroups: z.array(SecurityGroupId).max(5, "at most 5 security groups").default([]),
  assignPublicIp: z.enum(["ENABLED", "DISABLED"]).optional(),
});
export type TaskNetwork = z.infer<typeof TaskNetworkSchema>;

/** How and where a one-off task runs, apart from which task definition (the server and the CLI say that their own way). */
export const RunTaskOptionsSchema = z.object({
  launchType: z.enum(["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"]).optional(),
  capacityProviderStrategy: z.array(CapacityProviderItem).min(1).max(20).optional(),
  platformVersion: z.string().min(1).max(32).optional(),
  containerOverrides: z.array(ContainerOverrideSchema).max(100).default([]),
  network: TaskNetworkSchema.optional(),
  enableExecuteCommand: z.boolean().default(false),
}).superRefine((v, ctx) => {
  // RunTask: "When you use cluster auto scaling, you must specify capacityProviderStrategy and not launchType."
  if (v.launchType && v.capacityProviderStrategy) {
    ctx.addIssue({ code: "custom", path: ["capacityProviderStrategy"], message: "Give a launch type or a capacity provider strategy, not both" });
  }
  const names = v.containerOverrides.map((o) => o.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) ctx.addIssue({ code: "custom", path: ["containerOverrides"], message: `Container ${twice} is overridden twice` });
});
export type RunTaskOptions = z.infer<typeof RunTaskOptionsSchema>;

/** The RunTask request for `taskDefinition` (family, family:revision or ARN) in `cluster`. */
export function runTaskRequest(cluster: string, taskDefinition: string, o: RunTaskOptions, runBy: string, clientToken?: string): RunTaskCommandInput {
  const overrides = o.containerOverrides
    .filter((c) => c.command?.length || c.environment?.length)
    .map((c) => ({ name: c.name, ...(c.command?.length ? { command: c.command } : {}), ...(c.environment?.length ? { environment: c.environment } : {}) }));
  return {
    cluster, taskDefinition, count: 1, startedBy: RUN_TASK_STARTED_BY,
    ...(o.launchType ? { launchType: o.launchType } : {}),
    ...(o.capacityProviderStrategy ? { capacityProviderStrategy: o.capacityProviderStrategy } : {}),
    ...(o.platformVersion ? { platformVersion: o.platformVersion } : {}),
    ...(overrides.length ? { overrides: { containerOverrides: overrides } } : {}),
    ...(o.network ? {
      networkConfiguration: {
        awsvpcConfiguration: { subnets: o.network.subnets, ...(o.network.securityGroups.length ? { securityGroups: o.network.securityGroups } : {}), ...(o.network.assignPublicIp ? { assignPublicIp: o.network.assignPublicIp } : {}) },
      },
    } : {}),
    ...(o.enableExecuteCommand ? { enableExecuteCommand: true } : {}),
    tags: [{ key: RUN_BY_TAG, value: runBy.slice(0, 256) }],
    ...(clientToken ? { clientToken } : {}),
  };
}

/** A `--env KEY=VALUE` or a form's line as an environment variable; undefined when it has no `=`. */
export function parseEnvAssignment(text: string): { name: string; value: string } | undefined {
  const at = text.indexOf("=");
  if (at <= 0) return undefined;
  return { name: text.slice(0, at).trim(), value: text.slice(at + 1) };
}

/** What the waiting dialog and the CLI show of a task. */
export type TaskRunView = {
  taskArn: string;
  taskId: string;
  taskDefinitionArn?: string;
  lastStatus: string;
  desiredStatus?: string;
  stopCode?: string;
  stoppedReason?: string;
  startedAt?: string;
  stoppedAt?: string;
  containers: { name: string; lastStatus?: string; exitCode?: number; reason?: string }[];
};

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);
const taskIdOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

export function taskRunView(t: Task): TaskRunView {
  return {
    taskArn: t.taskArn ?? "", taskId: taskIdOf(t.taskArn ?? ""), taskDefinitionArn: t.taskDefinitionArn,
    lastStatus: t.lastStatus ?? "PROVISIONING", desiredStatus: t.desiredStatus, stopCode: t.stopCode, stoppedReason: t.stoppedReason,
    startedAt: iso(t.startedAt), stoppedAt: iso(t.stoppedAt),
    containers: (t.containers ?? []).map((c) => ({ name: c.name ?? "", lastStatus: c.lastStatus, exitCode: c.exitCode, reason: c.reason })),
  };
}

/** The stages a one-off task passes on its way, as the dialog draws them (ECS's lifecycle, shortened to the ones a person waits on). */
export const RUN_STAGES = ["PROVISIONING", "PENDING", "RUNNING", "STOPPED"] as const;

/** Which of RUN_STAGES a task's lastStatus is at (ACTIVATING counts as PENDING; DEACTIVATING…DEPROVISIONING as RUNNING on its way out). */
export function runStage(lastStatus: string): (typeof RUN_STAGES)[number] {
  if (lastStatus === "PROVISIONING") return "PROVISIONING";
  if (lastStatus === "PENDING" || lastStatus === "ACTIVATING") return "PENDING";
  if (lastStatus === "STOPPED") return "STOPPED";
  return "RUNNING";
}

/**
 * The exit status of a waited-for run: the essential containers' exit code (the first non-zero
 * one, else 0); 1 when the task stopped before a container exited (it never started: no code).
 */
export function runExitStatus(view: TaskRunView, essential: ReadonlySet<string> | undefined): number {
  const considered = view.containers.filter((c) => !essential || essential.has(c.name));
  const codes = considered.map((c) => c.exitCode);
  if (codes.length === 0 || codes.some((c) => c === undefined)) return codes.find((c) => c !== undefined && c !== 0) ?? 1;
  return codes.find((c) => c !== 0) ?? 0;
}

/** RunTask's `failures[]` as ECS says them: the reason, its detail, the ARN it is about. */
export function failureLines(failures: Failure[] | undefined): string[] {
  return (failures ?? []).map((f) => [f.reason ?? "failure", f.detail, f.arn && `(${f.arn})`].filter(Boolean).join(" "));
}

/** What the Run task dialog offers (GET …/run-task): families, the chosen definition's revisions and containers, the service's defaults, the designs' task definitions. */
export type RunTaskChoices = {
  families: string[];
  /** ARNs of the chosen definition's family, newest first. */
  revisions: string[];
  containers: { name: string; essential: boolean; command?: string[] }[];
  networkMode?: string;
  defaults?: {
    taskDefinition?: string;
    launchType?: string;
    capacityProviderStrategy?: { capacityProvider: string; weight?: number; base?: number }[];
    platformVersion?: string;
    network?: TaskNetwork;
    enableExecuteCommand?: boolean;
  };
  designs: { id: string; name: string; taskDefinitions: { id: string; family: string }[] }[];
};

/** One task as the dialog waits on it (GET …/tasks/<id>): its run, its essential containers, its lines once started. */
export type TaskRun = { task: TaskRunView; essential: string[]; logs?: LogsView; fetchedAt: string };
