import { randomBytes } from "node:crypto";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import autocannon from "autocannon";
import { Pool } from "pg";
import { chromium } from "@playwright/test";
import { createDb, type Db } from "../lib/db";
import type { Design } from "../lib/domain/design";
import { SANDBOX_REGION } from "../lib/domain/ecs-facts/sandbox";
import { monitorUrl, POLL_MS } from "../lib/query/monitor";
import { insertPerson } from "../lib/server/auth/person-record";
import { createAppContext, systemClock } from "../lib/server/context";
import { createAccessKey } from "../lib/server/people/access-keys";
import { createDesign } from "../lib/server/designs/create-design";
import { SANDBOX_ENVIRONMENT_ID } from "../lib/server/environments/environment-record";
import { benchDesign } from "./canvas/design";
import { chromiumPath, signInState } from "./canvas/run-canvas-bench";
import { DEFAULT_ADMIN_URL, withScratchDatabase } from "./measure-db";
import { benchAdminEnv, BENCH_ADMIN, hasProductionBuild, signInCookie, startNext, type NextServer } from "./next-server";
import { median, percentile } from "./stats";

// Load on a production build on PostgreSQL: two `next start` instances on one database,
// 50 monitor viewers polling the routes the Monitor pages poll, spread over both instances,
// while 10 people save designs through the server action the canvas's autosave calls, with
// the request Chromium itself sends. The pollers' lease must give exactly one poller per
// cluster between the two instances. autocannon drives the requests, one client per viewer and
// per person, so each keeps its own page (viewers) and the version its last save returned (savers).

export type LoadRow = { metric: string; value: string; target: string; result: "pass" | "FAIL" | "info" | "ERROR" };
export type LoadOptions = { durationS: number; adminUrl?: string; ports?: [number, number] };

const VIEWERS = 50;
const SAVERS = 10;
/** One request a second per viewer and per person: autocannon's lowest steady rate per client.
 * A viewer's page asks ~0.5 a second (POLL_MS), an autosave at most one per AUTOSAVE_DELAY_MS + the request. */
const RATE = 1;
const CLUSTERS = ["load-a", "load-b"];
const SERVICES_PER_CLUSTER = 40;
const TASKS_PER_SERVICE = 5;
/** The saved design: the canvas benchmark's 100-node design. */
const DESIGN_NODES = 100;
const TARGET = { viewP95: 250, saveP95: 100 };

