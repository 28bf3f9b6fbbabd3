import type { EcsPort, Pacer } from "../../aws";
import type { Design } from "../../domain/design";
import { planDesign, type LiveState, type Plan } from "../../domain/plan";
import { readLiveState } from "./read-live-state";

/** Reads what the design touches and plans against it: the one entry point the CLI and (later) the UI share. */
export async function planAgainstAccount(ecs: EcsPort, design: Design, opts: { designId: string; pacer?: Pacer }): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLiveState(ecs, design, { pacer: opts.pacer, designId: opts.designId });
  return { plan: planDesign(design, live, { designId: opts.designId }), live };
}
