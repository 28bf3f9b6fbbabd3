import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createEcsPort, createLogsPort, realPacerClock, toAwsFailure, type LogsPort } from "../lib/aws";
import {
  RunTaskOptionsSchema, failureLines, logSourcesOf, logsAsText, parseEnvAssignment, runExitStatus, taskRunView,
  type LoggingContainer, type RunTaskOptions, type TaskRunView,
} from "../lib/domain/monitor";
import { readTaskLines, registerDesignTaskDefinition, startOneOffTask, waitForTaskStopped } from "../lib/server/plan";
import { CliError, connectionOf, defaultDesignId, loadDesign, parseFlags, sandboxAwsConnectionOf, TargetFlagsSchema } from "./plan";

// `stevedore run-task [design]`: a one-off task (RunTask) from a task definition of the account
// (--task-definition family, family:revision or ARN) or of a design file (registered first as
// apply does), with a container's command and environment overridden, in awsvpc subnets.
// Exit codes: without --wait 0 when ECS started it; with --wait the essential container's exit
// code (the first non-zero of them, 1 when the task stopped before any exited); 1 when ECS
// refused or could not place it (failures[]); 2 bad input or an unreadable account. With --wait
// the task's lines follow its exit code: read from its awslogs streams (FilterLogEvents) with the
// monitor's own reader, or a note per container saying why there are none.

const list = (v: unknown) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

export const RunTaskFlagsSchema = TargetFlagsSchema.and(z.object({
  cluster: z.string({ message: "--cluster is required" }).min(1).max(255).regex(/^[A-Za-z0-9_-]+$/, "--cluster is an ECS cluster name"),
  taskDefinition: z.string({ message: "--task-definition is required (with a design: the family of one of its task definitions)" }).min(1).max(1600),
  container: z.string().min(1).max(255).optional(),
  command: z.string().min(1, "--command must not be empty").optional(),
  env: z.array(z.string()).default([]),
  subnets: z.string().optional(),
  securityGroups: z.string().optional(),
  assignPublicIp: z.boolean().optional(),
  launchType: z.enum(["FARGATE", "EC2", "EXTERNAL", "MANAGED_INSTANCES"], { message: "--launch-type is FARGATE, EC2, EXTERNAL or MANAGED_INSTANCES" }).optional(),
  capacityProvider: z.string().min(1).optional(),
  enableExecuteCommand: z.boolean().optional(),
  wait: z.boolean().optional(),
  waitTimeout: z.coerce.number().int().min(1, "--wait-timeout is in seconds, at least 1").optional(),
}));
type RunTaskFlags = z.infer<typeof RunTaskFlagsSchema>;

/** A --command as typed: a JSON array is the argv as it is; anything else runs in `sh -c`. */
function commandOf(text: string): string[] {
  if (text.trim().startsWith("[")) {
    const v = JSON.parse(text) as unknown;
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v;
    throw new CliError("--command: a JSON array of strings, or a shell line");
  }
  return ["sh", "-c", text];
}

