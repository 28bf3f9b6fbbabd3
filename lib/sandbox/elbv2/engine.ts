import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { invalidAction } from "../protocols/query";
import { ELBV2_HANDLERS } from "./handlers";

/**
 * One ELBv2 API call on the pure engine. The world moves as ECS moves it: target health is a
 * function of simulated time (targets.ts), so ELBv2 brings no dynamics of its own.
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(ELBV2_HANDLERS, ECS_DYNAMICS, state, call, invalidAction);
}
