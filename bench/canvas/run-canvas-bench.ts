// `npx tsx bench/canvas/run-canvas-bench.ts [--base-url URL] [--nodes 100,500,2000] [--reps 3] [--next-dir DIR]`
//
// The designer canvas against plain React Flow, in one headless Chromium run, side by side:
// the same viewport (the baseline page is drawn into the designer canvas's box), the same node
// and edge counts (read from the designer's DOM) and the same gestures (a 400 px node drag in 40
// moves, then a 400 px pan on empty pane). Needs a running production server started with
// STEVEDORE_BENCH=1 (the baseline page 404s otherwise); see bench/canvas/README.md.
//
// In each page a requestAnimationFrame loop records frame timestamps and, per frame, whether the
// dragged node's or the viewport's transform changed since the previous frame (a visible update).
// Reported: time to first render (navigation start → all nodes measured and visible at the final
// fitView transform), the median interval between visible updates and the frame-time p95 during
// the gestures, the ratio designer / baseline, fps while dragging at 100 nodes, and the canvas
// route's first-load JavaScript from the Next build's manifests.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { median, percentile } from "../stats";
import { benchDesign, canvasNodeCount } from "./design";

export type Row = { metric: string; value: string; target: string; result: "pass" | "FAIL" | "info" };

export type MeasureOptions = {
  baseUrl: string;
  nodes: number[];
  /** Gesture runs per page and size (pages alternate designer, baseline); samples are pooled. */
  reps?: number;
  /** The build the server runs, for the first-load JS size; omitted: no size rows. */
  nextDir?: string;
  executablePath?: string;
  log?: (line: string) => void;
  /** Appended to the designer's URL (a query string such as "?exp=…" for A/B experiments on a scratch build). */
  designerQuery?: string;
  /** Who signs in to import and open the designs (an editor or admin of the running server). */
  signIn: { email: string; password: string };
};

