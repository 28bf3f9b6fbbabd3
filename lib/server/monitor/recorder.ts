import type { Db } from "@/lib/db";
import { pruneServiceDeployments } from "./service-deployment-store";
import { changedSamples, recordsOf, type ClusterSnapshot, type ServiceSample, type SnapshotRecords } from "@/lib/domain/monitor";

// The flight recorder: what ECS forgets (events past the latest 100, stopped tasks past their
// hour, superseded deployments) kept in PostgreSQL. Rows carry a de-duplication key under a
// unique index, so inserting what is already there is a no-op (ON CONFLICT DO NOTHING), and
// a set of keys already written spares the database most of those no-ops on the next refresh.

export const DEFAULT_RETENTION_DAYS = 30;

export function retentionDays(): number {
  const n = Number(process.env.STEVEDORE_MONITOR_RETENTION_DAYS);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_RETENTION_DAYS;
}

export type RecordCounts = { events: number; tasks: number; deployments: number; samples: number };

const MAX_SEEN = 200_000;

export class FlightRecorder {
  private readonly seen = new Set<string>();
  private readonly lastSample = new Map<string, ServiceSample>();

  constructor(private readonly db: Db, private readonly envId: string, private readonly cluster: string) {}

  /** Writes what the snapshot adds to the history; returns how many rows were new. */
  async record(snapshot: ClusterSnapshot, now: Date): Promise<RecordCounts> {
    const all = recordsOf(snapshot);
    const fresh = <T extends { key: string }>(rows: T[], kind: string) => rows.filter((r) => !this.seen.has(`${kind}:${r.key}`));
    const recs: SnapshotRecords = {
      events: fresh(all.events, "e"), tasks: fresh(all.tasks, "t"), deployments: fresh(all.deployments, "d"),
      samples: changedSamples(all.samples, this.lastSample),
    };
    const counts = await insertRecords(this.db, this.envId, this.cluster, recs, now);
    if (this.seen.size > MAX_SEEN) this.seen.clear();
    for (const r of recs.events) this.seen.add(`e:${r.key}`);
    for (const r of recs.tasks) this.seen.add(`t:${r.key}`);
    for (const r of recs.deployments) this.seen.add(`d:${r.key}`);
    for (const s of recs.samples) this.lastSample.set(s.serviceName, s);
    return counts;
  }
}

/** One statement per table, however many rows: the rows travel as one JSON parameter. */
export async function insertRecords(db: Db, envId: string, cluster: string, r: SnapshotRecords, now: Date): Promise<RecordCounts> {
  const at = now.toISOString();
  const run = (sql: string, rows: unknown[]) => (rows.length ? db.$executeRawUnsafe(sql, envId, cluster, at, JSON.stringify(rows)) : Promise.resolve(0));
  const [events, tasks, deployments, samples] = await Promise.all([
    run(`INSERT INTO "monitor_events" ("environment_id", "cluster", "key", "service_name", "event_id", "created_at", "message", "recorded_at")
      SELECT $1, $2, r."key", r."serviceName", r."eventId", r."createdAt"::timestamptz, r."message", $3::timestamptz
      FROM jsonb_to_recordset($4::jsonb) AS r("key" text, "serviceName" text, "eventId" text, "createdAt" text, "message" text)
      ON CONFLICT DO NOTHING`, r.events),
    run(`INSERT INTO "monitor_task_states" ("environment_id", "cluster", "key", "task_arn", "task_id", "service_name", "last_status",
        "desired_status", "health_status", "task_definition_arn", "availability_zone", "started_at", "stopped_at", "stop_code",
        "stopped_reason", "stop_category", "explanation", "containers", "observed_at", "recorded_at")
      SELECT $1, $2, r."key", r."taskArn", r."taskId", r."serviceName", r."lastStatus", r."desiredStatus", r."healthStatus",
        r."taskDefinitionArn", r."availabilityZone", r."startedAt"::timestamptz, r."stoppedAt"::timestamptz, r."stopCode",
        r."stoppedReason", r."stopCategory", r."explanation", r."containers", r."observedAt"::timestamptz, $3::timestamptz
      FROM jsonb_to_recordset($4::jsonb) AS r("key" text, "taskArn" text, "taskId" text, "serviceName" text, "lastStatus" text,
        "desiredStatus" text, "healthStatus" text, "taskDefinitionArn" text, "availabilityZone" text, "startedAt" text,
        "stoppedAt" text, "stopCode" text, "stoppedReason" text, "stopCategory" text, "explanation" text, "containers" jsonb, "observedAt" text)
      ON CONFLICT DO NOTHING`, r.tasks),
    run(`INSERT INTO "monitor_deployments" ("environment_id", "cluster", "key", "service_name", "deployment_id", "status", "rollout_state",
        "rollout_state_reason", "task_definition", "desired_count", "running_count", "failed_tasks", "updated_at", "observed_at", "recorded_at")
      SELECT $1, $2, r."key", r."serviceName", r."deploymentId", r."status", r."rolloutState", r."rolloutStateReason", r."taskDefinition",
        r."desiredCount", r."runningCount", r."failedTasks", r."updatedAt"::timestamptz, r."observedAt"::timestamptz, $3::timestamptz
      FROM jsonb_to_recordset($4::jsonb) AS r("key" text, "serviceName" text, "deploymentId" text, "status" text, "rolloutState" text,
        "rolloutStateReason" text, "taskDefinition" text, "desiredCount" int, "runningCount" int, "failedTasks" int, "updatedAt" text, "observedAt" text)
      ON CONFLICT DO NOTHING`, r.deployments),
    run(`INSERT INTO "monitor_samples" ("environment_id", "cluster", "service_name", "at", "desired", "running", "pending")
      SELECT $1, $2, r."serviceName", r."at"::timestamptz, r."desired", r."running", r."pending"
      FROM jsonb_to_recordset($4::jsonb) AS r("serviceName" text, "at" text, "desired" int, "running" int, "pending" int)
      WHERE $3::timestamptz IS NOT NULL`, r.samples),
  ]);
  return { events, tasks, deployments, samples };
}

/** Deletes what was recorded before the retention window; returns the rows removed. */
export async function pruneHistory(db: Db, now: Date, days = retentionDays()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const counts = await Promise.all([
    db.$executeRawUnsafe(`DELETE FROM "monitor_events" WHERE "recorded_at" < $1::timestamptz`, cutoff),
    db.$executeRawUnsafe(`DELETE FROM "monitor_task_states" WHERE "recorded_at" < $1::timestamptz`, cutoff),
    db.$executeRawUnsafe(`DELETE FROM "monitor_deployments" WHERE "recorded_at" < $1::timestamptz`, cutoff),
    db.$executeRawUnsafe(`DELETE FROM "monitor_samples" WHERE "at" < $1::timestamptz`, cutoff),
    pruneServiceDeployments(db, cutoff),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}
