import { basename, extname } from "node:path";
import { z } from "zod";
import { createAutoScalingPort, createEc2Port, createEcsPort, createElbv2Port, createSchedulerPort, type AutoScalingPort, type AwsTarget, type Ec2Port, type EcsPort, type Elbv2Port, type SchedulerPort } from "../lib/aws";
import { parseDesign, type Design } from "../lib/domain/design";
import { renderPlanJson, renderPlanText, validatorErrorCount, type LiveState, type Plan } from "../lib/domain/plan";
import { planAgainstAccount } from "../lib/server/plan";
import { readInput } from "./read-input";

// `stevedore plan`: what applying a design would change in an account, computed by the same
// lib/server/plan code the app uses. Exit codes: 0 no changes (and, without
// --detailed-exitcode, changes too), 2 error; with --detailed-exitcode as terraform: 0 no
// changes, 1 error, 2 changes. The validator's errors are listed first (a plan, not a refusal).

/** ECS tag values: up to 256 of letters, digits, spaces and _ . : / = + - @. */
const DesignIdSchema = z.string().regex(/^[\p{L}\p{N} _.:/=+\-@]{1,256}$/u, "--design-id may use letters, digits, spaces and _ . : / = + - @ (at most 256)");

export const TargetFlagsSchema = z.object({
  endpoint: z.url({ message: "--endpoint must be a URL, e.g. http://localhost:3000/sandbox/ecs" }).optional(),
  profile: z.string().min(1).optional(),
  region: z.string({ message: "--region is required" }).regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "--region must be an AWS Region such as eu-west-1"),
  designId: DesignIdSchema.optional(),
  json: z.boolean().optional(),
}).refine((f) => f.endpoint || f.profile, { message: "give --endpoint URL (e.g. the sandbox) or --profile NAME (a named AWS profile)" });
export type TargetFlags = z.infer<typeof TargetFlagsSchema>;

export const PlanFlagsSchema = TargetFlagsSchema.and(z.object({ detailedExitcode: z.boolean().optional() }));

export class CliError extends Error {}

/** What `stevedore apply` does with a plan that has the validator's errors. */
export const ERRORS_REFUSED = (plan: Plan) =>
  `stevedore apply refuses this plan: ${validatorErrorCount(plan.errors.length)} (listed above). Fix them, or pass --allow-errors to apply anyway.`;

export function parseFlags<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new CliError(r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}

/**
 * With --profile the SDK reads that profile; with only --endpoint the environment's keys are
 * used if set (for the app's sandbox: a personal sandbox access key from the profile page), else
 * placeholders, which only a sandbox that checks no signature (the tests' own server) accepts.
 */
export function connectionOf(f: TargetFlags): AwsTarget {
  const envKeys = Boolean(process.env.AWS_ACCESS_KEY_ID && process.env.AWS_SECRET_ACCESS_KEY);
  return {
    region: f.region,
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    ...(f.profile ? { profile: f.profile } : {}),
    ...(!f.profile && !envKeys ? { credentials: { accessKeyId: "stevedore-sandbox", secretAccessKey: "stevedore-sandbox" } } : {}),
  };
}

/** The design's own id when it has none: the file name, which stays the same between runs. */
export function defaultDesignId(file: string): string {
  const base = basename(file, extname(file)).replace(/[^\p{L}\p{N}_.:/=+\-@]+/gu, "-");
  return base || "design";
}

