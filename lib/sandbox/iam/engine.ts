import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { invalidAction } from "../protocols/query";
import { IAM_HANDLERS } from "./handlers";

/**
 * IAM is global: whatever Region a client signs for, its roles are the account's, kept in the
 * world of IAM's home Region (us-east-1, where its control plane lives).
 */
export const IAM_REGION = "us-east-1";

/** One IAM API call on the pure engine. */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(IAM_HANDLERS, ECS_DYNAMICS, state, { ...call, region: IAM_REGION }, invalidAction);
}
