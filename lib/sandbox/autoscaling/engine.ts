import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { invalidAction } from "../protocols/query";
import { AUTOSCALING_HANDLERS } from "./handlers";

/**
 * One EC2 Auto Scaling call on the pure engine. The world moves as ECS moves it: a group's
 * instances come and go with the capacity provider that uses it (ecs/capacity.ts).
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(AUTOSCALING_HANDLERS, ECS_DYNAMICS, state, call, invalidAction);
}
