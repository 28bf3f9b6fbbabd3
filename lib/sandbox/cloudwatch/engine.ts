import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { CLOUDWATCH_HANDLERS } from "./handlers";

/**
 * One CloudWatch call on the pure engine. The world moves as ECS moves it (a call first advances
 * the Region to "now"), so every minute's metrics up to now are recorded and alarms evaluated.
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(CLOUDWATCH_HANDLERS, ECS_DYNAMICS, state, call);
}
