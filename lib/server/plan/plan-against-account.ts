import type { EcsPort } from "../../aws";
import type { Design } from "../../domain/design";
import { planDesign, type LiveState, type Plan } from "../../domain/plan";
import { readLiveState } from "./read-live-state";

/** Reads what the design touches and plans against it: the one entry point the CLI and (later) the UI share. */
export async function planAgainstAccount(ecs: EcsPort, design: Design, opts: { designId: string }): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLiveState(ecs, design, { designId: opts.designId });
  return { plan: planDesign(design, live, { designId: opts.designId }), live };
}
