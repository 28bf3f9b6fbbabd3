"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { LOG_TAIL_INTERVAL_MS, logsAsText, tailCursor, type LogLine, type LogSource, type TailMode } from "@/lib/domain/monitor";
import { readLogTail, useServiceLogs, type LogsParams } from "@/lib/query/monitor";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Where the view should jump: a task's lines around the time it stopped. */
export type LogJump = { taskId: string; at: number };

const JUMP_BEFORE_MS = 10 * 60_000;
const JUMP_AFTER_MS = 60_000;

/** A service's container logs: lines of its containers interleaved by time, filters, search, live tail, download. */
export function LogView({ envId, cluster, service, taskIds, jump }: { envId: string; cluster: string; service: string; taskIds: string[]; jump?: LogJump }) {
  const [task, setTask] = useState("");
  const [container, setContainer] = useState("");
  const [pattern, setPattern] = useState("");
  const [applied, setApplied] = useState("");
  const [range, setRange] = useState<{ startTime?: number; endTime?: number }>({});
  const [live, setLive] = useState(false);
  const [tailed, setTailed] = useState<LogLine[]>([]);
  const [tailError, setTailError] = useState<string>();
  const [tailMode, setTailMode] = useState<TailMode>();
  const [lastJump, setLastJump] = useState<LogJump>();
  const ref = useRef<HTMLElement>(null);

  // A jump from a stopped task: its lines around its stop (adjusting state while rendering, as React recommends over an effect).
  if (jump && jump !== lastJump) {
    setLastJump(jump);
    setTask(jump.taskId);
    setContainer("");
    setRange({ startTime: jump.at - JUMP_BEFORE_MS, endTime: jump.at + JUMP_AFTER_MS });
    setLive(false);
    setTailed([]);
  }
  useEffect(() => { if (jump) ref.current?.scrollIntoView({ block: "start" }); }, [jump]);

  const q: LogsParams = { task: task || undefined, container: container || undefined, filterPattern: applied || undefined, ...range };
  const page = useServiceLogs(envId, cluster, service, q);
  const lines = useMemo(() => {
    const seen = new Set((page.data?.lines ?? []).map((l) => l.eventId));
    return [...(page.data?.lines ?? []), ...tailed.filter((l) => !seen.has(l.eventId))];
  }, [page.data, tailed]);
  const last = lines[lines.length - 1];
  const lastRef = useRef(last);
  useEffect(() => { lastRef.current = last; }, [last]);

  // The live tail: the server's shared tail's new lines after the last one shown, every second
  // (the server holds one StartLiveTail session for everyone, or polls where it cannot).
  const key = JSON.stringify(q);
  useEffect(() => {
    if (!live) return;
    const base: LogsParams = JSON.parse(key);
    let stop = false;
    const tick = async () => {
      const l = lastRef.current;
      try {
        const r = await readLogTail(envId, cluster, service, { ...base, endTime: undefined, startTime: l?.timestamp ?? base.startTime, after: l ? tailCursor(l) : undefined });
        if (stop) return;
        setTailError(r.error);
        setTailMode(r.tailMode);
        if (r.lines.length) setTailed((prev) => [...prev, ...r.lines.filter((x) => !prev.some((p) => p.eventId === x.eventId))]);
      } catch (e) {
        if (!stop) setTailError((e as Error).message);
      }
    };
    void tick();
    const timer = setInterval(tick, LOG_TAIL_INTERVAL_MS);
    return () => { stop = true; clearInterval(timer); setTailMode(undefined); };
  }, [live, key, envId, cluster, service]);

  const sources = page.data?.sources ?? [];
  const readable = sources.filter((s) => !s.reason);
  const silent = sources.filter((s) => s.reason);
  const reset = () => { setTailed([]); };
  const download = () => {
    const url = URL.createObjectURL(new Blob([logsAsText(lines)], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${service}${task ? `-${task.slice(0, 12)}` : ""}-logs.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section ref={ref} className="space-y-3" data-testid="log-view" aria-label="Container logs">
      <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => {
        e.preventDefault();
        reset();
        // Searching again for the same pattern reads CloudWatch Logs again (new lines may have come).
        if (pattern === applied) void page.refetch();
        else setApplied(pattern);
      }}>
        <label className="text-xs text-slate-600">Task
          <select className="mt-0.5 block h-9 rounded-md border border-slate-300 px-2 text-sm" value={task} data-testid="log-task" onChange={(e) => { reset(); setTask(e.target.value); setRange({}); }}>
            <option value="">All tasks</option>
            {[...new Set([...(task ? [task] : []), ...taskIds])].map((id) => <option key={id} value={id}>{id.slice(0, 12)}</option>)}
          </select>
        </label>
        <label className="text-xs text-slate-600">Container
          <select className="mt-0.5 block h-9 rounded-md border border-slate-300 px-2 text-sm" value={container} data-testid="log-container" onChange={(e) => { reset(); setContainer(e.target.value); }}>
            <option value="">All containers</option>
            {readable.map((s) => <option key={s.container} value={s.container}>{s.container}</option>)}
          </select>
        </label>
        <label className="min-w-64 flex-1 text-xs text-slate-600">Filter pattern
          <input className="mt-0.5 block h-9 w-full rounded-md border border-slate-300 px-2 font-mono text-sm" value={pattern} placeholder='ERROR -healthcheck, "exact phrase", { $.level = "error" }' onChange={(e) => setPattern(e.target.value)} data-testid="log-search" />
        </label>
        <Button type="submit">Search</Button>
        <label className="flex h-9 items-center gap-1.5 text-sm text-slate-800">
          <input type="checkbox" checked={live} onChange={(e) => { setLive(e.target.checked); if (e.target.checked) setRange((r) => ({ startTime: r.startTime })); }} data-testid="log-live" /> Live tail
          {live && tailMode && (
            <span className="text-xs text-slate-600" data-testid="log-tail-mode" title={tailMode === "live" ? "A CloudWatch Logs Live Tail session streams the lines." : "No Live Tail session could be held open: FilterLogEvents is read instead."}>
              ({tailMode === "live" ? "streaming" : `polling every ${LOG_TAIL_INTERVAL_MS / 1000} s`})
            </span>
          )}
        </label>
        <Button onClick={download} disabled={lines.length === 0} data-testid="log-download">Download</Button>
      </form>
      {range.startTime !== undefined && (
        <p className="text-xs text-slate-600" data-testid="log-range">
          From {new Date(range.startTime).toISOString().slice(0, 19).replace("T", " ")} UTC{range.endTime !== undefined && <> to {new Date(range.endTime).toISOString().slice(0, 19).replace("T", " ")} UTC</>}
          {" "}<button type="button" className="text-brand-700 hover:underline" onClick={() => { reset(); setRange({}); }}>all times</button>
        </p>
      )}
      {silent.length > 0 && <NoLogs sources={silent} />}
      {page.isPending && <p className="text-sm text-slate-600" data-testid="log-loading">Reading the logs…</p>}
      {page.error && <Alert tone="error" title="Could not read the logs">{page.error.message}</Alert>}
      {page.data?.error && <Alert tone="error" title="CloudWatch Logs answered with an error">{page.data.error}</Alert>}
      {tailError && <Alert tone="error" title="The live tail failed">{tailError}</Alert>}
      {page.data && !page.data.error && lines.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="log-empty">
          {readable.length === 0 ? (silent.length ? "No lines to show (see above)." : "This service has no containers to read logs of.") : applied ? `No line matches ${applied}.` : "No lines yet for this selection."}
        </p>
      )}
      {lines.length > 0 && <LogLines lines={lines} />}
      {page.data?.nextToken && <p className="text-xs text-slate-600">More lines than one page: narrow the time range or the filter pattern.</p>}
    </section>
  );
}

