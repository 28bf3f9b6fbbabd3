import type { EcsPort } from "@/lib/aws";
import { handleControlRequest } from "@/lib/sandbox/http";
import type { AppContext } from "../context";
import { loadEnvironmentRow, SANDBOX_ENVIRONMENT_ID, type EnvironmentRow } from "../environments";
import { RefusedError } from "../errors";

/**
 * Lessons work in the built-in sandbox environment and reach its ECS through the same port as
 * Plan & apply and the monitor: what a lesson does is what the app would do.
 */
export async function lessonSandbox(ctx: AppContext): Promise<{ env: EnvironmentRow; ecs: EcsPort }> {
  const env = await loadEnvironmentRow(ctx, SANDBOX_ENVIRONMENT_ID);
  return { env, ecs: ctx.aws.ecs(env) };
}

/**
 * The sandbox's own control API (capacity, faults, the clock). It is no AWS API, so it has no
 * port: it is called in-process on the context's sandbox store.
 */
export async function sandboxControl(ctx: AppContext, input: { action: string } & Record<string, unknown>): Promise<unknown> {
  const res = await handleControlRequest({ headers: { "content-type": "application/json" }, body: JSON.stringify(input) }, ctx.sandbox);
  const body = res.body ? (JSON.parse(res.body) as { __type?: string; message?: string }) : {};
  if (res.status < 400) return body;
  throw new RefusedError(`${input.action} failed: ${body.__type ?? "Error"}: ${body.message ?? "The sandbox refused the call."}`);
}