export async function loadDesign(file: string): Promise<Design> {
  const read = await readInput(file);
  if (!read.ok) throw new CliError(`${file}: cannot read: ${read.message}`);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (err) {
    throw new CliError(`${file}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseDesign(json);
  if (!parsed.ok) throw new CliError(`${file}: not a Stevedore design: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  // The validator's errors travel with the plan (plan.errors): shown first, and apply refuses them unless --allow-errors.
  return parsed.design;
}

/** What `destroy` ends: the ECS port, and the ELBv2 and EC2 ports when the plan used them. */
export type Planned = { plan: Plan; ecs: EcsPort; elbv2?: Elbv2Port; autoscaling?: AutoScalingPort; scheduler?: SchedulerPort; design: Design; destroy(): void };

/**
 * The ELBv2/EC2 connection beside ECS's: AWS itself, or the app sandbox's `/sandbox/aws` (which
 * also serves ECS) when --endpoint names its `/sandbox/ecs`. Another endpoint serves them only
 * if the design has load balancers or target groups (the ECS-only test servers do not).
 */
function elbConnectionOf(f: TargetFlags, design: Design): AwsTarget | undefined {
  return sandboxAwsConnectionOf(f) ?? (design.targetGroups?.length || design.loadBalancers?.length ? connectionOf(f) : undefined);
}

/**
 * The connection to the AWS services beside ECS: AWS itself without --endpoint, the app sandbox's
 * `/sandbox/aws` (which also serves ECS) when --endpoint names its `/sandbox/ecs` or
 * `/sandbox/aws`, else undefined (another endpoint: whether it serves them is the caller's guess).
 */
export function sandboxAwsConnectionOf(f: TargetFlags): AwsTarget | undefined {
  const target = connectionOf(f);
  if (!f.endpoint) return target;
  if (/\/sandbox\/(ecs|aws)\/?$/.test(new URL(f.endpoint).pathname)) return { ...target, endpoint: f.endpoint.replace(/\/sandbox\/ecs(\/?)$/, "/sandbox/aws$1") };
  return undefined;
}

/** The EventBridge Scheduler connection, found as ELBv2's is: another endpoint serves it only if the design has scheduled tasks. */
function schedulerConnectionOf(f: TargetFlags, design: Design): AwsTarget | undefined {
  return sandboxAwsConnectionOf(f) ?? (design.scheduledTasks?.length ? connectionOf(f) : undefined);
}

/** The Application Auto Scaling connection, found as ELBv2's is: another endpoint serves it only if the design scales a service. */
function scalingConnectionOf(f: TargetFlags, design: Design): AwsTarget | undefined {
  return sandboxAwsConnectionOf(f) ?? (design.services.some((s) => s.autoScaling) ? connectionOf(f) : undefined);
}

export async function planFile(file: string, flags: TargetFlags): Promise<Planned> {
  const design = await loadDesign(file);
  const designId = flags.designId ?? defaultDesignId(file);
  // Ownership follows the id: a renamed file with the default id no longer owns (or deletes) what the old name created.
  if (!flags.designId) process.stderr.write(`stevedore: design id "${designId}" (from the file name; --design-id keeps it stable)\n`);
  return planDesignAt(design, designId, flags);
}

/** The design planned against the account `flags` name (ECS, and ELBv2, Application Auto Scaling and Scheduler where served), with what was read. */
export async function planDesignAt(design: Design, designId: string, flags: TargetFlags): Promise<Planned & { live: LiveState }> {
  const ecs = createEcsPort(connectionOf(flags));
  const elbTarget = elbConnectionOf(flags, design);
  const elbv2 = elbTarget ? createElbv2Port(elbTarget) : undefined;
  const ec2: Ec2Port | undefined = elbTarget ? createEc2Port(elbTarget) : undefined;
  const scalingTarget = scalingConnectionOf(flags, design);
  const autoscaling = scalingTarget ? createAutoScalingPort(scalingTarget) : undefined;
  const schedulerTarget = schedulerConnectionOf(flags, design);
  const scheduler = schedulerTarget ? createSchedulerPort(schedulerTarget) : undefined;
  const destroy = () => { ecs.destroy(); elbv2?.destroy(); ec2?.destroy(); autoscaling?.destroy(); scheduler?.destroy(); };
  try {
    const { plan, live } = await planAgainstAccount(ecs, design, { designId, elbv2, ec2, autoscaling, scheduler, region: flags.region });
    return { plan, live, ecs, elbv2, autoscaling, scheduler, design, destroy };
  } catch (err) {
    destroy();
    const name = err instanceof Error ? err.name : "Error";
    throw new CliError(`cannot read the account${flags.endpoint ? ` at ${flags.endpoint}` : ""}: ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function runPlan(file: string, raw: Record<string, unknown>): Promise<number> {
  let detailed = Boolean(raw.detailedExitcode);
  try {
    const flags = parseFlags(PlanFlagsSchema, raw);
    detailed = Boolean(flags.detailedExitcode);
    const { plan, destroy } = await planFile(file, flags);
    destroy();
    process.stdout.write(flags.json ? renderPlanJson(plan) : renderPlanText(plan));
    if (plan.errors.length && !plan.empty) process.stderr.write(`stevedore: ${ERRORS_REFUSED(plan)}\n`);
    return plan.empty ? 0 : detailed ? 2 : 0;
  } catch (err) {
    process.stderr.write(`stevedore: ${err instanceof Error ? err.message : String(err)}\n`);
    return detailed ? 1 : 2;
  }
}