function optionsOf(f: RunTaskFlags, container: string | undefined): RunTaskOptions {
  const vars = f.env.map((e) => parseEnvAssignment(e) ?? (() => { throw new CliError(`--env ${e}: expected NAME=value`); })());
  if ((f.command || vars.length) && !container) throw new CliError("--container is required to override a command or environment");
  const subnets = list(f.subnets);
  const raw = {
    ...(f.launchType ? { launchType: f.launchType } : {}),
    ...(f.capacityProvider ? { capacityProviderStrategy: [{ capacityProvider: f.capacityProvider, weight: 1 }] } : {}),
    containerOverrides: container && (f.command || vars.length) ? [{ name: container, ...(f.command ? { command: commandOf(f.command) } : {}), ...(vars.length ? { environment: vars } : {}) }] : [],
    ...(subnets ? { network: { subnets, securityGroups: list(f.securityGroups) ?? [], ...(f.assignPublicIp ? { assignPublicIp: "ENABLED" } : {}) } } : {}),
    enableExecuteCommand: Boolean(f.enableExecuteCommand),
  };
  const r = RunTaskOptionsSchema.safeParse(raw);
  if (!r.success) throw new CliError(r.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; "));
  return r.data;
}

const line = (v: TaskRunView) => `${v.taskId} ${v.lastStatus}${v.stoppedReason ? `: ${v.stoppedReason}` : ""}`;

export async function runRunTask(file: string | undefined, raw: Record<string, unknown>): Promise<number> {
  let flags: RunTaskFlags;
  try {
    flags = parseFlags(RunTaskFlagsSchema, raw);
  } catch (err) {
    process.stderr.write(`stevedore: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const ecs = createEcsPort(connectionOf(flags));
  let logsPort: LogsPort | undefined;
  try {
    let taskDefinition = flags.taskDefinition;
    let container = flags.container;
    let essential: Set<string> | undefined;
    let logging: LoggingContainer[] = [];
    try {
      if (file) {
        const design = await loadDesign(file);
        const td = design.taskDefinitions.find((t) => t.family === flags.taskDefinition || t.id === flags.taskDefinition);
        if (!td) throw new CliError(`${file} has no task definition ${flags.taskDefinition} (it has ${design.taskDefinitions.map((t) => t.family).join(", ") || "none"})`);
        taskDefinition = await registerDesignTaskDefinition(ecs, design, flags.designId ?? defaultDesignId(file), td.family);
        process.stderr.write(`stevedore: running ${taskDefinition} (registered from ${file} when it differed)\n`);
        const defs = td.containerDefinitions as { name: string; essential?: boolean }[];
        logging = td.containerDefinitions as LoggingContainer[];
        essential = new Set(defs.filter((c) => c.essential !== false).map((c) => c.name));
        container ??= defs.find((c) => c.essential !== false)?.name;
      } else {
        const td = (await ecs.describeTaskDefinition({ taskDefinition })).taskDefinition;
        const defs = td?.containerDefinitions ?? [];
        logging = defs as LoggingContainer[];
        essential = new Set(defs.filter((c) => c.essential !== false).map((c) => c.name ?? ""));
        container ??= defs.find((c) => c.essential !== false)?.name;
      }
    } catch (err) {
      if (err instanceof CliError) throw err;
      const f = toAwsFailure(err);
      throw new CliError(`cannot read the task definition ${taskDefinition}: ${f.name}: ${f.message}`);
    }
    const options = optionsOf(flags, container);
    let out;
    try {
      out = await startOneOffTask(ecs, { cluster: flags.cluster, taskDefinition, options, runBy: "stevedore", clientToken: randomUUID() });
    } catch (err) {
      const f = toAwsFailure(err);
      process.stderr.write(`stevedore: RunTask refused: ${f.name}: ${f.message}\n`);
      return 1;
    }
    const task = out.tasks?.[0];
    if (!task) {
      for (const l of failureLines(out.failures)) process.stderr.write(`stevedore: ECS could not start the task: ${l}\n`);
      if (flags.json) process.stdout.write(JSON.stringify({ ok: false, failures: out.failures ?? [] }, null, 2) + "\n");
      return 1;
    }
    const started = taskRunView(task);
    process.stderr.write(`stevedore: started ${started.taskArn}\n`);
    if (!flags.wait) {
      if (flags.json) process.stdout.write(JSON.stringify({ ok: true, task: started }, null, 2) + "\n");
      return 0;
    }
    const stopped = await waitForTaskStopped(ecs, flags.cluster, started.taskArn, realPacerClock, {
      timeoutMs: (flags.waitTimeout ?? 900) * 1000,
      onProgress: (t) => process.stderr.write(`  ${line(taskRunView(t))}\n`),
    });
    const view = taskRunView(stopped);
    const exit = runExitStatus(view, essential);
    // CloudWatch Logs at AWS, at the app sandbox's /sandbox/aws, or at the endpoint given (which may not serve it: then a note says so).
    logsPort = createLogsPort(sandboxAwsConnectionOf(flags) ?? connectionOf(flags));
    const logs = await readTaskLines(logsPort, logSourcesOf([{ containerDefinitions: logging }], flags.region), view.taskId);
    if (flags.json) process.stdout.write(JSON.stringify({ ok: exit === 0, exitCode: exit, task: view, logs: logs.lines, logNotes: logs.notes }, null, 2) + "\n");
    else {
      for (const c of view.containers) process.stdout.write(`${c.name}: exit ${c.exitCode ?? "—"}${c.reason ? ` (${c.reason})` : ""}\n`);
      process.stdout.write(`Stopped: ${view.stoppedReason ?? view.stopCode ?? "STOPPED"}\n`);
      process.stdout.write(`Logs (${logs.lines.length} line${logs.lines.length === 1 ? "" : "s"}):\n${logsAsText(logs.lines)}`);
      for (const n of logs.notes) process.stdout.write(`  no lines from ${n}\n`);
    }
    return exit;
  } catch (err) {
    process.stderr.write(`stevedore: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof CliError ? 2 : 1;
  } finally {
    ecs.destroy();
    logsPort?.destroy();
  }
}