const ms = (v: number) => `${v.toFixed(1)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

// ---- the sandbox the monitor watches ----------------------------------------------------------

/** An editor with a sandbox access key of their own, as their profile page makes one: the sandbox's AWS endpoints take only signed calls. */
async function benchKey(db: Db): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const person = await db.$transaction((tx) => insertPerson(tx, { name: "Load bench", email: `load-bench-${Date.now()}@example.com`, passwordHash: "-", role: "editor" }));
  const ctx = await createAppContext({ db, clock: systemClock, actor: { kind: "person", person, sessionId: "" } });
  const { accessKeyId, secretAccessKey } = await createAccessKey({ ctx });
  return { accessKeyId, secretAccessKey };
}

async function seedSandbox(baseUrl: string, cookie: string, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<string[]> {
  const ecs = new ECSClient({ endpoint: `${baseUrl}/sandbox/ecs`, region: SANDBOX_REGION, maxAttempts: 1, credentials });
  const services: string[] = [];
  try {
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: "load-app", requiresCompatibilities: ["FARGATE"], networkMode: "awsvpc", cpu: "256", memory: "512",
      containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true, portMappings: [{ containerPort: 80 }] }],
    }));
    for (const cluster of CLUSTERS) {
      await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
      for (let i = 0; i < SERVICES_PER_CLUSTER; i++) {
        const serviceName = `svc-${String(i).padStart(2, "0")}`;
        await ecs.send(new CreateServiceCommand({
          cluster, serviceName, taskDefinition: "load-app", desiredCount: TASKS_PER_SERVICE, launchType: "FARGATE",
          networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"] } },
        }));
        if (cluster === CLUSTERS[0]) services.push(serviceName);
      }
    }
    const step = await fetch(`${baseUrl}/sandbox/control`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ action: "step", seconds: 120 }) });
    if (!step.ok) throw new Error(`sandbox step: HTTP ${step.status} ${await step.text()}`);
    for (const cluster of CLUSTERS) {
      const running = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: "RUNNING", maxResults: 100 }));
      if (!running.taskArns?.length) throw new Error(`no running tasks in ${cluster} after stepping the sandbox`);
    }
  } finally {
    ecs.destroy();
  }
  return services;
}

// ---- viewers -----------------------------------------------------------------------------------

/** The requests one open page makes in 30 s, in the order its queries fire (lib/query/monitor.ts POLL_MS). */
function pageSchedule(queries: { url: string; every: number }[]): string[] {
  const events: { t: number; url: string }[] = [];
  for (const q of queries) for (let t = 0; t < 30_000; t += q.every) events.push({ t, url: q.url });
  return events.sort((a, b) => a.t - b.t).map((e) => e.url);
}

const env = SANDBOX_ENVIRONMENT_ID;
/** The environment overview (/monitor/<env>): the cluster list, and per cluster its view and its instances. */
const overviewPage = () => pageSchedule([
  { url: monitorUrl.clusters(env), every: POLL_MS.clusters },
  ...CLUSTERS.flatMap((c) => [{ url: monitorUrl.clusterView(env, c), every: POLL_MS.clusterView }, { url: monitorUrl.instances(env, c), every: POLL_MS.instances }]),
]);
/**
 * A service's page (/monitor/<env>/<cluster>/<service>): its view, its recorded history, the
 * cluster's instances, and its deployment timeline (the service deployments API, polled at the
 * idle rate: the bench's rolling services have no deployment moving).
 */
const servicePage = (cluster: string, service: string) => pageSchedule([
  { url: monitorUrl.clusterView(env, cluster, service), every: POLL_MS.clusterView },
  { url: monitorUrl.serviceHistory(env, cluster, service), every: POLL_MS.serviceHistory },
  { url: monitorUrl.instances(env, cluster), every: POLL_MS.instances },
  { url: monitorUrl.deployments(env, cluster, service), every: POLL_MS.deploymentsIdle },
]);

// ---- savers ------------------------------------------------------------------------------------

/** The autosave request as Chromium sent it from the canvas (headers, encoding, URL). */
type CapturedSave = { actionId: string; headers: Record<string, string>; designId: string; path: string; body: string; response: string };

/** Opens a design's canvas in Chromium, adds a cluster from the palette and records the autosave POST the page sends. */
async function captureBrowserSave(baseUrl: string, designId: string): Promise<CapturedSave> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const storageState = await signInState(browser, baseUrl, BENCH_ADMIN);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState })).newPage();
    // The first save (server action POST) is passed through as is, and its request and answer kept.
    let seen: ((v: { headers: Record<string, string>; url: string; body: string; response: string }) => void) | undefined;
    const saved = new Promise<{ headers: Record<string, string>; url: string; body: string; response: string }>((resolve) => { seen = resolve; });
    await page.route(`**/designs/${designId}/canvas`, async (route) => {
      const req = route.request();
      // Only the save: the canvas also calls other server actions (the environment's network for the pickers).
      if (req.method() !== "POST" || !req.headers()["next-action"] || !(req.postData() ?? "").includes('"expectedVersion"')) return route.continue();
      const res = await route.fetch();
      const response = await res.text();
      seen?.({ headers: req.headers(), url: req.url(), body: req.postData() ?? "", response });
      await route.fulfill({ response: res, body: response });
    });
    await page.goto(`${baseUrl}/designs/${designId}/canvas`, { waitUntil: "networkidle" });
    const clusters = page.getByTestId("cluster-node");
    const before = await clusters.count();
    // A click before hydration does nothing: retry until the cluster appears.
    for (let i = 0; i < 20 && (await clusters.count()) === before; i++) {
      await page.getByTestId("palette-cluster").click();
      await sleep(250);
    }
    const req = await Promise.race([saved, sleep(30_000).then(() => { throw new Error("the canvas sent no autosave within 30 s"); })]);
    const { headers, response } = req;
    return { actionId: headers["next-action"], headers, designId, path: new URL(req.url).pathname, body: req.body, response };
  } finally {
    await browser.close();
  }
}

/** The version in a saveDesignAction answer (React's flight format: one line per chunk, the result as JSON). */
function savedVersion(flight: string): number | undefined {
  const m = /"ok":true,"data":\{"version":(\d+)\}/.exec(flight);
  return m ? Number(m[1]) : undefined;
}

/** The same edit a drag makes: one node's layout entry moved. */
function moved(design: Design, i: number): Design {
  const ids = Object.keys(design.layout);
  const id = ids[i % ids.length];
  const at = design.layout[id];
  return { ...design, layout: { ...design.layout, [id]: { ...at, x: at.x + (i % 2 === 0 ? 8 : -8) } } };
}

// ---- running the load ---------------------------------------------------------------------------

type Samples = { latencies: number[]; errors: number; non2xx: number; requests: number; byUrl: Map<string, number[]> };
const samples = (): Samples => ({ latencies: [], errors: 0, non2xx: 0, requests: 0, byUrl: new Map() });

type Client = {
  url: string;
  setupRequest: (req: autocannon.Request) => autocannon.Request;
  onResponse?: (status: number, body: string) => boolean;
  last: () => string;
};

/** One autocannon instance per client (its own connection, requests at RATE a second), started at `delay`. */
async function runClient(c: Client, into: Samples, durationS: number, delay: number): Promise<void> {
  await sleep(delay);
  let bad = false;
  let finish: (err?: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => { finish = (err) => (err ? reject(err) : resolve()); });
  const instance = autocannon({
    url: c.url, connections: 1, connectionRate: RATE, duration: durationS, timeout: 10,
    requests: [{
      setupRequest: c.setupRequest,
      onResponse: (status, body) => { bad = c.onResponse ? !c.onResponse(status, body) : false; },
    }],
  }, (err) => finish(err));
  instance.on("response", (_client, status, _bytes, time) => {
    into.requests++;
    if (status < 200 || status >= 300) into.non2xx++;
    else if (bad) into.errors++;
    into.latencies.push(time);
    const key = c.last();
    const list = into.byUrl.get(key) ?? [];
    list.push(time);
    into.byUrl.set(key, list);
  });
  instance.on("reqError", () => { into.errors++; into.requests++; });
  await done;
}

/** Samples the lease table while the load runs: who holds each cluster, and how often that changed. */
function watchLeases(url: string) {
  const pool = new Pool({ connectionString: url, max: 1 });
  const holders = new Map<string, string[]>();
  let stop = false;
  const done = (async () => {
    while (!stop) {
      const { rows } = await pool.query<{ cluster: string; holder: string }>(
        `SELECT "cluster", "holder" FROM "monitor_leases" WHERE "environment_id" = $1 AND "expires_at" > now()`, [env]);
      for (const r of rows) {
        const seen = holders.get(r.cluster) ?? [];
        if (seen[seen.length - 1] !== r.holder) seen.push(r.holder);
        holders.set(r.cluster, seen);
      }
      await sleep(250);
    }
    await pool.end();
  })();
  return { holders, stop: async () => { stop = true; await done; } };
}

type Figures = { instance: string; pollers: { cluster: string; thisInstanceHolds: boolean; polling: boolean; totals: Record<string, number> }[] };

export async function measureLoad(opts: LoadOptions): Promise<LoadRow[]> {
  if (!hasProductionBuild()) {
    return [{ metric: "load (monitor viewers and design saves)", value: "skipped: no production build (run `npm run build` first)", target: "—", result: "info" }];
  }
  const adminUrl = opts.adminUrl ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const [portA, portB] = opts.ports ?? [Number(process.env.LOAD_BENCH_PORT ?? 3292), Number(process.env.LOAD_BENCH_PORT ?? 3292) + 1];
  return withScratchDatabase(adminUrl, async (url) => {
    // Migrated once here, before either instance starts; the designs are made through the operations.
    const db = await createDb({ url });
    const servers: NextServer[] = [];
    try {
      const ctx = await createAppContext({ db, clock: systemClock });
      const design = benchDesign(DESIGN_NODES);
      const designBytes = Buffer.byteLength(JSON.stringify(design));
      const designs: { id: string; version: number; document: Design }[] = [];
      for (let i = 0; i < SAVERS + 1; i++) {
        const made = await createDesign({ ctx, input: { name: `load bench ${i}`, document: design } });
        designs.push({ ...made, document: design });
      }
      // One secret key for this process and both instances: the access key's secret is sealed with it.
      process.env.STEVEDORE_SECRET_KEY ??= randomBytes(32).toString("hex");
      const serverEnv = { DATABASE_URL: url, STEVEDORE_SANDBOX_STORE: "database", STEVEDORE_SECRET_KEY: process.env.STEVEDORE_SECRET_KEY, ...benchAdminEnv };
      const credentials = await benchKey(db);
      servers.push(await startNext(portA, serverEnv));
      servers.push(await startNext(portB, serverEnv));
      const [a, b] = servers;
      // Everyone on the load is signed in; one session (a session is read per request, whoever it is).
      const cookie = await signInCookie(a.url);
      const signedIn = { cookie };
      const get = (u: string) => fetch(u, { headers: signedIn });
      const services = await seedSandbox(a.url, cookie, credentials);

      // The browser's own request: the last design is the one Chromium edits (it is not load-tested).
      const captured = await captureBrowserSave(a.url, designs[SAVERS].id);
      const [arg] = JSON.parse(captured.body) as [{ id: string; expectedVersion: number; document: Design }];
      if (captured.path !== `/designs/${captured.designId}/canvas` || arg.id !== captured.designId || JSON.stringify([arg]) !== captured.body) {
        throw new Error(`the autosave request is not the expected plain-JSON server action POST to the canvas: ${captured.path} ${captured.body.slice(0, 200)}`);
      }
      if (savedVersion(captured.response) !== arg.expectedVersion + 1) throw new Error(`the browser's save did not answer a new version: ${captured.response.slice(0, 300)}`);
      // What the load sends: the browser's headers, less those of its connection, and (so the
      // answer can be read) no compression; Origin is the instance's, as a browser on it sends.
      const drop = new Set(["host", "content-length", "connection", "accept-encoding", "cookie"]);
      const browserHeaders: Record<string, string> = { ...Object.fromEntries(Object.entries(captured.headers).filter(([k]) => !drop.has(k))), cookie };

      // Warm both instances (first requests load route modules) and start both pollers.
      for (const s of servers) {
        for (const c of CLUSTERS) await get(`${s.url}${monitorUrl.clusterView(env, c)}`).then((r) => r.text());
        await get(`${s.url}${monitorUrl.serviceHistory(env, CLUSTERS[0], services[0])}`).then((r) => r.text());
        await get(`${s.url}${monitorUrl.deployments(env, CLUSTERS[0], services[0])}`).then((r) => r.text());
      }

      // One request at a time first: what each costs without queueing behind the others.
      const solo = new Map<string, number[]>();
      const timeOne = async (key: string, fn: () => Promise<Response>) => {
        const t0 = performance.now();
        const r = await fn();
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`${key}: HTTP ${r.status}`);
        const list = solo.get(key) ?? [];
        list.push(performance.now() - t0);
        solo.set(key, list);
      };
      const warmSave = designs[0];
      const saveOnce = (server: NextServer) => fetch(`${server.url}${captured.path.replace(captured.designId, warmSave.id)}`, {
        method: "POST",
        headers: { ...browserHeaders, origin: server.url, "next-router-state-tree": browserHeaders["next-router-state-tree"].replaceAll(captured.designId, warmSave.id) },
        body: JSON.stringify([{ id: warmSave.id, expectedVersion: warmSave.version, document: (warmSave.document = moved(warmSave.document, warmSave.version)) }]),
      }).then(async (r) => {
        const text = await r.text();
        const v = savedVersion(text);
        if (v === undefined) throw new Error(`save refused: ${text.slice(0, 300)}`);
        warmSave.version = v;
        return new Response(text);
      });
      for (let i = 0; i < 12; i++) {
        for (const server of servers) {
          const key = (k: string) => (i < 2 ? `warm ${k}` : k);
          await timeOne(key("cluster view"), () => get(`${server.url}${monitorUrl.clusterView(env, CLUSTERS[0])}`));
          await timeOne(key("service's view"), () => get(`${server.url}${monitorUrl.clusterView(env, CLUSTERS[0], services[1])}`));
          await timeOne(key("service history"), () => get(`${server.url}${monitorUrl.serviceHistory(env, CLUSTERS[0], services[1])}`));
          await timeOne(key("service deployments"), () => get(`${server.url}${monitorUrl.deployments(env, CLUSTERS[0], services[1])}`));
          await timeOne(key("instances"), () => get(`${server.url}${monitorUrl.instances(env, CLUSTERS[0])}`));
          await timeOne(key("clusters"), () => get(`${server.url}${monitorUrl.clusters(env)}`));
          await timeOne(key("save"), () => saveOnce(server));
          // What a save's answer includes: the canvas page rendered again (the same render as a client-side navigation's).
          await timeOne(key("the canvas page rendered alone (RSC)"), () => fetch(`${server.url}/designs/${warmSave.id}/canvas`, {
            headers: { cookie, rsc: "1", "next-router-state-tree": browserHeaders["next-router-state-tree"].replaceAll(captured.designId, warmSave.id) },
          }));
        }
      }

      const views = samples();
      const saves = samples();
      const leases = watchLeases(url);
      const cpu0 = servers.map((s) => s.cpuMs());
      const own0 = process.cpuUsage();
      const clients: Promise<void>[] = [];
      const spread = (i: number) => (i % 2 === 0 ? a : b);
      for (let i = 0; i < VIEWERS; i++) {
        const server = spread(i);
        // Half on the environment overview, half on a service's page.
        const schedule = i < VIEWERS / 2 ? overviewPage() : servicePage(CLUSTERS[i % CLUSTERS.length], services[i % services.length]);
        let at = Math.floor(Math.random() * schedule.length);
        let last = "";
        clients.push(runClient({
          url: server.url,
          setupRequest: (req) => {
            last = schedule[at++ % schedule.length];
            return { ...req, method: "GET", path: last, headers: signedIn };
          },
          onResponse: (status) => status === 200,
          last: () => last.replace(/\/services\/[^/?]+|\?service=.*/, (m) => (m.startsWith("?") ? "?service=…" : "/services/…")).replace(/load-[ab]/, "<cluster>"),
        }, views, opts.durationS, Math.random() * 1000));
      }
      for (let i = 0; i < SAVERS; i++) {
        const server = spread(i);
        const mine = designs[i];
        let edits = 0;
        const origin = server.url;
        clients.push(runClient({
          url: server.url,
          setupRequest: (req) => {
            mine.document = moved(mine.document, edits++);
            const body = JSON.stringify([{ id: mine.id, expectedVersion: mine.version, document: mine.document }]);
            return {
              ...req, method: "POST", path: captured.path.replace(captured.designId, mine.id), body,
              headers: {
                ...browserHeaders, origin, referer: `${origin}/designs/${mine.id}/canvas`,
                "next-router-state-tree": browserHeaders["next-router-state-tree"].replaceAll(captured.designId, mine.id),
              },
            };
          },
          onResponse: (status, body) => {
            const v = status === 200 ? savedVersion(body) : undefined;
            if (v === undefined) return false;
            mine.version = v;
            return true;
          },
          last: () => "save",
        }, saves, opts.durationS, Math.random() * 1000));
      }
      await Promise.all(clients);
      const cpu = servers.map((s, i) => (s.cpuMs() ?? NaN) - (cpu0[i] ?? NaN));
      const own = process.cpuUsage(own0);
      await leases.stop();
      const figures = await Promise.all(servers.map((s) => get(`${s.url}/api/monitor/figures`).then((r) => r.json() as Promise<Figures>)));
      return report({ solo, views, saves, leases: leases.holders, figures, designBytes, captured, servers, durationS: opts.durationS, cpu, ownCpu: (own.user + own.system) / 1000 });
    } finally {
      for (const s of servers) await s.stop();
      await db.$disconnect();
    }
  });
}

