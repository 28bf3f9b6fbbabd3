// `npm run bench`: the performance budget of the validator and of persistence.
// A missed target prints FAIL but exits 0 (numbers vary by machine); a crash exits non-zero.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Design } from "../lib/domain/design";
import { ALL_RULES, createValidator } from "../lib/domain/rules";
import { generateDesign } from "./generate-design";
import { DEFAULT_ADMIN_URL, measureSaveLoad } from "./measure-db";
import { DEPLOYING, SERVICES, TASKS_PER_SERVICE, buildSandbox, measureSandboxDb, measureSandboxMemory, measureStepHour } from "./measure-sandbox";
import { median, percentile, sample } from "./stats";
import { measureMonitor } from "./measure-monitor";
import { measurePlanApply } from "./measure-plan-apply";
import { measureCanvasWithServer } from "./canvas/with-server";
import { measureLoad } from "./measure-load";

const RESOURCES = 1000;
/** BENCH_QUICK=1: a smoke run (CI) with few samples; it prints the table but leaves RESULTS.md alone. */
const QUICK = process.env.BENCH_QUICK === "1";
const RUNS = QUICK ? 5 : 40;
const WARMUP = QUICK ? 1 : 5;

type Row = { metric: string; value: string; target: string; result: "pass" | "FAIL" | "info" | "ERROR" };

