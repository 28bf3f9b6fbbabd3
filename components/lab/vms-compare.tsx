"use client";

import { useId, useState } from "react";
import { type App, compare, FIGURES, MICROVM_NOTE, SAMPLE_APPS, type Source } from "@/lib/domain/lab/vms";

type Metric = { key: "memoryMb" | "diskMb" | "startSeconds"; title: string; unit: (n: number) => string };

const METRICS: Metric[] = [
  { key: "memoryMb", title: "Memory", unit: (n) => (n >= 1024 ? `${(n / 1024).toFixed(2)} GB` : `${Math.round(n)} MB`) },
  { key: "diskMb", title: "Disk", unit: (n) => (n >= 1024 ? `${(n / 1024).toFixed(2)} GB` : `${Math.round(n)} MB`) },
  { key: "startSeconds", title: "Time until all three apps serve", unit: (n) => (n >= 1 ? `${n.toFixed(1)} s` : `${Math.round(n * 1000)} ms`) },
];

const num = "w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

/** The same three apps as VMs and as containers, with the figures' sources; the apps' own numbers are editable. */
export function VmsCompare() {
  const [apps, setApps] = useState<App[]>(() => SAMPLE_APPS.map((a) => ({ ...a })));
  const c = compare(apps);
  const id = useId();
  const edit = (i: number, key: "memoryMb" | "appDiskMb", value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) return;
    setApps((all) => all.map((a, j) => (j === i ? { ...a, [key]: n } : a)));
  };
  const sources = [...new Map([...Object.values(FIGURES).map((f) => f.source), MICROVM_NOTE].map((s) => [s.url, s])).values()];
  return (
    <div className="space-y-8">
      <section aria-labelledby={`${id}-bars`} className="space-y-5">
        <h2 id={`${id}-bars`} className="text-lg font-semibold text-slate-900">Three apps on one host</h2>
        {METRICS.map((m) => {
          const vm = c.vms[m.key];
          const ct = c.containers[m.key];
          const max = Math.max(vm, ct);
          return (
            <figure key={m.key} className="space-y-1.5">
              <figcaption className="text-sm font-medium text-slate-800">{m.title}</figcaption>
              <Bar label="As VMs" value={vm} max={max} text={m.unit(vm)} cls="bg-amber-600" />
              <Bar label="As containers" value={ct} max={max} text={m.unit(ct)} cls="bg-brand-600" />
            </figure>
          );
        })}
      </section>

      <section aria-labelledby={`${id}-apps`} className="space-y-3">
        <h2 id={`${id}-apps`} className="text-lg font-semibold text-slate-900">The apps (your assumptions: change them)</h2>
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            <tr><th scope="col" className="py-1 pr-3">App</th><th scope="col" className="py-1 pr-3">Memory (MB)</th><th scope="col" className="py-1 pr-3">Own files (MB)</th><th scope="col" className="py-1 pr-3">Base</th><th scope="col" className="py-1">As a container</th></tr>
          </thead>
          <tbody>
            {apps.map((a, i) => (
              <tr key={a.name} className="border-t border-slate-100">
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">{a.name}</th>
                <td className="py-2 pr-3"><input aria-label={`${a.name} memory in MB`} inputMode="numeric" className={num} value={a.memoryMb} onChange={(e) => edit(i, "memoryMb", e.target.value)} /></td>
                <td className="py-2 pr-3"><input aria-label={`${a.name} own files in MB`} inputMode="numeric" className={num} value={a.appDiskMb} onChange={(e) => edit(i, "appDiskMb", e.target.value)} /></td>
                <td className="py-2 pr-3 font-mono text-xs text-slate-800">{a.base} ({a.baseDiskMb} MB)</td>
                <td className="py-2 text-xs text-slate-700">{c.containers.perApp[i].sharedBase ? "shares its base already on the host" : "stores its base"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="max-w-3xl text-sm text-slate-700">
          Each VM adds a guest operating system ({FIGURES.guestOsMemoryMb.value} MB of memory, {FIGURES.guestOsDiskMb.value / 1024} GB of disk) and boots it
          (about {FIGURES.vmBootSeconds.value} s) before its app starts. Containers share the host&apos;s kernel: each adds only its app, a base image is stored once
          for every container built on it, and a start takes about {FIGURES.containerStartSeconds.value * 1000} ms plus the app&apos;s own start.
          The host&apos;s own operating system is the same on both sides and is not counted. Each base&apos;s size is the one the Build tab
          uses: the real image&apos;s layers as the registry stores them (compressed, what a pull moves; unpacked on disk they take more).
        </p>
      </section>

      <section aria-labelledby={`${id}-sources`} className="space-y-2">
        <h2 id={`${id}-sources`} className="text-lg font-semibold text-slate-900">Where the figures come from</h2>
        <ul className="space-y-2 text-sm">
          {sources.map((s: Source) => (
            <li key={s.url}>
              <a href={s.url} className="font-medium text-brand-700 underline-offset-2 hover:underline" rel="noreferrer" target="_blank">{s.title}</a>
              <p className="text-slate-700">{s.assumes}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Bar({ label, value, max, text, cls }: { label: string; value: number; max: number; text: string; cls: string }) {
  return (
    <div className="grid grid-cols-[8rem_1fr_6rem] items-center gap-3 text-sm">
      <span className="text-slate-700">{label}</span>
      <div className="h-4 rounded bg-slate-100" role="img" aria-label={`${label}: ${text}`}>
        <div className={`h-4 rounded ${cls}`} style={{ width: `${Math.max(0.5, (value / (max || 1)) * 100)}%` }} />
      </div>
      <span className="text-right font-mono text-slate-900">{text}</span>
    </div>
  );
}
