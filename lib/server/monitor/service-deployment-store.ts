import type { Db } from "@/lib/db";
import { deploymentObservationKey, type DeploymentJson, type DeploymentObservation } from "@/lib/domain/monitor";

// The flight recorder's part for ECS's service deployments: every distinct look at one (status,
// stage, traffic weights, hooks) as DescribeServiceDeployments answered it, so the traffic split
// over time survives the poller and a deployment ECS has forgotten is still on the page.

type Where = { envId: string; cluster: string; service: string };

/** One statement however many rows; a look already recorded is a no-op (unique key). */
export async function recordServiceDeployments(db: Db, w: Where, deployments: readonly DeploymentJson[], now: Date): Promise<number> {
  if (deployments.length === 0) return 0;
  const rows = deployments.map((d) => ({
    key: deploymentObservationKey(d), arn: d.serviceDeploymentArn ?? "", status: d.status ?? "UNKNOWN", stage: d.lifecycleStage ?? null, body: d,
  }));
  return db.$executeRawUnsafe(`INSERT INTO "monitor_service_deployments" ("environment_id", "cluster", "key", "service_name", "service_deployment_arn",
      "status", "lifecycle_stage", "body", "observed_at", "recorded_at")
    SELECT $1, $2, r."key", $3, r."arn", r."status", r."stage", r."body", $4::timestamptz, $4::timestamptz
    FROM jsonb_to_recordset($5::jsonb) AS r("key" text, "arn" text, "status" text, "stage" text, "body" jsonb)
    ON CONFLICT DO NOTHING`, w.envId, w.cluster, w.service, now.toISOString(), JSON.stringify(rows));
}

/** Every recorded look at the service's deployments, oldest first (at most `limit`). */
export async function recordedServiceDeployments(db: Db, w: Where, limit = 2000): Promise<DeploymentObservation[]> {
  const rows = await db.$queryRawUnsafe<{ body: DeploymentJson; observed_at: Date }[]>(
    `SELECT "body", "observed_at" FROM "monitor_service_deployments" WHERE "environment_id" = $1 AND "cluster" = $2 AND "service_name" = $3
     ORDER BY "observed_at" DESC, "id" DESC LIMIT $4`, w.envId, w.cluster, w.service, limit);
  return rows.reverse().map((r) => ({ at: new Date(r.observed_at).toISOString(), deployment: r.body }));
}

/** Recorded looks expire with the rest of the flight recorder. */
export async function pruneServiceDeployments(db: Db, cutoff: string): Promise<number> {
  return db.$executeRawUnsafe(`DELETE FROM "monitor_service_deployments" WHERE "recorded_at" < $1::timestamptz`, cutoff);
}
