import { runCall, type Call, type EngineResult } from "../core/engine";
import type { SandboxState } from "../core/types";
import { ECS_DYNAMICS } from "../ecs/engine";
import { LOGS_HANDLERS } from "./handlers";
import { liveTailUpdate, startLiveTail } from "./live-tail";

/**
 * One CloudWatch Logs call on the pure engine. The world moves as ECS moves it (a call first
 * advances the Region to "now"), so what the containers printed up to now is in the streams.
 */
export function handleOperation(state: SandboxState, call: Call): EngineResult {
  return runCall(LOGS_HANDLERS, ECS_DYNAMICS, state, call);
}

// StartLiveTail's two steps, for the edge that holds its stream open (../live-tail.ts): opening
// the session (the call as it came: `op` StartLiveTail), then one update a second (its
// selection and cursor as `input`). Not in LOGS_HANDLERS: an update is no operation of the wire.
const LIVE_TAIL = { StartLiveTail: startLiveTail, LiveTailUpdate: liveTailUpdate };

export const openLiveTail = (state: SandboxState, call: Call): EngineResult => runCall(LIVE_TAIL, ECS_DYNAMICS, state, { ...call, op: "StartLiveTail" });
export const nextLiveTailUpdate = (state: SandboxState, call: Call): EngineResult => runCall(LIVE_TAIL, ECS_DYNAMICS, state, { ...call, op: "LiveTailUpdate" });
