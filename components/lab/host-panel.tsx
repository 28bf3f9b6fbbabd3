"use client";

import { useId, useState } from "react";
import { type Host, diskUsage, pull, replace, run, visibleFiles, writeFile } from "@/lib/domain/lab/hosts";
import { type ImageRef, type Registry, reference } from "@/lib/domain/lab/registry";
import { Button } from "@/components/ui/button";
import { formatBytes, shortDigest } from "./format";
import { TransferLog } from "./transfer-log";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-brand-600";
const labelCls = "block text-xs font-medium text-slate-800";
const VOLUME = "data";
const MOUNT = "/app/data";

/** One simulated Docker host: pull, its layer store and disk, and containers with their writable layers. */
export function HostPanel({ host, registry, refs, onChange }: { host: Host; registry: Registry; refs: { ref: ImageRef; label: string }[]; onChange: (h: Host) => void }) {
  const [refIndex, setRefIndex] = useState(0);
  const [log, setLog] = useState<{ command: string; lines: string[]; summary?: string; failed?: boolean }>();
  const [name, setName] = useState("web");
  const [image, setImage] = useState("");
  const [withVolume, setWithVolume] = useState(true);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const ids = { ref: useId(), name: useId(), image: useId(), volume: useId() };
  const disk = diskUsage(host);
  const localImages = Object.keys(host.images);
  const runImage = localImages.includes(image) ? image : localImages[0] ?? "";
  const selected = refs[Math.min(refIndex, refs.length - 1)];

  const doPull = () => {
    if (!selected) return;
    const r = pull(host, registry, selected.ref);
    onChange(r.host);
    setLog({
      command: `docker pull ${reference(registry, selected.ref)}`, lines: r.log, failed: !r.ok,
      summary: r.ok ? `Downloaded ${formatBytes(r.bytesDownloaded)}; ${r.alreadyThere} layers were already on ${host.name}.` : r.error,
    });
  };
  const doRun = () => {
    const r = run(host, name.trim(), runImage, withVolume ? { [VOLUME]: MOUNT } : {});
    if (!r.ok) { setMessage({ text: r.error, error: true }); return; }
    onChange(r.host);
    setMessage({ text: `Started ${r.container.name} from ${shortDigest(r.container.digest)}${withVolume ? `, volume “${VOLUME}” at ${MOUNT}` : ""}.` });
  };

  return (
    <article aria-labelledby={`${host.name}-title`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex items-baseline justify-between gap-2">
        <h3 id={`${host.name}-title`} className="font-mono text-sm font-semibold text-slate-900">{host.name}</h3>
        <p className="text-xs text-slate-700" aria-label={`${host.name} disk used`}>Disk used: <strong>{formatBytes(disk.total)}</strong></p>
      </header>
      <DiskBar disk={disk} />

      {refs.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing to pull yet: push an image to the registry first.</p>
      ) : (
        <form className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); doPull(); }}>
          <div className="grow">
            <label htmlFor={ids.ref} className={labelCls}>Image to pull</label>
            <select id={ids.ref} className={field} value={Math.min(refIndex, refs.length - 1)} onChange={(e) => setRefIndex(Number(e.target.value))}>
              {refs.map((r, i) => <option key={r.label} value={i}>{r.label}</option>)}
            </select>
          </div>
          <Button type="submit">Pull</Button>
        </form>
      )}
      {log && <TransferLog label={`Pull output on ${host.name}`} {...log} />}

      <div>
        <h4 className="text-sm font-semibold text-slate-900">Layers on {host.name}</h4>
        {Object.keys(host.layers).length === 0 ? <p className="text-sm text-slate-600">No layers yet.</p> : (
          <ul className="mt-1 space-y-0.5 font-mono text-xs text-slate-800" aria-label={`Layers on ${host.name}`}>
            {Object.entries(host.layers).map(([digest, size]) => <li key={digest}>{digest.slice(7, 19)} <span className="text-slate-600">{formatBytes(size)}</span></li>)}
          </ul>
        )}
      </div>

      <div className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">Containers</h4>
        {localImages.length === 0 ? <p className="text-sm text-slate-600">Pull an image to run a container from it.</p> : (
          <form className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end" onSubmit={(e) => { e.preventDefault(); doRun(); }}>
            <div>
              <label htmlFor={ids.name} className={labelCls}>Name</label>
              <input id={ids.name} className={field} value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
            </div>
            <div>
              <label htmlFor={ids.image} className={labelCls}>From image</label>
              <select id={ids.image} className={field} value={runImage} onChange={(e) => setImage(e.target.value)}>
                {localImages.map((i) => <option key={i} value={i}>{i.slice(registry.host.length + 1)}</option>)}
              </select>
            </div>
            <Button type="submit">Run</Button>
            <label htmlFor={ids.volume} className="flex items-center gap-2 text-xs text-slate-700 sm:col-span-3">
              <input id={ids.volume} type="checkbox" checked={withVolume} onChange={(e) => setWithVolume(e.target.checked)} />
              Mount volume “{VOLUME}” at {MOUNT}
            </label>
          </form>
        )}
        {message && <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-700" : "text-slate-700"}`}>{message.text}</p>}
        {host.containers.map((c) => (
          <ContainerCard key={c.name} host={host} name={c.name} registry={registry} localImages={localImages} onChange={onChange} onMessage={setMessage} />
        ))}
      </div>
    </article>
  );
}

