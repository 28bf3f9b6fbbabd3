import { z } from "zod";
import { HistoryQuerySchema, LogsQuerySchema, MetricsQuerySchema, RunTaskOptionsSchema } from "@/lib/domain/monitor";

// ECS names: clusters and services are up to 255 letters, digits, hyphens and underscores.
const EcsName = z.string().min(1).max(255).regex(/^[A-Za-z0-9_-]+$/, "Not an ECS name");

/** Environments are keyed by uuid; anything else names none (and must not reach PostgreSQL's uuid cast). */
const EnvId = z.uuid({ message: "Not an environment id" });

export const ClusterRefSchema = z.object({ envId: EnvId, cluster: EcsName });
export type ClusterRef = z.infer<typeof ClusterRefSchema>;

export const ClusterViewInputSchema = ClusterRefSchema.extend({ service: EcsName.optional() });
export type ClusterViewInput = z.infer<typeof ClusterViewInputSchema>;

export const HistoryInputSchema = ClusterRefSchema.and(HistoryQuerySchema);
export type HistoryInput = z.infer<typeof HistoryInputSchema>;

export const ServiceRefSchema = ClusterRefSchema.extend({ service: EcsName });
export type ServiceRef = z.infer<typeof ServiceRefSchema>;

/** A service's container logs: which lines, a page token or a live tail (lib/domain/monitor/logs.ts). */
export const ServiceLogsInputSchema = ServiceRefSchema.extend(LogsQuerySchema.shape);

/** A service's CPU and memory utilisation over one of the offered ranges (lib/domain/monitor/metrics.ts). */
export const ServiceMetricsInputSchema = ServiceRefSchema.extend(MetricsQuerySchema.shape);

export const EnvRefSchema = z.object({ envId: EnvId });

/** What the monitor's routes answer when the environment id is malformed: it names no environment. */
export const envNotFound = (raw: Record<string, unknown>) => `Environment ${raw.envId} does not exist`;
export type EnvRef = z.infer<typeof EnvRefSchema>;

// A service deployment's ARN: arn:aws:ecs:<region>:<account>:service-deployment/<cluster>/<service>/<id>.
const ServiceDeploymentArn = z.string().max(1600).regex(/^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/, "Not a service deployment ARN");

/** The deployment must be one of the service the request names (its ARN says whose it is). */
function ofTheService(v: { cluster: string; service: string; serviceDeploymentArn: string }, ctx: z.RefinementCtx) {
  const [, cluster, service] = v.serviceDeploymentArn.slice(v.serviceDeploymentArn.indexOf(":service-deployment/") + 1).split("/");
  if (cluster !== v.cluster || service !== v.service) {
    ctx.addIssue({ code: "custom", path: ["serviceDeploymentArn"], message: `serviceDeploymentArn is a deployment of ${cluster}/${service}, not of ${v.cluster}/${v.service}` });
  }
}

/** Continue or roll back a lifecycle hook awaiting action (ContinueServiceDeployment). */
export const ContinueDeploymentInputSchema = ServiceRefSchema.extend({
  serviceDeploymentArn: ServiceDeploymentArn,
  hookId: z.string().min(1, "hookId is required").max(1024),
  action: z.enum(["CONTINUE", "ROLLBACK"], { message: "action is CONTINUE or ROLLBACK" }),
}).superRefine(ofTheService);
export type ContinueDeploymentInput = z.infer<typeof ContinueDeploymentInputSchema>;

/** Roll back a deployment in progress (StopServiceDeployment, stopType ROLLBACK). */
export const RollbackDeploymentInputSchema = ServiceRefSchema.extend({ serviceDeploymentArn: ServiceDeploymentArn }).superRefine(ofTheService);
export type RollbackDeploymentInput = z.infer<typeof RollbackDeploymentInputSchema>;