export type SignedInState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once through the sign-in page; every page of the run starts from that browser state. */
export async function signInState(browser: Browser, baseUrl: string, who: MeasureOptions["signIn"]): Promise<SignedInState> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`, { waitUntil: "networkidle" });
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("signed-in-as").waitFor({ timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Canvas node counts measured by default (`npm run bench` and the CLI without --nodes). */
export const DEFAULT_SIZES = [100, 500, 2000];

export const VIEWPORT = { width: 1440, height: 900 };
export const DRAG_PX = 400;
const MOVES = 40;
const MOVE_EVERY_MS = 16;

type Box = { x: number; y: number; width: number; height: number };
type Gesture = { frames: number[]; updates: number[]; start: number; end: number };
type PageRun = { ttfr: number; nodes: number; edges: number; zoom: number; box: Box; drag: Gesture; pan: Gesture; grab: { x: number; y: number }; paneAt: { x: number; y: number }; jsBytes: number };

// ---- in-page probes -------------------------------------------------------------------------

/** tsx (esbuild keepNames) wraps named functions in __name(); the functions passed to page.evaluate need it too. */
export const NAME_SHIM = "globalThis.__name ??= (f) => f;";

/** Installed before any page script: logs every frame at which node count, hidden count or viewport transform changed (with the frame's number). */
export const LOAD_PROBE = `(() => {
  const log = [];
  let last = "";
  let frame = 0;
  let idle = 0;
  window.__benchLoad = log;
  window.__benchFrame = () => frame;
  window.__benchIdle = () => idle;
  // The main thread's last idle moment: none while React renders (it keeps posting tasks).
  const onIdle = (d) => { if (d.timeRemaining() > 5) idle = performance.now(); if (!window.__benchLoadStop) requestIdleCallback(onIdle); };
  requestIdleCallback(onIdle);
  const tick = (t) => {
    frame++;
    const nodes = document.getElementsByClassName("react-flow__node");
    let hidden = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i].style.visibility === "hidden") hidden++;
    const vp = document.querySelector(".react-flow__viewport");
    const tr = vp ? vp.style.transform : "";
    const key = nodes.length + "|" + hidden + "|" + tr;
    if (key !== last) { log.push({ t, frame, count: nodes.length, hidden, tr }); last = key; }
    if (!window.__benchLoadStop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Starts the gesture recorder; returns the page clock. */
function startRecorder(page: Page, nodeId: string | null): Promise<number> {
  return page.evaluate((id) => {
    const w = window as unknown as { __benchRec?: { frames: number[]; updates: number[]; on: boolean } };
    const rec = { frames: [] as number[], updates: [] as number[], on: true };
    w.__benchRec = rec;
    const vp = document.querySelector<HTMLElement>(".react-flow__viewport");
    const node = id ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) : null;
    const read = () => `${node?.style.transform ?? ""}|${vp?.style.transform ?? ""}`;
    let last = read();
    const tick = (t: number) => {
      if (!rec.on) return;
      rec.frames.push(t);
      const cur = read();
      if (cur !== last) { rec.updates.push(t); last = cur; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return performance.now();
  }, nodeId);
}

function stopRecorder(page: Page): Promise<{ frames: number[]; updates: number[] }> {
  return page.evaluate(() => {
    const rec = (window as unknown as { __benchRec: { frames: number[]; updates: number[]; on: boolean } }).__benchRec;
    rec.on = false;
    return { frames: rec.frames, updates: rec.updates };
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Mouse down at `from`, MOVES moves to from + (dx, 0) and mouse up, sent open loop every
 * MOVE_EVERY_MS like a real 60+ Hz mouse (no waiting for the page to take each one; Chromium
 * coalesces what arrives within a frame), so a slow page shows as fewer visible updates.
 */
export async function gesture(page: Page, from: { x: number; y: number }, dx: number, nodeId: string | null): Promise<Gesture> {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: "mousePressed" | "mouseMoved" | "mouseReleased", x: number, y: number) =>
    cdp.send("Input.dispatchMouseEvent", { type, x, y, button: "left", buttons: type === "mouseReleased" ? 0 : 1, clickCount: type === "mouseMoved" ? 0 : 1 });
  await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: from.x, y: from.y, button: "none", buttons: 0 });
  await sleep(200);
  const start = await startRecorder(page, nodeId);
  await send("mousePressed", from.x, from.y);
  const pending: Promise<unknown>[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= MOVES; i++) {
    const wait = t0 + i * MOVE_EVERY_MS - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(send("mouseMoved", from.x + (dx * i) / MOVES, from.y));
  }
  await Promise.all(pending);
  const end = await now(page);
  await send("mouseReleased", from.x + dx, from.y);
  await sleep(400);
  const rec = await stopRecorder(page);
  await cdp.detach();
  await sleep(1200); // let drop commits, autosave and the like settle before the next gesture
  return { ...rec, start, end };
}

/** Frame intervals and visible-update intervals inside the gesture (mouse down → last move taken). */
export function gestureStats(g: Gesture) {
  const inWin = (t: number) => t >= g.start && t <= g.end + 20;
  const diffs = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]);
  const frames = diffs(g.frames.filter(inWin));
  const updates = g.updates.filter(inWin);
  const upd = diffs(updates);
  const span = updates.length > 1 ? updates[updates.length - 1] - updates[0] : NaN;
  return { frames, updates: upd, count: updates.length, fps: updates.length > 1 ? ((updates.length - 1) / span) * 1000 : 0 };
}

// ---- pages -------------------------------------------------------------------------------------

export async function waitForSettledCanvas(page: Page): Promise<{ ttfr: number; nodes: number; zoom: number }> {
  // Settled: React has the nodes, none is hidden, and nothing changed for a second and 30 frames
  // with the main thread idle at some point since (a page busy in one long task draws no frames,
  // and one hydrating in slices draws frames but is never idle: neither has shown that it is done).
  const deadline = Date.now() + 60_000;
  for (;;) {
    const s = await page.evaluate(() => {
      const w = window as unknown as { __benchLoad: { t: number; frame: number; count: number; hidden: number; tr: string }[]; __benchFrame: () => number; __benchIdle: () => number };
      // Server-rendered nodes show before React has hydrated them (and before fitView moves them).
      const node = document.querySelector(".react-flow__node");
      const hydrated = !!node && Object.keys(node).some((k) => k.startsWith("__reactFiber$"));
      return { last: w.__benchLoad[w.__benchLoad.length - 1], now: performance.now(), frame: w.__benchFrame(), idle: w.__benchIdle(), hydrated };
    });
    const quiet = s.last && s.now - s.last.t > 1000 && s.frame - s.last.frame >= 30 && s.idle > s.last.t;
    if (s.last && s.hydrated && quiet && s.last.count > 0 && s.last.hidden === 0) break;
    if (Date.now() > deadline) throw new Error(`canvas did not settle: ${JSON.stringify(s.last)}`);
    await sleep(250);
  }
  return page.evaluate(() => {
    const w = window as unknown as { __benchLoad: { t: number; count: number; hidden: number; tr: string }[]; __benchLoadStop: boolean };
    w.__benchLoadStop = true;
    const log = w.__benchLoad;
    const fin = log[log.length - 1];
    const first = log.find((e) => e.count === fin.count && e.hidden === 0 && e.tr === fin.tr)!;
    const zoom = Number(/scale\(([\d.e-]+)\)/.exec(fin.tr)?.[1] ?? NaN);
    return { ttfr: first.t, nodes: fin.count, zoom };
  });
}

export async function boxOf(page: Page): Promise<Box> {
  const b = await page.locator(".react-flow").first().boundingBox();
  if (!b) throw new Error("no .react-flow element");
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}

/**
 * A point on empty pane (nothing but the pane under it) nearest to `near`, leaving room for the
 * pan: square rings around `near` at 2 px steps, so the few-pixel gaps between groups of a big
 * design zoomed out are found too.
 */
export async function emptyPanePoint(page: Page, near: { x: number; y: number }, box: Box): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(({ near, box, dx }) => {
    const inside = (x: number, y: number) => x >= box.x + 20 && x + dx <= box.x + box.width - 20 && y >= box.y + 20 && y <= box.y + box.height - 140;
    const pane = (x: number, y: number) => inside(x, y) && !!document.elementFromPoint(x, y)?.classList.contains("react-flow__pane");
    const cx = Math.round(near.x);
    const cy = Math.round(near.y);
    for (let d = 0; d < Math.max(box.width, box.height); d += 2) {
      for (let i = -d; i <= d; i += 2) {
        for (const [x, y] of [[cx + i, cy - d], [cx + i, cy + d], [cx - d, cy + i], [cx + d, cy + i]]) if (pane(x, y)) return { x, y };
      }
    }
    return null;
  }, { near, box, dx: DRAG_PX });
  if (!p) throw new Error("no empty pane point found");
  return p;
}

