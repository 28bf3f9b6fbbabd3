// `npx tsx bench/canvas/trace.ts --email E --password P [--base-url URL] [--nodes 2000] [--design ID] [--renders]`
// (E and P: an editor or admin of the running server, who signs in first)
//
// Where the canvas's time goes, for finding what to fix (the benchmark itself is
// run-canvas-bench.ts): opens the designer and the plain React Flow baseline with the same node
// count and viewport, records a Chromium trace of the page load and of one node drag, and
// prints the renderer main thread's time by trace event (scripting, style, layout, paint…) for
// each window. With --renders, a React DevTools hook counts the components React rendered per
// commit instead (it slows the page down: its timings are then not comparable).
import { chromium, type Browser } from "@playwright/test";
import { benchDesign, canvasNodeCount } from "./design";
import {
  baselineGrab, boxOf, chromiumPath, designerGrab, DRAG_PX, edgeCount, gesture, gestureStats, importDesign,
  LOAD_PROBE, NAME_SHIM, signInState, VIEWPORT, waitForSettledCanvas, type SignedInState,
} from "./run-canvas-bench";
import { median, percentile } from "../stats";

type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } };

/** Counts, per commit, the function components that rendered (PerformedWork) in the committed tree. */
const RENDER_HOOK = `(() => {
  const stats = { on: true, commits: [], };
  window.__benchRenders = stats;
  const lastSeen = new WeakMap();
  let commit = 0;
  const label = (f) => {
    let t = f.type; if (t && t.type) t = t.type; if (t && t.render) t = t.render;
    const name = (t && (t.displayName || t.name)) || "?";
    let h = f.child; while (h && typeof h.type !== "string") h = h.child;
    const p = h && h.memoizedProps;
    const hint = p ? (p["data-testid"] || (typeof p.className === "string" ? p.className.split(" ").slice(0, 2).join(".") : "")) : "";
    return name + (hint ? " <" + hint + ">" : "");
  };
  const walk = (root) => {
    commit++;
    const counts = {};
    let rendered = 0;
    const stack = [root];
    while (stack.length) {
      const f = stack.pop();
      // A fiber seen in the previous commit is an untouched subtree React reused as is.
      const reused = lastSeen.get(f) === commit - 1;
      lastSeen.set(f, commit);
      if (reused) { markSeen(f.child); continue; }
      if ((f.tag === 0 || f.tag === 1 || f.tag === 11 || f.tag === 14 || f.tag === 15) && (f.flags & 1)) {
        rendered++;
        const k = label(f);
        counts[k] = (counts[k] || 0) + 1;
      }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
    return { rendered, counts };
  };
  const markSeen = (f) => {
    const stack = f ? [f] : [];
    while (stack.length) {
      const x = stack.pop();
      lastSeen.set(x, commit);
      if (x.sibling) stack.push(x.sibling);
      if (x.child) stack.push(x.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, renderers: new Map(), isDisabled: false,
    inject() { return 1; }, checkDCE() {}, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      stats.calls = (stats.calls || 0) + 1;
      try {
        const r = walk(root.current);
        if (stats.on) stats.commits.push({ t: performance.now(), ...r });
      } catch (e) { stats.errors = (stats.errors || []).concat(String(e)).slice(0, 5); }
    },
  };
})();`;

type Window = { from: number; to: number };

/** Main-thread self time by event name inside `w` (trace microseconds), nested events subtracted from their parents. */
function selfTimes(events: TraceEvent[], tid: { pid: number; tid: number }, w: Window): Map<string, { ms: number; n: number }> {
  const xs = events
    .filter((e) => e.ph === "X" && e.pid === tid.pid && e.tid === tid.tid && e.dur !== undefined && e.ts >= w.from && e.ts <= w.to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, { ms: number; n: number }>();
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + (stack[stack.length - 1].e.dur ?? 0) <= until) {
      const top = stack.pop()!;
      const was = out.get(top.e.name) ?? { ms: 0, n: 0 };
      out.set(top.e.name, { ms: was.ms + ((top.e.dur ?? 0) - top.child) / 1000, n: was.n + 1 });
      if (stack.length) stack[stack.length - 1].child += top.e.dur ?? 0;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  return out;
}

function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  // The page's renderer: the main thread with the most work.
  let best = named[0];
  let bestDur = -1;
  for (const m of named) {
    const d = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === "X").reduce((n, e) => n + (e.dur ?? 0), 0);
    if (d > bestDur) { best = m; bestDur = d; }
  }
  return { pid: best.pid, tid: best.tid };
}