/** ECS's quota of tasks per service is 5,000 ("Amazon ECS service quotas"). */
export const SetDesiredCountInputSchema = ServiceRefSchema.extend({
  desiredCount: z.number({ message: "desiredCount is a whole number" }).int("desiredCount is a whole number").min(0, "desiredCount is at least 0").max(5000, "desiredCount is at most 5000 (tasks per service)"),
});
export type SetDesiredCountInput = z.infer<typeof SetDesiredCountInputSchema>;

const Rps = (field: string) => z.number({ message: `${field} is a number of requests per second` }).min(0, `${field} is at least 0`).max(100_000, `${field} is at most 100000 requests per second`);
const Minutes = (field: string, min: number) => z.number({ message: `${field} is a number of minutes` }).int(`${field} is a whole number of minutes`).min(min, `${field} is at least ${min}`).max(1440, `${field} is at most 1440 (a day)`);

/** The sandbox's simulated request rate over its clock (its control `setLoad`): constant, a ramp, a daily curve (UTC), a spike, or none (off). */
export const LoadShapeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("constant"), rps: Rps("rps") }),
  z.object({ kind: z.literal("ramp"), from: Rps("from"), to: Rps("to"), minutes: Minutes("minutes", 1) }),
  z.object({ kind: z.literal("daily"), peak: Rps("peak"), trough: Rps("trough"), peakHour: z.number({ message: "peakHour is an hour of the day (UTC)" }).int("peakHour is a whole hour").min(0, "peakHour is 0–23").max(23, "peakHour is 0–23") })
    .refine((s) => s.trough <= s.peak, { path: ["trough"], message: "trough is at most peak" }),
  z.object({ kind: z.literal("spike"), base: Rps("base"), height: Rps("height"), atMinutes: Minutes("atMinutes", 0), minutes: Minutes("minutes", 1) }),
  z.object({ kind: z.literal("off") }),
], { message: "kind is constant, ramp, daily, spike or off" });

export const SetSimulatedLoadInputSchema = ServiceRefSchema.extend({ shape: LoadShapeSchema });
export type SetSimulatedLoadInput = z.infer<typeof SetSimulatedLoadInputSchema>;
// A task definition as RunTask names one: a family, family:revision, or its ARN.
const TaskDefinitionRef = z.string().min(1, "taskDefinition is required").max(1600)
  .regex(/^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?[A-Za-z0-9_-]{1,255}(:\d+)?$/, "Not a task definition (family, family:revision or ARN)");

/** Which task definition a one-off task runs: one registered in the environment, or a design's (registered first, as apply does). */
export const RunTaskSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("registered"), taskDefinition: TaskDefinitionRef }),
  z.object({ kind: z.literal("design"), designId: z.uuid({ message: "Not a design id" }), taskDefinition: z.string().min(1, "taskDefinition is required").max(255) }),
], { message: "source.kind is registered or design" });

/** Run a one-off task now (RunTask) in a cluster of the environment. */
export const RunTaskInputSchema = ClusterRefSchema.extend({ source: RunTaskSourceSchema, options: RunTaskOptionsSchema });
export type RunTaskInput = z.infer<typeof RunTaskInputSchema>;

// A task id: 32 hex digits (or an ARN ending in one).
const TaskId = z.string().regex(/^[0-9a-f]{32}$/, "Not a task id");

/** One task of a cluster, by id: its run (status, exit codes, logs) or its ECS Exec readiness. */
export const TaskRefSchema = ClusterRefSchema.extend({ task: TaskId, container: z.string().min(1).max(255).optional() });
export type TaskRef = z.infer<typeof TaskRefSchema>;

/** What the Run task dialog offers: the environment's families, a family's revisions, a definition's containers, a service's defaults. */
export const RunTaskChoicesInputSchema = ClusterRefSchema.extend({ service: EcsName.optional(), taskDefinition: TaskDefinitionRef.optional() });
export type RunTaskChoicesInput = z.infer<typeof RunTaskChoicesInputSchema>;
