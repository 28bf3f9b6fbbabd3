"use client";

import { useEffect, useRef } from "react";
import { connect, type ContainerCondition } from "@/lib/domain/designer";
import { EcsEnums } from "@/lib/domain/design";
import { useEditorStore } from "./store/context";

export type PendingConnection = { source: string; target: string; at?: { x: number; y: number } };

const HINT: Record<ContainerCondition, string> = {
  START: "once it has started",
  COMPLETE: "until it exits",
  SUCCESS: "until it exits with 0",
  HEALTHY: "until its health check passes",
};

/** Asks what a new container→container edge means in a bridge-mode task: dependsOn (which condition) or link. */
export function ConnectMenu({ pending, onDone }: { pending: PendingConnection; onDone: () => void }) {
  const store = useEditorStore();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  const pick = (relation: "dependsOn" | "link", condition?: ContainerCondition) => {
    store.edit((d) => connect(d, pending.source, pending.target, { relation, condition }));
    onDone();
  };
  const from = pending.source.split("/")[1];
  const to = pending.target.split("/")[1];
  const at = pending.at ?? { x: 40, y: 40 };
  return (
    <div
      role="menu" aria-label={`Connect ${from} to ${to}`} data-testid="connect-menu"
      onKeyDown={(e) => { if (e.key === "Escape") { e.stopPropagation(); onDone(); } }}
      className="absolute z-20 w-64 rounded-lg border border-slate-200 bg-white p-1.5 text-sm shadow-xl"
      style={{ left: Math.max(8, at.x - 20), top: Math.max(8, at.y + 8) }}
    >
      <p className="px-2 pb-1 text-xs text-slate-600"><strong className="text-slate-900">{from}</strong> → <strong className="text-slate-900">{to}</strong></p>
      {EcsEnums.CONTAINER_CONDITIONS.map((c, i) => (
        <button key={c} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => pick("dependsOn", c)}
          className="block w-full rounded px-2 py-1 text-left text-slate-800 hover:bg-slate-100 focus:bg-slate-100">
          Depends on: {c} <span className="text-[11px] text-slate-500">— waits {HINT[c]}</span>
        </button>
      ))}
      <button type="button" role="menuitem" onClick={() => pick("link")}
        className="block w-full rounded px-2 py-1 text-left text-slate-800 hover:bg-slate-100 focus:bg-slate-100">
        Link <span className="text-[11px] text-slate-500">— reach {to} by name (bridge)</span>
      </button>
      <button type="button" role="menuitem" onClick={onDone}
        className="mt-1 block w-full rounded px-2 py-1 text-left text-xs text-slate-500 hover:bg-slate-100">Cancel</button>
    </div>
  );
}
