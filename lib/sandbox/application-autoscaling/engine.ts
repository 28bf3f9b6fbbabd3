import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { AAS_HANDLERS } from "./handlers";

/** One Application Auto Scaling call on the pure engine; time moves as ECS's (scheduled actions run there: ecs/auto-scaling.ts). */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(AAS_HANDLERS, ECS_DYNAMICS, state, call);
}