function print(title: string, times: Map<string, { ms: number; n: number }>, top = 16) {
  const total = [...times.values()].reduce((a, b) => a + b.ms, 0);
  console.log(`  ${title}: ${total.toFixed(0)} ms on the main thread`);
  for (const [k, v] of [...times.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(`    ${v.ms.toFixed(1).padStart(8)} ms ${String(v.n).padStart(6)}×  ${k}`);
}

async function tracePage(browser: Browser, storageState: SignedInState, url: string, kind: "designer" | "baseline", edges: number, renders: boolean, near?: { x: number; y: number }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, storageState });
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(LOAD_PROBE);
  if (renders) await page.addInitScript(RENDER_HOOK);
  if (!renders) {
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink", "cc", "gpu"] });
  }
  const wall0 = Date.now();
  await page.goto(url, { waitUntil: "load" });
  const load = await waitForSettledCanvas(page);
  await edgeCount(page, edges);
  const box = await boxOf(page);
  const target = { x: box.x + Math.round(box.width * 0.3), y: box.y + Math.round(box.height * 0.45) };
  const grab = kind === "designer" ? await designerGrab(page, target, load.zoom) : await baselineGrab(page, near!);
  const drag = await gesture(page, grab.p, DRAG_PX, grab.id);
  const st = gestureStats(drag);
  console.log(`${kind}: ttfr ${load.ttfr.toFixed(0)} ms, zoom ${load.zoom.toFixed(3)}, drag frame p95 ${st.frames.length ? percentile(st.frames, 95).toFixed(1) : "—"} ms, median update interval ${st.updates.length ? median(st.updates).toFixed(1) : "—"} ms (${st.count} updates in ${st.frames.length + 1} frames), wall ${Date.now() - wall0} ms`);
  if (renders) {
    const all = await page.evaluate(() => (window as unknown as { __benchRenders: { calls: number; errors?: string[]; commits: { t: number; rendered: number; counts: Record<string, number> }[] } }).__benchRenders);
    const r = all.commits;
    console.log(`  hook calls ${all.calls}${all.errors ? `, errors: ${all.errors.join("; ")}` : ""}`);
    const show = (title: string, commits: typeof r) => {
      console.log(`  ${title}: ${commits.length} commits, components rendered per commit: ${commits.map((c) => c.rendered).join(",")}`);
      const sum: Record<string, number> = {};
      for (const c of commits) for (const [k, n] of Object.entries(c.counts)) sum[k] = (sum[k] ?? 0) + n;
      for (const [k, n] of Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${String(n).padStart(6)}  ${k}`);
    };
    console.log(`  ${r.length} commits recorded, first at ${r[0]?.t.toFixed(0)} ms, ttfr ${load.ttfr.toFixed(0)} ms`);
    show("load and settling (navigation → the drag)", r.filter((c) => c.t < drag.start));
    show("drag (mouse down → last move)", r.filter((c) => c.t >= drag.start && c.t <= drag.end + 20));
  } else {
    const buf = await browser.stopTracing();
    const trace = JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const main = mainThread(events);
    // Page clock → trace clock: the navigation start mark sits at performance.now() = 0.
    const nav = events.find((e) => e.name === "navigationStart" && e.pid === main.pid) ?? events.find((e) => e.name === "NavigationTiming" || e.name === "fetchStart");
    const origin = nav ? nav.ts : Math.min(...events.filter((e) => e.pid === main.pid && e.ts > 0).map((e) => e.ts));
    const toTrace = (t: number) => origin + t * 1000;
    print("load (navigation → first full render)", selfTimes(events, main, { from: origin, to: toTrace(load.ttfr) }));
    print("drag (mouse down → last move)", selfTimes(events, main, { from: toTrace(drag.start), to: toTrace(drag.end) }));
  }
  await context.close();
  return { grab: grab.p, box, edges: await Promise.resolve(edges) };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const baseUrl = (arg("base-url") ?? "http://127.0.0.1:3290").replace(/\/$/, "");
  const n = Number(arg("nodes") ?? 2000);
  const renders = process.argv.includes("--renders");
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const design = benchDesign(n);
    const expected = canvasNodeCount(design);
    const email = arg("email");
    const password = arg("password");
    if (!email || !password) throw new Error("--email and --password: who signs in (an editor or admin of the running server)");
    const state = await signInState(browser, baseUrl, { email, password });
    const id = arg("design") ?? await importDesign(browser, state, baseUrl, `canvas trace ${expected.nodes} nodes ${Date.now()}`, JSON.stringify(design));
    console.log(`design ${id}: ${expected.nodes} nodes, ${expected.edges} edges`);
    const d = await tracePage(browser, state, `${baseUrl}/designs/${id}/canvas${arg("designer-query") ?? ""}`, "designer", expected.edges, renders);
    const q = new URLSearchParams({ n: String(expected.nodes), e: String(expected.edges), x: String(d.box.x), y: String(d.box.y), w: String(d.box.width), h: String(d.box.height) });
    await tracePage(browser, state, `${baseUrl}/bench/react-flow-baseline?${q}`, "baseline", expected.edges, renders, d.grab);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
