import {
  createAutoScalingPort, createInProcessAutoScalingPort, type AutoScalingPort, createInProcessSchedulerPort, createSchedulerPort, type SchedulerPort,
  createCloudWatchPort, createInProcessCloudWatchPort, type CloudWatchPort, createEc2AutoScalingPort, createInProcessEc2AutoScalingPort, type Ec2AutoScalingPort, createInProcessPricingPort, createPricingPort, type PricingPort,
  createEc2Port, createEcsPort, createElbv2Port, createIamPort, createInProcessEc2Port, createInProcessEcsPort, createInProcessElbv2Port, createInProcessIamPort,
  createInProcessLogsPort, createLogsPort, createInProcessServiceDiscoveryPort, createPacer, createServiceDiscoveryPort, toAwsFailure,
  type AwsTarget, type Ec2Port, type EcsPort, type Elbv2Port, type IamPort, type InProcessHandler, type LogsPort, type Pacer, type ServiceDiscoveryPort,
} from "@/lib/aws";
import { AUTOSCALING_LIMITS, CLOUDWATCH_LIMITS, EC2_AUTOSCALING_LIMITS, PRICING_LIMITS, SCHEDULER_LIMITS, EC2_LIMITS, ECS_LIMITS, ELBV2_LIMITS, IAM_LIMITS, LOGS_LIMITS, SERVICE_DISCOVERY_LIMITS, type Bucket } from "@/lib/domain/aws-limits";
import { handleAwsRequest, handleEcsRequest } from "@/lib/sandbox/http";
import type { Actor } from "@/lib/domain/access";
import type { SandboxDeps } from "@/lib/sandbox/store";
import type { AppContext } from "./context";
import { AppError, AwsCallError } from "./errors";
import type { EnvironmentRow } from "./environments/environment-record";
import { openSecret } from "./environments/secret-box";

/** The AWS ports of each environment: the one way an operation reaches AWS (or the sandbox). */
export type AwsPorts = {
  ecs(env: EnvironmentRow): EcsPort; elbv2(env: EnvironmentRow): Elbv2Port; ec2(env: EnvironmentRow): Ec2Port; iam(env: EnvironmentRow): IamPort;
  servicediscovery(env: EnvironmentRow): ServiceDiscoveryPort; logs(env: EnvironmentRow): LogsPort;
  autoscaling(env: EnvironmentRow): AutoScalingPort; scheduler(env: EnvironmentRow): SchedulerPort; cloudwatch(env: EnvironmentRow): CloudWatchPort;
  /** EC2 Auto Scaling (the groups capacity providers name); `autoscaling` is Application Auto Scaling. */
  ec2AutoScaling(env: EnvironmentRow): Ec2AutoScalingPort;
  /** The Price List Query API (its endpoint Region, not the environment's: see lib/aws/pricing.ts). */
  pricing(env: EnvironmentRow): PricingPort;
};

type Service = keyof AwsPorts;
type Port = EcsPort | Elbv2Port | Ec2Port | IamPort | ServiceDiscoveryPort | LogsPort | AutoScalingPort | SchedulerPort | CloudWatchPort | Ec2AutoScalingPort | PricingPort;
type Kind<S extends Service> = ReturnType<AwsPorts[S]>;

/** How each service's port is made: against an account (paced to its limits), and in-process against the sandbox. */
const MAKERS: { [S in Service]: { buckets: Record<string, Bucket>; account(t: AwsTarget, p: Pacer): Kind<S>; sandbox(h: InProcessHandler, region: string): Kind<S>; handler: typeof handleAwsRequest } } = {
  ecs: { buckets: ECS_LIMITS.buckets, account: createEcsPort, sandbox: createInProcessEcsPort, handler: handleEcsRequest },
  elbv2: { buckets: ELBV2_LIMITS.buckets, account: createElbv2Port, sandbox: createInProcessElbv2Port, handler: handleAwsRequest },
  ec2: { buckets: EC2_LIMITS.buckets, account: createEc2Port, sandbox: createInProcessEc2Port, handler: handleAwsRequest },
  iam: { buckets: IAM_LIMITS.buckets, account: createIamPort, sandbox: createInProcessIamPort, handler: handleAwsRequest },
  logs: { buckets: LOGS_LIMITS.buckets, account: createLogsPort, sandbox: createInProcessLogsPort, handler: handleAwsRequest },
  servicediscovery: { buckets: SERVICE_DISCOVERY_LIMITS.buckets, account: createServiceDiscoveryPort, sandbox: createInProcessServiceDiscoveryPort, handler: handleAwsRequest },
  autoscaling: { buckets: AUTOSCALING_LIMITS.buckets, account: createAutoScalingPort, sandbox: createInProcessAutoScalingPort, handler: handleAwsRequest },
  scheduler: { buckets: SCHEDULER_LIMITS.buckets, account: createSchedulerPort, sandbox: createInProcessSchedulerPort, handler: handleAwsRequest },
  cloudwatch: { buckets: CLOUDWATCH_LIMITS.buckets, account: createCloudWatchPort, sandbox: createInProcessCloudWatchPort, handler: handleAwsRequest },
  ec2AutoScaling: { buckets: EC2_AUTOSCALING_LIMITS.buckets, account: createEc2AutoScalingPort, sandbox: createInProcessEc2AutoScalingPort, handler: handleAwsRequest },
  pricing: { buckets: PRICING_LIMITS.buckets, account: createPricingPort, sandbox: createInProcessPricingPort, handler: handleAwsRequest },
};