function report(r: {
  solo: Map<string, number[]>; views: Samples; saves: Samples; leases: Map<string, string[]>; figures: Figures[]; designBytes: number;
  captured: CapturedSave; servers: NextServer[]; durationS: number; cpu: number[]; ownCpu: number;
}): LoadRow[] {
  const rows: LoadRow[] = [];
  const info = (metric: string, value: string) => rows.push({ metric, value, target: "—", result: "info" });
  info("load: setup", `2 × \`next start\` (ports ${r.servers.map((s) => s.port).join(", ")}) on one PostgreSQL database; sandbox: ${CLUSTERS.length} clusters × ${SERVICES_PER_CLUSTER} services × ${TASKS_PER_SERVICE} tasks; ${VIEWERS} viewers and ${SAVERS} people spread evenly over both instances, ${RATE} request/s each for ${r.durationS} s (autocannon, in this process, on the same 2 cores)`);
  info("load: what a viewer asks", `half the environment overview's polls (cluster list, each cluster's view and instances), half a service page's (view, recorded history, instances, deployment timeline), in the order lib/query/monitor.ts fires them, about 2× as often`);
  info("load: what a save is", `server action \`saveDesignAction\` (Next-Action ${r.captured.actionId.slice(0, 12)}…) POSTed to /designs/<id>/canvas with the headers and body encoding Chromium sent from the canvas's autosave (no compression); ${(r.designBytes / 1024).toFixed(0)} KiB design (${DESIGN_NODES} canvas nodes), one node moved per save; the answer re-renders the page (revalidatePath)`);
  info("load: one request at a time, both instances (median of 20)", [...r.solo.entries()].filter(([k]) => !k.startsWith("warm")).map(([k, t]) => `${k} ${ms(median(t))}`).join(", "));
  const line = (s: Samples) => `${ms(median(s.latencies))} / ${ms(percentile(s.latencies, 95))} (${s.latencies.length} answers, ${(s.latencies.length / r.durationS).toFixed(1)}/s; max ${ms(Math.max(...s.latencies))})`;
  const p95v = percentile(r.views.latencies, 95);
  rows.push({ metric: `load: ${VIEWERS} monitor viewers, latency p50 / p95`, value: line(r.views), target: `p95 ≤ ${TARGET.viewP95} ms`, result: p95v <= TARGET.viewP95 ? "pass" : "FAIL" });
  const breakdown = [...r.views.byUrl.entries()].sort(([x], [y]) => x.localeCompare(y))
    .map(([u, t]) => `${u.replace(`/api/monitor/${env}`, "…")}: ${ms(median(t))} / ${ms(percentile(t, 95))} (${t.length})`).join("; ");
  info("… per route, p50 / p95 (answers)", breakdown);
  const p95s = percentile(r.saves.latencies, 95);
  rows.push({ metric: `load: ${SAVERS} people saving designs, latency p50 / p95`, value: line(r.saves), target: `p95 ≤ ${TARGET.saveP95} ms`, result: p95s <= TARGET.saveP95 ? "pass" : "FAIL" });
  const errs = (s: Samples) => s.errors + s.non2xx;
  rows.push({
    metric: "load: errors (non-2xx, refused saves, timeouts, connection errors)",
    value: `views ${errs(r.views)} (${r.views.non2xx} non-2xx), saves ${errs(r.saves)} (${r.saves.non2xx} non-2xx)`,
    target: "0", result: errs(r.views) + errs(r.saves) === 0 ? "pass" : "FAIL",
  });
  const total = r.cpu.reduce((x, y) => x + y, 0);
  info("load: CPU used during the run", `servers ${r.cpu.map((c, i) => `:${r.servers[i].port} ${(c / 1000).toFixed(1)} s`).join(", ")} (${(total / (r.views.requests + r.saves.requests)).toFixed(1)} ms per request, polling included); load generator ${(r.ownCpu / 1000).toFixed(1)} s; of ${r.durationS} s × 2 cores`);
  // One poller per cluster: one lease holder throughout, and exactly one instance saying it polls.
  const perCluster = CLUSTERS.map((c) => {
    const holders = r.leases.get(c) ?? [];
    const claim = r.figures.filter((f) => f.pollers.some((p) => p.cluster === c && p.thisInstanceHolds));
    const holder = claim[0] ? r.servers[r.figures.indexOf(claim[0])].port : undefined;
    return { c, ok: holders.length === 1 && claim.length === 1 && claim[0].instance === holders[0], holders, claim: claim.length, holder };
  });
  rows.push({
    metric: "load: pollers per cluster between the two instances (lease holders seen during the run; instances that say they poll)",
    value: perCluster.map((p) => `${p.c}: ${p.holders.length} holder${p.holders.length === 1 ? "" : "s"}, ${p.claim} polling${p.holder ? ` (the instance on :${p.holder})` : ""}`).join("; "),
    target: "1 per cluster", result: perCluster.every((p) => p.ok) ? "pass" : "FAIL",
  });
  return rows;
}

// `npx tsx bench/measure-load.ts [seconds]` prints the rows on their own.
if (process.argv[1] && /measure-load\.ts$/.test(process.argv[1])) {
  measureLoad({ durationS: Number(process.argv[2] ?? 30) }).then((rows) => {
    for (const r of rows) console.log(`${r.result.padEnd(5)} ${r.metric}: ${r.value} (target ${r.target})`);
  }, (err) => {
    console.error(err);
    process.exit(1);
  });
}
