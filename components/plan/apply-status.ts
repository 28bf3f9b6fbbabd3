import type { ApplyStatus } from "@/lib/actions/environment-types";

/** How an apply's status reads and looks, in the progress view and in the design's list. */
export const APPLY_STATUS: Record<ApplyStatus, { label: string; className: string }> = {
  running: { label: "Running", className: "bg-brand-50 text-brand-800" },
  succeeded: { label: "Succeeded", className: "bg-emerald-50 text-emerald-800" },
  failed: { label: "Failed", className: "bg-red-50 text-red-800" },
  interrupted: { label: "Interrupted", className: "bg-amber-50 text-amber-900" },
};