function ContainerCard({ host, name, registry, localImages, onChange, onMessage }: {
  host: Host; name: string; registry: Registry; localImages: string[]; onChange: (h: Host) => void; onMessage: (m: { text: string; error?: boolean }) => void;
}) {
  const container = host.containers.find((c) => c.name === name)!;
  const [path, setPath] = useState("/app/data/upload-1.png");
  const [kb, setKb] = useState("200");
  const [next, setNext] = useState(container.image);
  const ids = { path: useId(), kb: useId(), next: useId() };
  const files = visibleFiles(host, container);
  const write = () => {
    const bytes = Number(kb) * 1000;
    if (!Number.isFinite(bytes) || bytes <= 0) { onMessage({ text: "Size: a positive number of kB.", error: true }); return; }
    const r = writeFile(host, name, path.trim(), bytes);
    if (!r.ok) { onMessage({ text: r.error, error: true }); return; }
    onChange(r.host);
    onMessage({ text: `${name} wrote ${path} (${formatBytes(bytes)}) into ${r.into === "volume" ? `volume “${r.volume}”` : "its writable layer"}.` });
  };
  const doReplace = () => {
    const r = replace(host, name, localImages.includes(next) ? next : container.image);
    if (!r.ok) { onMessage({ text: r.error, error: true }); return; }
    onChange(r.host);
    onMessage({
      text: `Replaced ${name}. ${r.lost.length ? `Lost with the old writable layer: ${r.lost.join(", ")}.` : "Nothing was in its writable layer."}${r.kept.length ? ` Kept on the volume: ${r.kept.join(", ")}.` : ""}`,
      error: r.lost.length > 0,
    });
  };
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3" aria-label={`Container ${name}`} role="group">
      <p className="text-sm text-slate-900"><span className="font-mono font-semibold">{name}</span> <span className="text-xs text-slate-600">from {container.image.slice(registry.host.length + 1)} ({shortDigest(container.digest)})</span></p>
      <p className="text-xs text-slate-600">Writable layer: {formatBytes(Object.values(container.writableLayer).reduce((n, s) => n + s, 0))}</p>
      {files.length === 0 ? <p className="text-xs text-slate-600">No files written at run time.</p> : (
        <ul className="space-y-0.5 font-mono text-xs text-slate-800" aria-label={`Files ${name} wrote`}>
          {files.map((f) => <li key={f.path}>{f.path} <span className="text-slate-600">{formatBytes(f.bytes)} · {f.where}</span></li>)}
        </ul>
      )}
      <form className="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-end" onSubmit={(e) => { e.preventDefault(); write(); }}>
        <div><label htmlFor={ids.path} className={labelCls}>Write a file at</label><input id={ids.path} className={field} value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} /></div>
        <div><label htmlFor={ids.kb} className={labelCls}>Size (kB)</label><input id={ids.kb} inputMode="numeric" className={field} value={kb} onChange={(e) => setKb(e.target.value)} /></div>
        <Button type="submit" size="sm">Write</Button>
      </form>
      <form className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); doReplace(); }}>
        <div className="grow">
          <label htmlFor={ids.next} className={labelCls}>Replace with</label>
          <select id={ids.next} className={field} value={localImages.includes(next) ? next : container.image} onChange={(e) => setNext(e.target.value)}>
            {localImages.map((i) => <option key={i} value={i}>{i.slice(registry.host.length + 1)}</option>)}
          </select>
        </div>
        <Button type="submit" size="sm" variant="danger">Replace container</Button>
      </form>
    </div>
  );
}

function DiskBar({ disk }: { disk: ReturnType<typeof diskUsage> }) {
  const parts = [
    { label: "image layers", bytes: disk.layers, cls: "bg-brand-600" },
    { label: "writable layers", bytes: disk.writable, cls: "bg-amber-500" },
    { label: "volumes", bytes: disk.volumes, cls: "bg-emerald-600" },
  ];
  const scale = Math.max(disk.total, 150e6);
  return (
    <div>
      <div className="flex h-3 w-full overflow-hidden rounded bg-slate-100" aria-hidden="true">
        {parts.map((p) => <div key={p.label} className={p.cls} style={{ width: `${(p.bytes / scale) * 100}%` }} />)}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
        {parts.map((p) => <li key={p.label} className="flex items-center gap-1"><span className={`inline-block h-2 w-2 rounded-sm ${p.cls}`} />{p.label} {formatBytes(p.bytes)}</li>)}
      </ul>
    </div>
  );
}
