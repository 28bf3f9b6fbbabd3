"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { setSimulatedLoadAction } from "@/lib/actions/monitor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The sandbox's simulated request rate on this service (its control `setLoad`, over the sandbox's
// clock). Shown only for the sandbox; the server refuses it for an AWS environment and for a
// viewer whatever this form shows.

type Kind = "constant" | "ramp" | "daily" | "spike" | "off";
const KINDS: { kind: Kind; label: string }[] = [
  { kind: "constant", label: "Constant" }, { kind: "ramp", label: "Ramp" }, { kind: "daily", label: "Daily curve" }, { kind: "spike", label: "Spike" },
  { kind: "off", label: "Off" },
];
const FIELDS: Record<Kind, { key: string; label: string; unit: string; initial: string }[]> = {
  constant: [{ key: "rps", label: "Requests per second", unit: "req/s", initial: "100" }],
  ramp: [
    { key: "from", label: "From", unit: "req/s", initial: "10" }, { key: "to", label: "To", unit: "req/s", initial: "400" },
    { key: "minutes", label: "Over", unit: "minutes", initial: "10" },
  ],
  daily: [
    { key: "trough", label: "Trough", unit: "req/s", initial: "20" }, { key: "peak", label: "Peak", unit: "req/s", initial: "300" },
    { key: "peakHour", label: "Peak at hour", unit: "UTC", initial: "14" },
  ],
  spike: [
    { key: "base", label: "Base", unit: "req/s", initial: "50" }, { key: "height", label: "Spike of", unit: "req/s", initial: "500" },
    { key: "atMinutes", label: "Starting in", unit: "minutes", initial: "1" }, { key: "minutes", label: "Lasting", unit: "minutes", initial: "5" },
  ],
  off: [],
};

export function SimulatedLoad({ envId, cluster, service, canSet, cannotSetBecause }: { envId: string; cluster: string; service: string; canSet: boolean; cannotSetBecause?: string }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>("ramp");
  const [byKind, setByKind] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, start] = useTransition();
  const value = (key: string) => byKind[`${kind}.${key}`] ?? FIELDS[kind].find((f) => f.key === key)?.initial ?? "";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(undefined);
    const shape = shapeOf(kind, (key) => Number(value(key)));
    start(async () => {
      try {
        const r = await setSimulatedLoadAction({ envId, cluster, service, shape });
        if (!r.ok) {
          setError(r.issues?.length ? r.issues.map((i) => `${i.path.at(-1) ?? ""}: ${i.message}`.replace(/^: /, "")).join(" · ") : r.message);
          return;
        }
        setDone(describe(shape));
        await client.invalidateQueries({ queryKey: ["monitor-metrics"] });
      } catch (err) {
        setError(err instanceof Error ? err.message : "The request failed. Try again.");
      }
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" aria-labelledby="simulated-load-title" data-testid="simulated-load">
      <div>
        <h3 id="simulated-load-title" className="text-sm font-semibold text-slate-900">Simulated load <span className="ml-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">sandbox only</span></h3>
        <p className="text-xs text-slate-700">
          Requests per second the sandbox sends to this service over its clock, split over its running tasks. Each request costs CPU and memory, so utilisation follows,
          and a target-tracking policy adds tasks when it stays above the target.
        </p>
      </div>
      <fieldset className="flex flex-wrap gap-3" disabled={!canSet || pending}>
        <legend className="sr-only">Pattern</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className="flex items-center gap-1.5 text-sm text-slate-800">
            <input type="radio" name="load-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} className="accent-brand-600" />
            {k.label}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        {FIELDS[kind].map((f) => (
          <label key={`${kind}.${f.key}`} className="text-sm text-slate-700">
            <span className="block text-xs font-medium text-slate-700">{f.label} <span className="font-normal text-slate-600">({f.unit})</span></span>
            <input type="number" inputMode="decimal" min={0} step="any" required disabled={!canSet || pending} value={value(f.key)} name={f.key}
              onChange={(e) => setByKind((b) => ({ ...b, [`${kind}.${f.key}`]: e.target.value }))}
              className="h-9 w-28 rounded-md border border-slate-300 bg-white px-2 tabular-nums disabled:opacity-60" />
          </label>
        ))}
        <Button type="submit" variant="primary" disabled={!canSet || pending} title={cannotSetBecause}>{pending ? "Setting…" : "Set load"}</Button>
      </div>
      {!canSet && cannotSetBecause && <p className="text-xs text-slate-700" data-testid="cannot-set-load">You can watch this service but not change its load: {cannotSetBecause}</p>}
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success">{done}</Alert>}
    </form>
  );
}

type Shape = Parameters<typeof setSimulatedLoadAction>[0]["shape"];

function shapeOf(kind: Kind, n: (key: string) => number): Shape {
  switch (kind) {
    case "constant": return { kind, rps: n("rps") };
    case "ramp": return { kind, from: n("from"), to: n("to"), minutes: n("minutes") };
    case "daily": return { kind, trough: n("trough"), peak: n("peak"), peakHour: n("peakHour") };
    case "spike": return { kind, base: n("base"), height: n("height"), atMinutes: n("atMinutes"), minutes: n("minutes") };
    case "off": return { kind };
  }
}

function describe(s: Shape): string {
  switch (s.kind) {
    case "constant": return `The sandbox now sends ${s.rps} requests per second.`;
    case "ramp": return `The load ramps from ${s.from} to ${s.to} requests per second over ${s.minutes} minutes of sandbox time.`;
    case "daily": return `The load follows a day: ${s.trough} requests per second at its trough, ${s.peak} at ${s.peakHour}:00 UTC.`;
    case "spike": return `${s.base} requests per second, with a spike of ${s.height} more in ${s.atMinutes} minutes for ${s.minutes} minutes.`;
    case "off": return "The sandbox sends this service no requests now.";
  }
}
