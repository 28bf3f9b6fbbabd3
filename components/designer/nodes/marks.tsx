"use client";

import type { FindingCounts } from "@/lib/domain/designer";
import { LiveMark, useLiveOverlay } from "../live-overlay";
import { PlanMark, usePlanOverlay } from "../plan-overlay";
import { FindingBadge } from "./shared";

/**
 * The marks at the end of a node's header: plan action and live state while those overlays are
 * on, and the finding badge. One component per node, which renders the marks only when there is
 * something to show (a big canvas has thousands of clean nodes with the overlays off).
 */
export function NodeMarks({ id, counts, name }: { id: string; counts: FindingCounts; name: string }) {
  const plan = usePlanOverlay();
  const live = useLiveOverlay();
  return (
    <span className="ml-auto flex items-center gap-1">
      {plan.actions && <PlanMark id={id} />}
      {live.enabled && <LiveMark id={id} />}
      {(counts.error > 0 || counts.warning > 0) && <FindingBadge counts={counts} name={name} />}
    </span>
  );
}
