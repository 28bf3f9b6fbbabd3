"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getJson } from "@/lib/query/get-json";
import type { PlanAction } from "@/lib/domain/plan";
import { ACTION_STYLE } from "@/components/plan/action-badge";
import { useEditor } from "./store/context";

type Overlay = { enabled: boolean; actions?: Record<string, PlanAction>; status: "off" | "loading" | "ready" | "error"; message?: string };

const OFF: Overlay = { enabled: false, status: "off" };
const PlanOverlayContext = createContext<Overlay>(OFF);

type ActionsResponse = { actions: Record<string, PlanAction> };

/**
 * What applying the saved design to the sandbox would do to each node (create, update, …),
 * planned on the server. Fetched only while the overlay is on, and again after each save.
 * Plan marks are view state: they never enter the design.
 */
/** The plan's action per resource id for the saved design (one query per saved version, shared by the overlays). */
export function usePlanActions(designId: string, enabled: boolean, opts: { keepPrevious?: boolean } = {}) {
  const version = useEditor((s) => s.version);
  return useQuery({
    queryKey: ["plan-actions", designId, version],
    enabled,
    staleTime: 10_000,
    ...(opts.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    queryFn: () => getJson<ActionsResponse>(`/designs/${designId}/plan/actions`, "Planning"),
  });
}

export function PlanOverlayProvider({ designId, enabled, children }: { designId: string; enabled: boolean; children: ReactNode }) {
  const q = usePlanActions(designId, enabled);
  const message = q.isError ? q.error.message : undefined;
  // Every node reads this context: a new object on each render (every save changes the version
  // queried) would render every node of the canvas again.
  const value = useMemo<Overlay>(() => (!enabled
    ? OFF
    : message !== undefined
      ? { enabled, status: "error", message }
      : q.data
        ? { enabled, status: "ready", actions: q.data.actions }
        : { enabled, status: "loading" }), [enabled, message, q.data]);
  return <PlanOverlayContext.Provider value={value}>{children}</PlanOverlayContext.Provider>;
}

export function usePlanOverlay(): Overlay {
  return useContext(PlanOverlayContext);
}

/** A node's plan action; containers (`<taskDefinitionId>/<name>`) share their task definition's. */
export function PlanMark({ id }: { id: string }) {
  const { actions } = usePlanOverlay();
  const action = actions?.[id] ?? actions?.[id.split("/")[0]];
  if (!action) return null;
  const s = ACTION_STYLE[action];
  return (
    <span
      data-testid="plan-mark"
      data-plan-action={action}
      title={`Applying to the sandbox would ${action === "no-change" ? "change nothing here" : action + " this"}`}
      className={`inline-flex shrink-0 items-center gap-0.5 rounded border px-1 py-0.5 text-[10px] font-semibold ${s.className}`}
    >
      <span aria-hidden="true" className="font-mono">{s.symbol}</span>{s.label}
    </span>
  );
}
