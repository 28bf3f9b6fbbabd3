import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { SERVICE_DISCOVERY_HANDLERS } from "./handlers";

/** One Cloud Map API call on the pure engine (the world moves with ECS's dynamics, which register Service Connect tasks). */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(SERVICE_DISCOVERY_HANDLERS, ECS_DYNAMICS, state, call);
}