const ms = (v: number) => `${v.toFixed(2)} ms`;
const mib = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MiB`;

function timed(metric: string, value: number, target: number): Row {
  return { metric, value: ms(value), target: `≤ ${target} ms`, result: value <= target ? "pass" : "FAIL" };
}

/** One field of one task definition, changed immutably: the shape of a canvas edit. */
function editOneField(design: Design, i: number): Design {
  const at = i % design.taskDefinitions.length;
  const td = design.taskDefinitions[at];
  const [first, ...rest] = td.containerDefinitions;
  const edited = { ...td, containerDefinitions: [{ ...first, memoryReservation: 128 + (i % 64) }, ...rest] };
  const taskDefinitions = design.taskDefinitions.slice();
  taskDefinitions[at] = edited;
  return { ...design, taskDefinitions };
}

async function main() {
  const started = performance.now();
  const rows: Row[] = [];
  let crashed = false;
  const design = generateDesign(RESOURCES);
  const containers = design.taskDefinitions.reduce((n, td) => n + td.containerDefinitions.length, 0);
  const bytes = Buffer.byteLength(JSON.stringify(design));
  rows.push({
    metric: "design size",
    value: `${design.clusters.length} clusters, ${design.taskDefinitions.length} task defs (${containers} containers), ${design.services.length} services; ${mib(bytes)} JSON`,
    target: "—",
    result: "info",
  });

  // A fresh validator each run: nothing cached, the cost of opening a design.
  const full = await sample(RUNS, () => createValidator(ALL_RULES).validate(design), WARMUP);
  rows.push(timed(`full validation (median of ${RUNS})`, median(full), 20));

  const validator = createValidator(ALL_RULES);
  let current = design;
  validator.validate(current);
  let edit = 0;
  const incremental = await sample(RUNS, () => {
    current = editOneField(current, edit++ * 7);
    return validator.validate(current);
  }, WARMUP);
  rows.push(timed(`revalidation after a one-field edit (median of ${RUNS})`, median(incremental), 2));

  const adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL;
  try {
    const saveLoad = await measureSaveLoad(design, RUNS, adminUrl);
    rows.push(timed(`save + load via Prisma on PostgreSQL (p95 of ${RUNS})`, percentile(saveLoad.total, 95), 50));
    rows.push({ metric: "… of which save (median / p95)", value: `${ms(median(saveLoad.save))} / ${ms(percentile(saveLoad.save, 95))}`, target: "—", result: "info" });
    rows.push({ metric: "… of which load (median / p95)", value: `${ms(median(saveLoad.load))} / ${ms(percentile(saveLoad.load, 95))}`, target: "—", result: "info" });
  } catch (err) {
    crashed = true;
    console.error(`save + load failed on ${new URL(adminUrl).host}:`, err);
    rows.push({ metric: "save + load via Prisma on PostgreSQL", value: "error (see log)", target: "≤ 50 ms", result: "ERROR" });
  }

  // The sandbox at scale, through the real ECS SDK over HTTP.
  const t0 = performance.now();
  const world = buildSandbox();
  const info = (metric: string, value: string): Row => ({ metric, value, target: "—", result: "info" });
  rows.push(info("sandbox size", `${SERVICES} Fargate services, ${SERVICES * TASKS_PER_SERVICE} RUNNING tasks, 1 cluster; ${mib(world.bytes)} JSON state (built in ${(performance.now() - t0).toFixed(0)} ms)`));
  const mem = await measureSandboxMemory(world, RUNS, WARMUP);
  rows.push(info(`sandbox DescribeServices, 10 services/call, SDK over HTTP, in-memory store (median of ${RUNS})`, ms(median(mem.describeServices))));
  rows.push(info(`sandbox DescribeTasks, 100 tasks/call, SDK over HTTP, in-memory store (median of ${RUNS})`, ms(median(mem.describeTasks))));
  const hour = await measureStepHour(world, RUNS, WARMUP);
  rows.push(info(`sandbox: advance one simulated hour, steady (engine, median of ${hour.steady.length})`, ms(median(hour.steady))));
  rows.push(info(`sandbox: advance one simulated hour while ${DEPLOYING} services roll out (${DEPLOYING * TASKS_PER_SERVICE} task replacements; median of ${hour.deployment.length})`, ms(median(hour.deployment))));
  try {
    const db = await measureSandboxDb(world, RUNS, WARMUP, adminUrl);
    rows.push(info(`sandbox DescribeServices, PostgreSQL store (median of ${RUNS}; read-only: no write)`, ms(median(db.describeServices))));
    rows.push(info(`sandbox DescribeTasks, PostgreSQL store (median of ${RUNS}; read-only: no write)`, ms(median(db.describeTasks))));
    rows.push(info(`sandbox TagResource, PostgreSQL store (median / p95 of ${RUNS}; writes the whole state)`, `${ms(median(db.tagResource))} / ${ms(percentile(db.tagResource, 95))}`));
    rows.push(info(`sandbox state load after a restart, PostgreSQL (median of ${db.coldLoad.length})`, ms(median(db.coldLoad))));
  } catch (err) {
    crashed = true;
    console.error(`sandbox on PostgreSQL failed on ${new URL(adminUrl).host}:`, err);
    rows.push({ metric: "sandbox on PostgreSQL", value: "error (see log)", target: "—", result: "ERROR" });
  }

  // Plan and apply: ECS calls from scratch and for an unchanged re-apply (which must write nothing).
  try {
    rows.push(...(await measurePlanApply(20)));
  } catch (err) {
    crashed = true;
    console.error("plan/apply benchmark failed:", err);
    rows.push({ metric: "plan and apply", value: "error (see log)", target: "0 writes", result: "ERROR" });
  }

  // Live monitoring: ECS calls and CPU per refresh, recorder throughput.
  try {
    rows.push(...(await measureMonitor({ runs: QUICK ? 3 : 20, warmup: QUICK ? 1 : 3, adminUrl })));
  } catch (err) {
    crashed = true;
    console.error("monitor benchmark failed:", err);
    rows.push({ metric: "monitor", value: "error (see log)", target: "—", result: "ERROR" });
  }

  // Load on the production build: two instances on one PostgreSQL database, monitor viewers and people saving.
  try {
    rows.push(...(await measureLoad({ durationS: QUICK ? 8 : 30, adminUrl })));
  } catch (err) {
    crashed = true;
    console.error("load benchmark failed:", err);
    rows.push({ metric: "load (monitor viewers and design saves)", value: "error (see log)", target: "—", result: "ERROR" });
  }

  // The canvas in headless Chromium against plain React Flow (needs a production build; minutes, so not in quick runs).
  if (QUICK) {
    rows.push({ metric: "canvas (designer vs plain React Flow)", value: "skipped in BENCH_QUICK runs", target: "—", result: "info" });
  } else {
    try {
      rows.push(...(await measureCanvasWithServer(3)));
    } catch (err) {
      crashed = true;
      console.error("canvas benchmark failed:", err);
      rows.push({ metric: "canvas (designer vs plain React Flow)", value: "error (see log)", target: "—", result: "ERROR" });
    }
  }

  globalThis.gc?.();
  const usage = process.memoryUsage();
  rows.push({ metric: "heap used (after the runs)", value: mib(usage.heapUsed), target: "—", result: "info" });
  rows.push({ metric: "resident set size", value: mib(usage.rss), target: "—", result: "info" });
  const table = renderTable(rows);
  console.log(table);
  console.log(`\nbench time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (QUICK) {
    console.log("BENCH_QUICK=1: a smoke run; RESULTS.md is not rewritten.");
    if (crashed) process.exitCode = 1;
    return;
  }
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${os.platform()} ${os.arch()}, ${mib(os.totalmem())} RAM, Node ${process.version}`;
  await writeFile(
    path.join(__dirname, "RESULTS.md"),
    `# Benchmark results\n\nGenerated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.\n\n` +
      `Machine: ${machine}\n\n${table}\n\nTargets come from the product brief; a FAIL here is a finding, not a build failure.\n`,
  );
  if (crashed) process.exitCode = 1;
}

function renderTable(rows: Row[]): string {
  const lines = ["| metric | value | target | result |", "| --- | --- | --- | --- |"];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.value} | ${r.target} | ${r.result} |`);
  return lines.join("\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