// Process-wide, on purpose: an SDK client is meant to be reused (it keeps its connections and
// its adaptive-retry state), and a pacer only works if every caller of the same account and
// Region draws from the same buckets. A changed environment (endpoint, profile, role) gets a new
// client, because the key is its whole connection.
type Registry = { ports: Map<string, Port>; pacers: Map<string, Pacer>; sandbox: WeakMap<SandboxDeps, Map<string, Port>> };
const g = globalThis as typeof globalThis & { __stevedoreAwsPorts?: Registry };
const registry = () => (g.__stevedoreAwsPorts ??= { ports: new Map(), pacers: new Map(), sandbox: new WeakMap() });

function portOf<S extends Service>(service: S, env: EnvironmentRow, sandbox: SandboxDeps, actingFor: string | undefined): Kind<S> {
  const r = registry();
  const make = MAKERS[service];
  if (env.kind === "sandbox") {
    const ports = r.sandbox.get(sandbox) ?? new Map<string, Port>();
    r.sandbox.set(sandbox, ports);
    const key = `${service}:${env.region}`;
    let port = ports.get(key);
    if (!port) ports.set(key, (port = make.sandbox((req) => make.handler(req, sandbox), env.region)));
    return port as Kind<S>;
  }
  const connection = JSON.stringify([env.region, env.endpoint, env.profile, env.roleArn, env.externalIdSecret]);
  // An assumed role's session is the person's own; the pacer is the account and Region's.
  const key = `${service}:${env.roleArn ? JSON.stringify([connection, actingFor ?? null]) : connection}`;
  let port = r.ports.get(key);
  if (!port) {
    const pacerKey = `${service}:${connection}`;
    let pacer = r.pacers.get(pacerKey);
    if (!pacer) r.pacers.set(pacerKey, (pacer = createPacer(make.buckets)));
    port = make.account({
      region: env.region,
      ...(env.endpoint ? { endpoint: env.endpoint } : {}),
      ...(env.profile ? { profile: env.profile } : {}),
      ...(env.roleArn ? { roleArn: env.roleArn } : {}),
      ...(env.externalIdSecret ? { externalId: openSecret(env.externalIdSecret) } : {}),
      ...(env.roleArn && actingFor ? { actingFor } : {}),
    }, pacer);
    r.ports.set(key, port);
  }
  return port as Kind<S>;
}

/**
 * The sandbox is called in-process through the same handlers as its HTTP routes (no host or port
 * to guess, and the same store); AWS through the SDK's credential chain, paced to each service's limits.
 * An assumed role's session names who it acts for (`actor`: the person's email, the server's
 * own work "stevedore") as its SourceIdentity and session tag, so each person gets their own
 * role session (and client); the pacer stays one per account and Region.
 */
export function appAwsPorts(sandbox: SandboxDeps, actor?: Actor): AwsPorts {
  const actingFor = actor?.kind === "person" ? actor.person.email : undefined;
  return {
    ecs: (env) => portOf("ecs", env, sandbox, actingFor),
    elbv2: (env) => portOf("elbv2", env, sandbox, actingFor),
    ec2: (env) => portOf("ec2", env, sandbox, actingFor),
    iam: (env) => portOf("iam", env, sandbox, actingFor),
    logs: (env) => portOf("logs", env, sandbox, actingFor),
    servicediscovery: (env) => portOf("servicediscovery", env, sandbox, actingFor),
    autoscaling: (env) => portOf("autoscaling", env, sandbox, actingFor),
    scheduler: (env) => portOf("scheduler", env, sandbox, actingFor),
    cloudwatch: (env) => portOf("cloudwatch", env, sandbox, actingFor),
    ec2AutoScaling: (env) => portOf("ec2AutoScaling", env, sandbox, actingFor),
    pricing: (env) => portOf("pricing", env, sandbox, actingFor),
  };
}

/** Runs `fn` against the environment's `service`; whatever AWS (or the credential chain) refused becomes an AwsCallError with its own words. */
export async function withAws<S extends Service, T>(ctx: Pick<AppContext, "aws">, env: EnvironmentRow, service: S, fn: (port: Kind<S>) => Promise<T>): Promise<T> {
  try {
    return await fn(ctx.aws[service](env) as Kind<S>);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const f = toAwsFailure(err);
    throw new AwsCallError(service, f.name, f.message);
  }
}

/**
 * The ports a plan of the environment reads besides ECS, and its apply calls: ELBv2 for the
 * design's load balancers and target groups, EC2 for the default VPC they go into.
 */
export const planPorts = (ctx: Pick<AppContext, "aws">, env: EnvironmentRow) => ({ elbv2: ctx.aws.elbv2(env), ec2: ctx.aws.ec2(env), autoscaling: ctx.aws.autoscaling(env), scheduler: ctx.aws.scheduler(env) });

/** `withAws` for ECS. */
export const withEcs = <T>(ctx: Pick<AppContext, "aws">, env: EnvironmentRow, fn: (ecs: EcsPort) => Promise<T>) => withAws(ctx, env, "ecs", fn);