/** Lines of several containers, each with its time and container (the log view's, and a one-off task's in the Run task dialog). */
export function LogLines({ lines, className = "max-h-[28rem]" }: { lines: LogLine[]; className?: string }) {
  return (
    <div className={`${className} overflow-auto rounded-md bg-slate-950 p-2 font-mono text-xs leading-5 text-slate-100`} data-testid="log-lines">
      {lines.map((l) => (
        <div key={l.eventId} className="flex gap-3 whitespace-pre-wrap" data-testid="log-line" data-container={l.container}>
          <time className="shrink-0 text-slate-400" dateTime={new Date(l.timestamp).toISOString()}>{new Date(l.timestamp).toISOString().slice(11, 23)}</time>
          <span className="w-24 shrink-0 truncate text-sky-300" title={`${l.container} · task ${l.taskId}`}>{l.container}</span>
          <span className={/error|exception|fatal/i.test(l.message) ? "text-red-300" : ""}>{l.message}</span>
        </div>
      ))}
    </div>
  );
}

export function NoLogs({ sources }: { sources: LogSource[] }) {
  return (
    <ul className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-2 text-sm text-amber-950" data-testid="log-no-logs">
      {sources.map((s) => <li key={s.container}>{s.reason}</li>)}
    </ul>
  );
}
