import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { invalidAction } from "../protocols/query";
import { EC2_HANDLERS } from "./handlers";

/** One EC2 API call on the pure engine. The world moves as ECS moves it (EC2's resources here do not change by themselves). */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(EC2_HANDLERS, ECS_DYNAMICS, state, call, invalidAction);
}
