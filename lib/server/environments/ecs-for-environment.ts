import { createAwsEcsPort, createInProcessEcsPort, createPacer, noPacer, type EcsPort, type Pacer } from "@/lib/aws";
import { handleEcsRequest } from "@/lib/sandbox/http";
import type { Ctx } from "../context";
import { sandboxDeps } from "../sandbox";
import type { EnvironmentRow } from "./environment-record";
import { openSecret } from "./secret-box";

/** Operations that reach an environment; tests swap in a port of their own. */
export type EnvCtx = Ctx & { ecsFor?: (env: EnvironmentRow) => EcsPort };

/**
 * The sandbox is called in-process through the same handler as its HTTP route (no host or port
 * to guess, and the same store); AWS through the SDK's credential chain, paced to ECS's limits.
 */
export function ecsFor(ctx: EnvCtx, env: EnvironmentRow): { ecs: EcsPort; pacer: Pacer } {
  if (ctx.ecsFor) return { ecs: ctx.ecsFor(env), pacer: noPacer };
  if (env.kind === "sandbox") {
    const deps = sandboxDeps();
    return { ecs: createInProcessEcsPort((req) => handleEcsRequest(req, deps), env.region), pacer: noPacer };
  }
  const ecs = createAwsEcsPort({
    region: env.region,
    ...(env.endpoint ? { endpoint: env.endpoint } : {}),
    ...(env.profile ? { profile: env.profile } : {}),
    ...(env.roleArn ? { roleArn: env.roleArn } : {}),
    ...(env.externalIdSecret ? { externalId: openSecret(env.externalIdSecret) } : {}),
  });
  return { ecs, pacer: createPacer() };
}
