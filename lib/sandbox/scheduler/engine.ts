import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { SCHEDULER_HANDLERS } from "./handlers";

/**
 * One EventBridge Scheduler call on the pure engine. The world moves as ECS moves it (a call
 * first advances the Region to "now"), so schedules due since have run their tasks.
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(SCHEDULER_HANDLERS, ECS_DYNAMICS, state, call);
}
