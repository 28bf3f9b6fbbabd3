import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { LOGS_HANDLERS } from "./handlers";

/**
 * One CloudWatch Logs call on the pure engine. The world moves as ECS moves it (a call first
 * advances the Region to "now"), so what the containers printed up to now is in the streams.
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(LOGS_HANDLERS, ECS_DYNAMICS, state, call);
}
