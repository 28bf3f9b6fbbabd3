import type { BuildResult } from "@/lib/domain/lab/build-types";
import { buildLog, formatBytes } from "@/lib/domain/lab/build-log";
import { imageSize } from "@/lib/domain/lab/build";

const STATUS = {
  cached: { label: "CACHED", className: "bg-emerald-50 text-emerald-800 border-emerald-200" },
  built: { label: "ran", className: "bg-amber-50 text-amber-900 border-amber-200" },
  failed: { label: "failed", className: "bg-red-50 text-red-800 border-red-200" },
};

const seconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`);

/** One build: the `docker build` log, each step with why it was cached or ran, and the image's layers. */
export function BuildOutput({ result, name, coldSeconds }: { result: BuildResult; name: string; coldSeconds?: number }) {
  const log = buildLog(result, name);
  const cached = result.steps.filter((s) => s.status === "cached" && s.keyword !== "FROM").length;
  const ran = result.steps.filter((s) => s.status === "built" && s.keyword !== "FROM").length;
  return (
    <div className="space-y-4" data-testid="build-output">
      <div role="status" className={`rounded-md border px-3 py-2.5 text-sm ${result.ok ? "border-emerald-200 bg-emerald-50" : "border-red-200 bg-red-50"}`} data-testid="build-summary">
        {result.ok && result.image ? (
          <p className="text-slate-800">
            <strong className="font-semibold text-emerald-800">Built {name}</strong> in {seconds(result.seconds)}
            {coldSeconds !== undefined && coldSeconds > result.seconds + 0.5 ? ` (from an empty cache it would take ${seconds(coldSeconds)})` : ""}:
            {" "}{cached} step{cached === 1 ? "" : "s"} cached, {ran} ran. Image size {formatBytes(imageSize(result.image))} in {result.image.layers.length} layers.
          </p>
        ) : (
          <p className="text-red-900"><strong className="font-semibold">The build failed.</strong> {result.diagnostics[0]?.message}</p>
        )}
        {result.skippedStages.length > 0 && <p className="mt-1 text-slate-700">Skipped stage{result.skippedStages.length === 1 ? "" : "s"} {result.skippedStages.map((s) => `“${s}”`).join(", ")}: the final image does not need {result.skippedStages.length === 1 ? "it" : "them"}, so BuildKit never builds {result.skippedStages.length === 1 ? "it" : "them"}.</p>}
      </div>

      <div>
        <h3 className="text-sm font-medium text-slate-800">Steps, and why each was cached or ran</h3>
        <div className="mt-1 overflow-x-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr><th className="px-3 py-2">Step</th><th className="px-3 py-2">Result</th><th className="px-3 py-2">Why</th><th className="px-3 py-2 text-right">Time</th><th className="px-3 py-2 text-right">Layer</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white">
              {result.steps.map((s) => (
                <tr key={s.vertex} data-testid="build-step" data-status={s.status} data-keyword={s.keyword}>
                  <td className="px-3 py-2 font-mono text-xs text-slate-900"><span className="text-slate-500">{s.stage ? `${s.stage} ` : ""}{s.position}/{s.total}</span> {s.keyword} {s.text}</td>
                  <td className="px-3 py-2"><span className={`rounded border px-1.5 py-0.5 text-xs font-semibold ${STATUS[s.status].className}`}>{STATUS[s.status].label}</span></td>
                  <td className="px-3 py-2 text-slate-700">{s.error ?? s.why}{s.notes.length > 0 && <span className="block text-xs text-amber-800">Note: {s.notes.join("; ")}</span>}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-700">{s.status === "cached" ? "0 s" : seconds(s.seconds)}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-700">{s.keyword === "FROM" ? "base" : s.layer ? formatBytes(s.size) : "none"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <details className="rounded-md border border-slate-200 bg-white" open={!result.ok}>
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">docker build log</summary>
        <pre className="max-h-80 overflow-auto rounded-b-md bg-[#0b1220] px-3 py-2 font-mono text-xs leading-5 text-[#e2e8f0]" data-testid="build-log">
          {log.map((l, i) => (
            <span key={i} className={l.status === "cached" && l.text.endsWith("CACHED") ? "text-[#6ee7b7]" : l.status === "failed" ? "text-[#fca5a5]" : ""}>{l.text}{"\n"}</span>
          ))}
        </pre>
      </details>

      {result.image && (
        <div>
          <h3 className="text-sm font-medium text-slate-800">Layers of {name} <span className="font-normal text-slate-600">(as <code className="font-mono">docker history</code> lists them, newest last)</span></h3>
          <div className="mt-1 overflow-x-auto rounded-md border border-slate-200">
            {/* Fixed layout: a long createdBy truncates instead of pushing the size column out of view. */}
            <table className="w-full table-fixed text-left text-sm" data-testid="layer-table">
              <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr><th className="w-10 px-3 py-2">#</th><th className="w-32 px-3 py-2">Digest</th><th className="px-3 py-2">Created by</th><th className="w-24 px-3 py-2 text-right">Size</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-200 bg-white">
                {result.image.layers.map((l, i) => (
                  <tr key={`${l.digest}-${i}`}>
                    <td className="px-3 py-1.5 tabular-nums text-slate-600">{i + 1}</td>
                    <td className="px-3 py-1.5 font-mono text-xs text-slate-700" title={l.digest}>{l.digest.slice(7, 19)}</td>
                    <td className="truncate px-3 py-1.5 font-mono text-xs text-slate-900" title={l.createdBy}>{l.createdBy}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums text-slate-700">{formatBytes(l.size)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="bg-slate-50 text-sm">
                <tr><td colSpan={3} className="px-3 py-2 font-medium text-slate-800">Image {result.image.digest.slice(0, 19)}…</td><td className="px-3 py-2 text-right font-semibold tabular-nums text-slate-900" data-testid="image-size">{formatBytes(imageSize(result.image))}</td></tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
