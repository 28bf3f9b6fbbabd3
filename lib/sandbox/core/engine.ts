import { simNow } from "./clock";
import { draftWorld, finishDraft } from "./draft";
import { AwsError } from "./errors";
import { baseWorld, withWorld } from "./state";
import type { Ctx, SandboxConfig, SandboxState, World } from "./types";

// How every service runs a call: (state, call, time) → (state, answer). Before the call the
// world is advanced to "now" (what fell due since, in time order); then the operation runs on a
// copy-on-write draft (draft.ts) and the world reacts to what it changed. A call that changes
// nothing hands back the very state it was given. Nothing here knows a service: the handler
// table says what a call does, the dynamics what time and changes do to the world.

/** One operation of a service: reads and changes a draft of the world, returns its answer or throws an AwsError. */
export type Operation = (world: World, input: unknown, ctx: Ctx) => unknown;

/** A service's handler table: operation name (as its protocol names it) → operation. */
export type Handlers = Readonly<Record<string, Operation>>;

/** How the world moves by itself; both mutate the draft they are given. */
export type Dynamics = {
  /** Processes everything that falls due up to `to`, in time order, and leaves `world.now` at `to`. */
  advance(world: World, config: SandboxConfig, to: number): void;
  /** Lets the world react to a change an operation made (e.g. the ECS scheduler placing tasks). */
  settle(world: World, ctx: Ctx): void;
};

/** A call as the protocol adapter read it; `realNow` is the edge's wall clock (the engine never reads one). */
export type Call = { region: string; op: string; input: unknown; realNow: number };

export type EngineResult = { state: SandboxState; output?: unknown; error?: AwsError };

/** A service's pure engine: one call on the state, as its protocol adapter runs it. */
export type Engine = (state: SandboxState, call: Call) => EngineResult;

/** `world` advanced to `to`, as a new world sharing what did not change (`world` itself when nothing did). */
export function advancedWorld(dynamics: Dynamics, world: World, config: SandboxConfig, to: number): World {
  const draft = draftWorld(world);
  dynamics.advance(draft, config, to);
  return finishDraft(draft);
}

/**
 * Runs `operation` on a draft of `world` and lets the world settle; on an AwsError the world
 * stays as it was (the draft is dropped), as AWS leaves nothing half-done behind a failed call.
 */
function runOnWorld(dynamics: Dynamics, world: World, config: SandboxConfig, operation: (draft: World, ctx: Ctx) => unknown): { world: World; output?: unknown; error?: AwsError } {
  const draft = draftWorld(world);
  const ctx: Ctx = { now: draft.now, config };
  try {
    const output = operation(draft, ctx);
    dynamics.settle(draft, ctx);
    return { world: finishDraft(draft), output };
  } catch (e) {
    if (e instanceof AwsError) return { world, error: e };
    throw e;
  }
}

/** Runs `operation` in `region`'s world, first advanced to the simulated "now" of `realNow`. */
export function runInRegion(dynamics: Dynamics, state: SandboxState, region: string, realNow: number, operation: (draft: World, ctx: Ctx) => unknown): EngineResult {
  const now = simNow(state.clock, realNow);
  const advanced = advancedWorld(dynamics, baseWorld(state, region, now), state.config, now);
  const r = runOnWorld(dynamics, advanced, state.config, operation);
  // A failed call in a region never used before leaves no world behind: it stored nothing.
  if (r.error && !Object.hasOwn(state.worlds, region)) return { state, error: r.error };
  return { state: withWorld(state, region, r.world), output: r.output, error: r.error };
}

/** What a service answers an operation it does not have with (awsJson1_1 services: UnknownOperationException). */
export type UnknownOperation = (op: string) => AwsError;

const unknownOperation: UnknownOperation = (op) => new AwsError("UnknownOperationException", `Unknown operation ${op}`);

/** One call of a service: its handler for `call.op` (or the service's unknown-operation error) run in the call's region. */
export function runCall(handlers: Handlers, dynamics: Dynamics, state: SandboxState, call: Call, unknown: UnknownOperation = unknownOperation): EngineResult {
  const operation = Object.hasOwn(handlers, call.op) ? handlers[call.op] : undefined;
  if (!operation) return { state, error: unknown(call.op) };
  return runInRegion(dynamics, state, call.region, call.realNow, (draft, ctx) => operation(draft, call.input, ctx));
}