/** The node under a point, as React Flow sees it. */
function nodeAt(page: Page, p: { x: number; y: number }): Promise<string | null> {
  return page.evaluate(({ x, y }) => (document.elementFromPoint(x, y)?.closest(".react-flow__node") as HTMLElement | null)?.dataset.id ?? null, p);
}

/** Designer: the smallest task definition group nearest to `near`, grabbed in its header. */
export async function designerGrab(page: Page, near: { x: number; y: number }, zoom: number) {
  const candidates = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>(".react-flow__node-taskDefinition")).map((el) => {
    const r = el.getBoundingClientRect();
    return { id: el.dataset.id!, x: r.x, y: r.y, w: r.width, h: r.height };
  }));
  candidates.sort((a, b) => (a.h - b.h) || (Math.hypot(a.x + a.w / 2 - near.x, a.y - near.y) - Math.hypot(b.x + b.w / 2 - near.x, b.y - near.y)));
  const smallest = candidates[0]?.h;
  const ranked = candidates.filter((c) => c.h === smallest).concat(candidates.filter((c) => c.h !== smallest));
  for (const c of ranked.slice(0, 40)) {
    const p = { x: Math.round(c.x + c.w / 2), y: Math.round(c.y + Math.max(3, Math.min(40 * zoom, c.h / 4))) };
    if ((await nodeAt(page, p)) === c.id) return { id: c.id, p };
  }
  throw new Error("no task definition header to grab");
}

/** Baseline: the card whose centre is nearest to the designer's grab point, grabbed at its centre. */
export async function baselineGrab(page: Page, near: { x: number; y: number }) {
  const c = await page.evaluate((near) => {
    let best: { id: string; x: number; y: number } | null = null;
    let bestD = Infinity;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".react-flow__node"))) {
      const r = el.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      const d = Math.hypot(x - near.x, y - near.y);
      if (d < bestD) { bestD = d; best = { id: el.dataset.id!, x: Math.round(x), y: Math.round(y) }; }
    }
    return best;
  }, near);
  if (!c || (await nodeAt(page, c)) !== c.id) throw new Error("no baseline card to grab");
  return { id: c.id, p: { x: c.x, y: c.y } };
}

