import { createEcsPort, createInProcessEcsPort, createPacer, toAwsFailure, type EcsPort, type Pacer } from "@/lib/aws";
import { ECS_LIMITS } from "@/lib/domain/aws-limits";
import { handleEcsRequest } from "@/lib/sandbox/http";
import type { Actor } from "@/lib/domain/access";
import type { SandboxDeps } from "@/lib/sandbox/store";
import type { AppContext } from "./context";
import { AppError, AwsCallError } from "./errors";
import type { EnvironmentRow } from "./environments/environment-record";
import { openSecret } from "./environments/secret-box";

/** The AWS ports of each environment: the one way an operation reaches AWS (or the sandbox). */
export type AwsPorts = { ecs(env: EnvironmentRow): EcsPort };

// Process-wide, on purpose: an SDK client is meant to be reused (it keeps its connections and
// its adaptive-retry state), and a pacer only works if every caller of the same account and
// Region draws from the same buckets. A changed environment (endpoint, profile, role) gets a new
// client, because the key is its whole connection.
const g = globalThis as typeof globalThis & {
  __stevedoreAwsPorts?: { ecs: Map<string, EcsPort>; pacers: Map<string, Pacer>; sandbox: WeakMap<SandboxDeps, Map<string, EcsPort>> };
};
const registry = () => (g.__stevedoreAwsPorts ??= { ecs: new Map(), pacers: new Map(), sandbox: new WeakMap() });

/**
 * The sandbox is called in-process through the same handler as its HTTP route (no host or port
 * to guess, and the same store); AWS through the SDK's credential chain, paced to its limits.
 * An assumed role's session names who it acts for (`actor`: the person's email, the server's
 * own work "stevedore") as its SourceIdentity and session tag, so each person gets their own
 * role session (and client); the pacer stays one per account and Region.
 */
export function appAwsPorts(sandbox: SandboxDeps, actor?: Actor): AwsPorts {
  const actingFor = actor?.kind === "person" ? actor.person.email : undefined;
  return {
    ecs(env) {
      const r = registry();
      if (env.kind === "sandbox") {
        const ports = r.sandbox.get(sandbox) ?? new Map<string, EcsPort>();
        r.sandbox.set(sandbox, ports);
        let port = ports.get(env.region);
        if (!port) ports.set(env.region, (port = createInProcessEcsPort((req) => handleEcsRequest(req, sandbox), env.region)));
        return port;
      }
      const connection = JSON.stringify([env.region, env.endpoint, env.profile, env.roleArn, env.externalIdSecret]);
      const key = env.roleArn ? JSON.stringify([connection, actingFor ?? null]) : connection;
      let port = r.ecs.get(key);
      if (!port) {
        let pacer = r.pacers.get(connection);
        if (!pacer) r.pacers.set(connection, (pacer = createPacer(ECS_LIMITS.buckets)));
        port = createEcsPort({
          region: env.region,
          ...(env.endpoint ? { endpoint: env.endpoint } : {}),
          ...(env.profile ? { profile: env.profile } : {}),
          ...(env.roleArn ? { roleArn: env.roleArn } : {}),
          ...(env.externalIdSecret ? { externalId: openSecret(env.externalIdSecret) } : {}),
          ...(env.roleArn && actingFor ? { actingFor } : {}),
        }, pacer);
        r.ecs.set(key, port);
      }
      return port;
    },
  };
}

/** Runs `fn` against the environment's ECS; whatever ECS (or the credential chain) refused becomes an AwsCallError with its own words. */
export async function withEcs<T>(ctx: Pick<AppContext, "aws">, env: EnvironmentRow, fn: (ecs: EcsPort) => Promise<T>): Promise<T> {
  try {
    return await fn(ctx.aws.ecs(env));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const f = toAwsFailure(err);
    throw new AwsCallError("ecs", f.name, f.message);
  }
}
