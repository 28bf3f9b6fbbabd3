import type { AppContext } from "../context";
import type { HistoryInput } from "./schemas";

import type { HistoryRow } from "@/lib/domain/monitor";

export type { HistoryRow };

const TABLES = {
  events: { table: "monitor_events", time: "created_at", cols: `"service_name" AS "serviceName", "event_id" AS "eventId", "created_at" AS "createdAt", "message"` },
  tasks: {
    table: "monitor_task_states", time: "observed_at",
    cols: `"service_name" AS "serviceName", "task_id" AS "taskId", "task_arn" AS "taskArn", "last_status" AS "lastStatus", "desired_status" AS "desiredStatus",
      "health_status" AS "healthStatus", "task_definition_arn" AS "taskDefinitionArn", "availability_zone" AS "availabilityZone",
      "started_at" AS "startedAt", "stopped_at" AS "stoppedAt", "stop_code" AS "stopCode", "stopped_reason" AS "stoppedReason",
      "stop_category" AS "stopCategory", "explanation", "containers", "observed_at" AS "observedAt"`,
  },
  deployments: {
    table: "monitor_deployments", time: "updated_at",
    cols: `"service_name" AS "serviceName", "deployment_id" AS "deploymentId", "status", "rollout_state" AS "rolloutState",
      "rollout_state_reason" AS "rolloutStateReason", "task_definition" AS "taskDefinition", "desired_count" AS "desiredCount",
      "running_count" AS "runningCount", "failed_tasks" AS "failedTasks", "updated_at" AS "updatedAt", "observed_at" AS "observedAt"`,
  },
} as const;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** The flight recorder's rows of one kind, newest first, filtered by service, time, stop reason and text. */
export async function queryHistory({ ctx, input }: { ctx: AppContext; input: HistoryInput }): Promise<HistoryRow[]> {
  const t = TABLES[input.kind];
  const where = [`"environment_id" = $1`, `"cluster" = $2`];
  const params: unknown[] = [input.envId, input.cluster];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (input.service) add((n) => `"service_name" = $${n}`, input.service);
  if (input.from) add((n) => `"${t.time}" >= $${n}::timestamptz`, input.from);
  if (input.to) add((n) => `"${t.time}" <= $${n}::timestamptz`, input.to);
  if (input.stopReason && input.kind === "tasks") add((n) => `"stop_category" = $${n}`, input.stopReason);
  if (input.text) {
    const col = input.kind === "events" ? `"message"` : input.kind === "tasks" ? `coalesce("stopped_reason", '') || ' ' || coalesce("explanation", '')` : `coalesce("rollout_state_reason", '')`;
    add((n) => `${col} ILIKE $${n}`, `%${input.text!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  params.push(input.limit);
  const rows = await ctx.db.$queryRawUnsafe<HistoryRow[]>(
    `SELECT ${t.cols} FROM "${t.table}" WHERE ${where.join(" AND ")} ORDER BY "${t.time}" DESC, "id" DESC LIMIT $${params.length}`, ...params);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, iso(v)])));
}
