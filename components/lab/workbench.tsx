"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import { build, buildContext, emptyCache } from "@/lib/domain/lab/build";
import type { BuildCache, BuildResult, LabState } from "@/lib/domain/lab/build-types";
import { parseDockerfile } from "@/lib/domain/lab/dockerfile";
import type { BuiltImage } from "@/lib/domain/lab/image";
import { MAX_BUILD_HISTORY } from "@/lib/domain/lab/saved";
import { Button } from "@/components/ui/button";
import { BuildOutput } from "./build-output";
import { ContextFiles } from "./context-files";
import { DockerfileEditor } from "./dockerfile-editor";
import { loadBench, saveBench, useLabGeneration } from "./lab-store";

const NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

type Props = {
  initial: LabState;
  /** One column (inside a lesson's narrower panel) instead of editor beside output. */
  stacked?: boolean;
  initialName?: string;
  /** Where this browser keeps the bench between visits (lab-store); none: it lasts as long as the page. */
  storageKey?: string;
  onBuild?(states: LabState[], result: BuildResult, image?: BuiltImage): void;
  /** The builds a saved bench brings back, for lessons to check after a reload. */
  onRestore?(states: LabState[]): void;
  /** Shown under a successful build (Use this image). */
  after?(image: BuiltImage): ReactNode;
};

/**
 * The lab's bench: a Dockerfile, its build context and the builder's cache (the simulation is
 * pure, so the browser runs it; nothing is sent anywhere), kept in this browser under
 * `storageKey`. Every Build hands the state it built to `onBuild`: lessons post that history for
 * checking.
 */
export function Workbench({ storageKey, ...props }: Props) {
  // The server and the hydrating page render the defaults; then the bench remounts with what was saved.
  const generation = useLabGeneration();
  return <Bench key={generation} {...props} storageKey={generation > 0 ? storageKey : undefined} />;
}

function Bench({ initial, initialName = "shop/web", storageKey, onBuild, onRestore, after, stacked = false }: Props) {
  // What the bench opened with: the saved bench, else the defaults (only a change is saved).
  const [start] = useState(() => {
    const saved = storageKey ? loadBench(storageKey) : undefined;
    return { saved, bench: saved ?? { state: initial, name: initialName, cache: emptyCache(), history: [] } };
  });
  const [state, setState] = useState<LabState>(start.bench.state);
  const [name, setName] = useState(start.bench.name);
  const [cache, setCache] = useState<BuildCache>(start.bench.cache);
  const [history, setHistory] = useState<LabState[]>(start.bench.history);
  const [result, setResult] = useState<{ result: BuildResult; cold: number } | null>(null);
  useEffect(() => { if (start.saved) onRestore?.(start.saved.history); }, [start, onRestore]);
  useEffect(() => {
    const b = start.bench;
    if (!storageKey || (state === b.state && name === b.name && cache === b.cache && history === b.history)) return;
    saveBench(storageKey, { state, name, cache, history });
  }, [storageKey, start, state, name, cache, history]);
  const parsed = useMemo(() => parseDockerfile(state.dockerfile), [state.dockerfile]);
  const nameError = NAME.test(name) ? null : "Lowercase letters, digits, and . _ - / between them, as in shop/web.";
  // What .dockerignore leaves out of the context now, as the learner types it (and after a reload).
  const ignored = useMemo(() => buildContext(state).ignored, [state]);

  function run() {
    if (nameError) return;
    const builtAt = new Date().toISOString();
    const r = build(state, cache, { name, builtAt });
    const cold = build(state, emptyCache(), { name, builtAt }).seconds;
    setCache(r.cache);
    setResult({ result: r, cold });
    const states = [...history, state].slice(-MAX_BUILD_HISTORY);
    setHistory(states);
    onBuild?.(states, r, r.image);
  }

  function clearCache() {
    // A new builder: the history the lessons replay starts again with it.
    setCache(emptyCache());
    setResult(null);
    setHistory([]);
    onBuild?.([], build(state, emptyCache(), { name, builtAt: new Date().toISOString() }));
  }

  const diagnostics = result && !result.result.ok && result.result.diagnostics.length > parsed.diagnostics.length ? result.result.diagnostics : parsed.diagnostics;

  return (
    <div className={stacked ? "space-y-6" : "grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]"}>
      <div className="space-y-5">
        <DockerfileEditor value={state.dockerfile} onChange={(dockerfile) => setState({ ...state, dockerfile })} diagnostics={diagnostics} />
        <ContextFiles files={state.files} ignored={ignored} onChange={(files) => setState({ ...state, files })} />
      </div>
      <div className="space-y-4">
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-xs text-slate-700">
            Image name
            <input value={name} onChange={(e) => setName(e.target.value.trim())} aria-invalid={nameError !== null} className="mt-1 block w-48 rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900" />
          </label>
          <Button variant="primary" onClick={run} disabled={nameError !== null || parsed.diagnostics.length > 0}>Build</Button>
          <Button variant="ghost" onClick={clearCache} disabled={Object.keys(cache.entries).length === 0 && cache.pulled.length === 0}>Clear build cache</Button>
          <span className="text-xs text-slate-600" data-testid="cache-size">{Object.keys(cache.entries).length} cached steps · {history.length} build{history.length === 1 ? "" : "s"}</span>
        </div>
        {nameError && <p role="alert" className="text-sm text-red-700">Image name: {nameError}</p>}
        {parsed.diagnostics.length > 0 && <p className="text-sm text-red-700">Fix the Dockerfile’s problems to build.</p>}
        {result ? (
          <>
            <BuildOutput result={result.result} name={name} coldSeconds={result.cold} />
            {result.result.image && after?.(result.result.image)}
          </>
        ) : (
          <div className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-8 text-center text-sm text-slate-700" data-testid="build-empty">
            {start.saved && Object.keys(cache.entries).length > 0 ? (
              <>
                <p className="font-medium text-slate-900">Restored from this browser</p>
                <p className="mt-1">Your Dockerfile, build context and build cache are as you left them. Press Build: every step whose inputs did not change since your last build says CACHED.</p>
              </>
            ) : (
              <>
                <p className="font-medium text-slate-900">No build yet</p>
                <p className="mt-1">Press Build to run the Dockerfile against the context. Then change one file or one line and build again: the steps that can be reused say CACHED, and the others say why they ran.</p>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