type Kind = ({ kind: "designer"; url: string } | { kind: "baseline"; url: string; grabNear: { x: number; y: number }; panNear: { x: number; y: number } }) & {
  /** Edges the page must draw: React Flow draws an edge once both its nodes' handles are measured, which can trail the nodes. */
  edges: number;
};

/** The number of drawn edges once it reaches `expected` (or stops changing for 5 s short of it). */
export async function edgeCount(page: Page, expected: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await page.locator(".react-flow__edge").count();
    if (n === expected || Date.now() > deadline) return n;
    if (n !== last) { last = n; since = Date.now(); }
    if (Date.now() - since > 5_000) return n;
    await sleep(100);
  }
}

async function runPage(browser: Browser, storageState: SignedInState, k: Kind): Promise<PageRun> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, storageState });
  try {
    const page = await context.newPage();
    let jsBytes = 0;
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") r.body().then((b) => { jsBytes += b.length; }, () => {});
    });
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(LOAD_PROBE);
    const res = await page.goto(k.url, { waitUntil: "load" });
    if (!res?.ok()) throw new Error(`${k.url}: HTTP ${res?.status()}${k.kind === "baseline" ? " (is the server running with STEVEDORE_BENCH=1?)" : ""}`);
    const load = await waitForSettledCanvas(page);
    const box = await boxOf(page);
    const edges = await edgeCount(page, k.edges);
    const target = { x: box.x + Math.round(box.width * 0.3), y: box.y + Math.round(box.height * 0.45) };
    const grab = k.kind === "designer" ? await designerGrab(page, target, load.zoom) : await baselineGrab(page, k.grabNear);
    const drag = await gesture(page, grab.p, DRAG_PX, grab.id);
    const paneAt = await emptyPanePoint(page, k.kind === "designer" ? { x: box.x + Math.round(box.width * 0.15), y: target.y } : k.panNear, box);
    const pan = await gesture(page, paneAt, DRAG_PX, null);
    return { ttfr: load.ttfr, nodes: load.nodes, edges, zoom: load.zoom, box, drag, pan, grab: grab.p, paneAt, jsBytes };
  } finally {
    await context.close();
  }
}

// ---- importing the designs through the app's own Import dialog ---------------------------------

