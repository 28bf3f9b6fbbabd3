import { execReadiness, logSourcesOf, taskRunView, type ExecReadiness, type LoggingContainer, type TaskRun } from "@/lib/domain/monitor";
import { toAwsFailure } from "@/lib/aws";
import type { AppContext } from "../context";
import { withEcs } from "../aws-ports";
import { loadEnvironmentRow } from "../environments/environment-record";
import { NotFoundError } from "../errors";
import { readLogsOf } from "./get-service-logs";
import type { TaskRef } from "./schemas";

// One task as the Run task dialog waits on it: DescribeTasks (through the environment's ECS
// port, paced with every other reader), and once it has started, the lines its containers
// wrote (the task's own definition says where they log). And its ECS Exec readiness.


type TaskDefinitionJson = { containerDefinitions?: (LoggingContainer & { essential?: boolean })[]; taskRoleArn?: string };

async function describeOne(ctx: AppContext, input: TaskRef) {
  const env = await loadEnvironmentRow(ctx, input.envId);
  return withEcs(ctx, env, async (ecs) => {
    const { tasks } = await ecs.describeTasks({ cluster: input.cluster, tasks: [input.task] });
    const task = tasks[0];
    if (!task) throw new NotFoundError(`Task ${input.task} was not found in cluster ${input.cluster} (ECS keeps a stopped task for about an hour)`);
    const td = task.taskDefinitionArn ? (await ecs.describeTaskDefinition({ taskDefinition: task.taskDefinitionArn })).taskDefinition as TaskDefinitionJson | undefined : undefined;
    return { env, task, td };
  });
}

export async function getTaskRun({ ctx, input }: { ctx: AppContext; input: TaskRef }): Promise<TaskRun> {
  const { env, task, td } = await describeOne(ctx, input);
  const view = taskRunView(task);
  const essential = (td?.containerDefinitions ?? []).filter((c) => c.essential !== false).map((c) => c.name ?? "");
  const started = view.lastStatus !== "PROVISIONING" && view.lastStatus !== "PENDING";
  const logs = started && td ? await readLogsOf(ctx, env, logSourcesOf([td], env.region), { task: view.taskId }) : undefined;
  return { task: view, essential, ...(logs ? { logs } : {}), fetchedAt: ctx.clock.now().toISOString() };
}

/** Can ECS Exec open a shell in the task's container: each item read from ECS and IAM (the task role's policies). */
export async function getExecReadiness({ ctx, input }: { ctx: AppContext; input: TaskRef }): Promise<ExecReadiness> {
  const { env, task, td } = await describeOne(ctx, input);
  const taskRoleArn = task.overrides?.taskRoleArn ?? td?.taskRoleArn;
  let rolePolicies: Parameters<typeof execReadiness>[0]["rolePolicies"];
  if (taskRoleArn) {
    try {
      const r = await ctx.aws.iam(env).rolePolicies(taskRoleArn.slice(taskRoleArn.lastIndexOf("/") + 1));
      rolePolicies = { documents: r.documents, notRead: r.notRead };
    } catch (err) {
      const f = toAwsFailure(err);
      rolePolicies = { error: `${f.name}: ${f.message}` };
    }
  }
  return execReadiness({
    cluster: input.cluster, taskId: input.task, enableExecuteCommand: task.enableExecuteCommand ?? false,
    launchType: task.launchType, platformVersion: task.platformVersion, taskRoleArn, rolePolicies, container: input.container,
    containers: (task.containers ?? []).map((c) => ({ name: c.name ?? "", agentStatus: c.managedAgents?.find((a) => a.name === "ExecuteCommandAgent")?.lastStatus })),
  });
}
