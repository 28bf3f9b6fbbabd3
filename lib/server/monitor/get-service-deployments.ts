import type { ServiceRevision, TaskDefinition } from "@aws-sdk/client-ecs";
import { ACTION_PERMISSIONS, decide, decideEnvironment } from "@/lib/domain/access";
import {
  deploymentTimelines, revisionDiff, type DeploymentJson, type Json, type DeploymentView, type RevisionJson, type ServiceDeploymentsView, type TaskDefinitionJson,
} from "@/lib/domain/monitor";
import { toAwsFailure } from "@/lib/aws";
import { grantsOf } from "../approvals/grants";
import type { AppContext } from "../context";
import { loadEnvironmentRow, type EnvironmentRow } from "../environments/environment-record";
import type { ServiceRef } from "./schemas";
import { recordedServiceDeployments, recordServiceDeployments } from "./service-deployment-store";

/** How many deployments the page describes (newest first); older ones stay in ECS's 90 days of history. */
const SHOWN = 10;
/** Revisions and task definition revisions never change: read each once per process. */
const immutable = new Map<string, unknown>();
const MAX_CACHED = 2000;

const asJson = <T>(v: T) => JSON.parse(JSON.stringify(v)) as Json<T>;

async function cached<T>(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  if (immutable.has(key)) return immutable.get(key) as T;
  const v = await read();
  if (v !== undefined) {
    if (immutable.size > MAX_CACHED) immutable.clear();
    immutable.set(key, v);
  }
  return v;
}

/** What the person looking may do here, decided as the server will decide the actions. */
async function mayDeploy(ctx: AppContext, env: EnvironmentRow): Promise<{ canDeploy: boolean; cannotDeployBecause?: string }> {
  if (env.readOnly) return { canDeploy: false, cannotDeployBecause: `Environment "${env.name}" is read-only.` };
  const global = decide(ctx.actor, ACTION_PERMISSIONS.continueServiceDeploymentAction);
  const local = global ?? (ctx.actor.kind === "person"
    ? decideEnvironment(ctx.actor, "apply", { sandbox: env.kind === "sandbox", name: env.name, grants: await grantsOf(ctx.db, env.id) })
    : { code: "FORBIDDEN" as const, message: "Only people deploy." });
  return local ? { canDeploy: false, cannotDeployBecause: local.message } : { canDeploy: true };
}

/**
 * A service's deployments from ECS's service deployments API, each with its timeline (stages,
 * traffic over time from the flight recorder's earlier looks, hooks awaiting action) and the
 * diff of its source and target revisions. Every look is recorded. When ECS cannot be read,
 * the recorder's last looks are shown with ECS's error.
 */
export async function getServiceDeployments({ ctx, input }: { ctx: AppContext; input: ServiceRef }): Promise<ServiceDeploymentsView> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  const now = ctx.clock.now();
  const may = await mayDeploy(ctx, env);
  const where = { envId: input.envId, cluster: input.cluster, service: input.service };
  const ecs = ctx.aws.ecs(env);
  let latest: DeploymentJson[] = [];
  let error: string | undefined;
  const revisions = new Map<string, RevisionJson>();
  const taskDefinitions = new Map<string, TaskDefinitionJson>();
  try {
    const briefs = await ecs.listServiceDeployments({ cluster: input.cluster, service: input.service });
    const newest = briefs.filter((b) => b.serviceDeploymentArn)
      .sort((a, b) => new Date(b.createdAt ?? 0).getTime() - new Date(a.createdAt ?? 0).getTime()).slice(0, SHOWN);
    const described = await ecs.describeServiceDeployments({ serviceDeploymentArns: newest.map((b) => b.serviceDeploymentArn!) });
    latest = described.serviceDeployments.map(asJson);
    await recordServiceDeployments(ctx.db, where, latest, now);
    const revisionArns = [...new Set(latest.flatMap((d) => [d.targetServiceRevision?.arn, ...(d.sourceServiceRevisions ?? []).map((s) => s?.arn)]).filter((a): a is string => Boolean(a)))];
    const missing = revisionArns.filter((a) => !immutable.has(`rev:${a}`));
    if (missing.length) for (const r of (await ecs.describeServiceRevisions({ serviceRevisionArns: missing })).serviceRevisions) immutable.set(`rev:${r.serviceRevisionArn}`, asJson<ServiceRevision>(r));
    for (const a of revisionArns) {
      const r = immutable.get(`rev:${a}`) as RevisionJson | undefined;
      if (r) revisions.set(a, r);
    }
    // Task definitions only for what the page diffs: the moving deployment and the last few.
    const tdArns = [...new Set(latest.slice(0, 3).flatMap((d) => [d.targetServiceRevision?.arn, d.sourceServiceRevisions?.[0]?.arn]).map((a) => (a ? revisions.get(a)?.taskDefinition : undefined)).filter((a): a is string => Boolean(a)))];
    for (const td of tdArns) {
      const t = await cached(`td:${td}`, async () => {
        const out = await ecs.describeTaskDefinition({ taskDefinition: td }).catch(() => undefined);
        return out?.taskDefinition ? asJson<TaskDefinition>(out.taskDefinition) : undefined;
      });
      if (t) taskDefinitions.set(td, t as TaskDefinitionJson);
    }
  } catch (err) {
    const f = toAwsFailure(err);
    error = `${f.name}: ${f.message}`;
  }
  const history = await recordedServiceDeployments(ctx.db, where);
  if (error) {
    // ECS could not be read: the last recorded look at each deployment stands in for its answer.
    const last = new Map<string, DeploymentJson>();
    for (const o of history) last.set(o.deployment.serviceDeploymentArn ?? "", o.deployment);
    latest = [...last.values()];
  }
  const deployments: DeploymentView[] = deploymentTimelines(latest, history, now.getTime()).slice(0, SHOWN).map((t) => {
    const target = t.target ? revisions.get(t.target.arn) : undefined;
    const source = t.sources[0] ? revisions.get(t.sources[0].arn) : undefined;
    if (!target || !source) return t;
    const td = (r: RevisionJson) => (r.taskDefinition ? taskDefinitions.get(r.taskDefinition) : undefined);
    return {
      ...t, changes: revisionDiff({ revision: source, taskDefinition: td(source) }, { revision: target, taskDefinition: td(target) }),
      ...(source.taskDefinition ? { sourceTaskDefinition: source.taskDefinition } : {}), ...(target.taskDefinition ? { targetTaskDefinition: target.taskDefinition } : {}),
    };
  });
  return { deployments, ...may, ...(error ? { error } : {}), fetchedAt: now.toISOString() };
}