export async function importDesign(browser: Browser, storageState: SignedInState, baseUrl: string, name: string, json: string): Promise<string> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`, { waitUntil: "networkidle" });
    const dialog = page.getByRole("dialog", { name: "Import a design" });
    // A click before hydration does nothing: retry until the dialog opens.
    for (let i = 0; i < 10 && !(await dialog.isVisible()); i++) {
      await page.getByRole("button", { name: "Import" }).first().click();
      await dialog.waitFor({ state: "visible", timeout: 3000 }).catch(() => {});
    }
    await dialog.getByLabel("File").setInputFiles({ name: `${name}.json`, mimeType: "application/json", buffer: Buffer.from(json) });
    await dialog.getByLabel("Design name").fill(name);
    await dialog.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/designs\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    return new URL(page.url()).pathname.split("/").pop()!;
  } finally {
    await context.close();
  }
}

// ---- first-load JS from the build ------------------------------------------------------------

export async function firstLoadJs(nextDir: string, route = "/designs/[id]/canvas/page"): Promise<{ files: number; bytes: number; gzip: number }> {
  const build = JSON.parse(await readFile(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(nextDir, "server", "app", `${route.replace(/^\//, "")}_client-reference-manifest.js`);
  const g = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> };
  const saved = g.__RSC_MANIFEST;
  g.__RSC_MANIFEST = {};
  try {
    new Function(await readFile(manifestFile, "utf8"))();
    const entries = g.__RSC_MANIFEST[route]?.entryJSFiles ?? {};
    // The root layout, every layout on the way down, and the page itself.
    const segments = route.replace(/\/page$/, "").split("/").filter(Boolean);
    const keys = ["[project]/app/layout", ...segments.map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}/layout`), `[project]/app${route}`];
    const files = new Set(build.rootMainFiles);
    for (const k of keys) for (const f of entries[k] ?? []) files.add(f);
    if (!entries[`[project]/app${route}`]) throw new Error(`${route} not in ${manifestFile}`);
    let bytes = 0;
    let gzip = 0;
    for (const f of files) {
      const buf = await readFile(path.join(nextDir, f.replace(/^\/?_next\//, "")));
      bytes += buf.length;
      gzip += gzipSync(buf).length;
    }
    return { files: files.size, bytes, gzip };
  } finally {
    g.__RSC_MANIFEST = saved;
  }
}

// ---- the measurement -----------------------------------------------------------------------------

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "— ms" : `${v.toFixed(1)} ms`);
const kib = (v: number) => `${(v / 1024).toFixed(1)} KiB`;

/** Playwright's own Chromium when installed, else CHROMIUM_PATH or Debian's (as playwright.config.ts). */
export function chromiumPath(explicit?: string): string | undefined {
  if (explicit) return explicit;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export async function measureCanvas(opts: MeasureOptions): Promise<Row[]> {
  const log = opts.log ?? (() => {});
  const reps = opts.reps ?? 3;
  const baseUrl = opts.baseUrl.replace(/\/$/, "");
  const rows: Row[] = [];
  const executablePath = chromiumPath(opts.executablePath);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const state = await signInState(browser, baseUrl, opts.signIn);
    for (const n of opts.nodes) {
      const design = benchDesign(n);
      const expected = canvasNodeCount(design);
      const id = await importDesign(browser, state, baseUrl, `canvas bench ${expected.nodes} nodes ${Date.now()}`, JSON.stringify(design));
      log(`${n}: imported design ${id} (${expected.nodes} nodes, ${expected.edges} edges)`);
      const designer: PageRun[] = [];
      const baseline: PageRun[] = [];
      for (let r = 0; r < reps; r++) {
        const d = await runPage(browser, state, { kind: "designer", url: `${baseUrl}/designs/${id}/canvas${opts.designerQuery ?? ""}`, edges: expected.edges });
        if (d.nodes !== expected.nodes || d.edges !== expected.edges) throw new Error(`designer drew ${d.nodes} nodes and ${d.edges} edges, expected ${expected.nodes} and ${expected.edges}`);
        designer.push(d);
        const q = new URLSearchParams({ n: String(d.nodes), e: String(d.edges), x: String(d.box.x), y: String(d.box.y), w: String(d.box.width), h: String(d.box.height) });
        const b = await runPage(browser, state, { kind: "baseline", url: `${baseUrl}/bench/react-flow-baseline?${q}`, grabNear: d.grab, panNear: d.paneAt, edges: d.edges });
        if (b.nodes !== d.nodes || b.edges !== d.edges || b.box.width !== d.box.width || b.box.height !== d.box.height) {
          throw new Error(`baseline differs: ${JSON.stringify({ b: [b.nodes, b.edges, b.box], d: [d.nodes, d.edges, d.box] })}`);
        }
        baseline.push(b);
        const s = (p: PageRun) => `ttfr ${ms(p.ttfr)}, drag ${ms(median(gestureStats(p.drag).updates))}, pan ${ms(median(gestureStats(p.pan).updates))}, zoom ${p.zoom.toFixed(3)}`;
        log(`${n} rep ${r + 1}: designer ${s(d)} | baseline ${s(b)}`);
      }
      rows.push(...summarise(n, designer, baseline));
    }
    if (opts.nextDir) {
      const js = await firstLoadJs(opts.nextDir);
      rows.push({ metric: "first-load JS of /designs/[id]/canvas (build manifests: root main + layout + page chunks)", value: `${kib(js.bytes)} (${kib(js.gzip)} gzip, ${js.files} files)`, target: "—", result: "info" });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function summarise(n: number, designer: PageRun[], baseline: PageRun[]): Row[] {
  const d0 = designer[0];
  const pool = (runs: PageRun[], g: "drag" | "pan") => {
    const st = runs.map((r) => gestureStats(r[g]));
    return { frames: st.flatMap((s) => s.frames), updates: st.flatMap((s) => s.updates), fps: median(st.map((s) => s.fps)), count: st.map((s) => s.count) };
  };
  const rows: Row[] = [];
  const label = `${d0.nodes} nodes`;
  rows.push({
    metric: `${label}: setup`,
    value: `${d0.nodes} nodes, ${d0.edges} edges, canvas ${d0.box.width}×${d0.box.height} px; fitView zoom designer ${d0.zoom.toFixed(3)}, baseline ${baseline[0].zoom.toFixed(3)}; ${designer.length} runs each`,
    target: "—",
    result: "info",
  });
  const ttD = median(designer.map((r) => r.ttfr));
  const ttB = median(baseline.map((r) => r.ttfr));
  rows.push({ metric: `${label}: time to first render, designer / baseline (median)`, value: `${ms(ttD)} / ${ms(ttB)} (×${(ttD / ttB).toFixed(2)})`, target: "—", result: "info" });
  rows.push({ metric: `${label}: JS fetched opening the page, designer / baseline`, value: `${kib(median(designer.map((r) => r.jsBytes)))} / ${kib(median(baseline.map((r) => r.jsBytes)))}`, target: "—", result: "info" });
  for (const g of ["drag", "pan"] as const) {
    const D = pool(designer, g);
    const B = pool(baseline, g);
    const mD = median(D.updates);
    const mB = median(B.updates);
    const pD = percentile(D.frames, 95);
    const pB = percentile(B.frames, 95);
    const ratio = (a: number, b: number) => a / b;
    rows.push({
      metric: `${label}: ${g}, median interval between visible updates, designer / baseline`,
      value: `${ms(mD)} / ${ms(mB)} (ratio ${ratio(mD, mB).toFixed(2)}; updates per run ${D.count.join(",")} / ${B.count.join(",")})`,
      target: "ratio ≤ 1.0",
      result: notSlower(mD, mB) ? "pass" : "FAIL",
    });
    rows.push({
      metric: `${label}: ${g}, frame-time p95, designer / baseline`,
      value: `${ms(pD)} / ${ms(pB)} (ratio ${ratio(pD, pB).toFixed(2)})`,
      target: "ratio ≤ 1.0",
      result: notSlower(pD, pB) ? "pass" : "FAIL",
    });
    if (n <= 150 && g === "drag") {
      rows.push({ metric: `${label}: designer fps while dragging (visible updates per second)`, value: `${D.fps.toFixed(1)} fps (baseline ${B.fps.toFixed(1)})`, target: "≥ 55 (steady 60)", result: D.fps >= 55 ? "pass" : "FAIL" });
      rows.push({ metric: `${label}: designer frame-time p95 while dragging`, value: ms(pD), target: "≤ 20 ms (steady 60)", result: pD <= 20 ? "pass" : "FAIL" });
    }
  }
  return rows;
}

/**
 * Ratio ≤ 1.0, where a difference under 1 ms counts as equal: both pages update on vsync (16.7 ms
 * frames here), and frame timestamps jitter by a tenth of a millisecond.
 */
function notSlower(designer: number, baseline: number): boolean {
  return designer / baseline <= 1.0 || designer - baseline < 1;
}

export function toMarkdown(rows: Row[]): string {
  const lines = ["| metric | value | target | result |", "| --- | --- | --- | --- |"];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.value} | ${r.target} | ${r.result} |`);
  return lines.join("\n");
}

// ---- CLI -------------------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const baseUrl = arg("base-url") ?? process.env.CANVAS_BENCH_URL ?? "http://127.0.0.1:3290";
  const nodes = arg("nodes")?.split(",").map(Number) ?? DEFAULT_SIZES;
  const reps = Number(arg("reps") ?? 3);
  const nextDir = arg("next-dir") ?? path.resolve(".next");
  const hasBuild = await stat(path.join(nextDir, "build-manifest.json")).then(() => true, () => false);
  const email = arg("email") ?? process.env.STEVEDORE_ADMIN_EMAIL;
  const password = arg("password") ?? process.env.STEVEDORE_ADMIN_PASSWORD;
  if (!email || !password) throw new Error("Say who signs in: --email and --password (or STEVEDORE_ADMIN_EMAIL and STEVEDORE_ADMIN_PASSWORD, as the server was started with).");
  const rows = await measureCanvas({
    baseUrl, nodes, reps, nextDir: hasBuild ? nextDir : undefined, designerQuery: arg("designer-query"), log: (l) => console.error(l), signIn: { email, password },
  });
  console.log(toMarkdown(rows));
}

if (/run-canvas-bench\.[cm]?[jt]s$/.test(process.argv[1] ?? "")) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
