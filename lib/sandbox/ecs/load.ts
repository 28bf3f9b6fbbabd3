import { peek, serviceTaskArns } from "../core/draft";
import { groupUsage } from "../core/lb-references";
import { MINUTE, putDatapoint, type StatisticSet } from "../core/metric-store";
import { targetHealth } from "../core/target-health";
import type { Load, LoadShape, Service, Task, World } from "../core/types";
import { printAccessLines } from "./access-logs";

// The load simulation: a request rate per service or target group over simulated time (control
// `setLoad`), and what it does to the tasks that serve it. Every simulated minute the world
// records, for the minute that just ended, the AWS/ECS CPUUtilization and MemoryUtilization of
// each service with running tasks and the AWS/ApplicationELB RequestCount and
// RequestCountPerTarget of each target group that served requests, and each serving task's
// containers print access lines for what they served (access-logs.ts). Pure and deterministic: the
// load at the middle of the minute stands for the minute; no randomness.
//
// The model (stated, not measured):
// - A service's load is split evenly over its serving tasks: RUNNING ones whose targets are all
//   healthy (every RUNNING one when it has no load balancer, or when none is healthy: an ALB
//   routes to all targets when all fail, "fail open"). A target group's load is split evenly over
//   its healthy targets (all of them when none is) and reaches the tasks behind them; a task's
//   share of its service's load also counts as requests of the target groups it is registered in.
// - CPU: each request costs `cpuMsPerRequest` ms of one vCPU (default 10); a task of C CPU units
//   (1024 a vCPU) has C/1024 × 1000 ms of CPU a second, and idles at 2 %. CPU % = 2 + rps ×
//   cpuMsPerRequest / (C/1024 × 1000) × 100, at most 100.
// - Memory: a base of 25 % of the task's memory (runtime, heap, caches) plus `memoryMiBPerRequest`
//   MiB (default 2) per request in flight, with 100 ms per request (Little's law: in flight = rps ×
//   0.1). Memory % = (0.25 × M + rps × 0.1 × memoryMiBPerRequest) / M × 100, at most 100.
// - A service's datapoint is the statistic set over its RUNNING tasks (SampleCount = tasks), so
//   Average is the service's utilisation as AWS/ECS reports it for tasks of one size.

export const DEFAULT_CPU_MS_PER_REQUEST = 10;
export const DEFAULT_MEMORY_MIB_PER_REQUEST = 2;
const IDLE_CPU_PERCENT = 2;
const BASE_MEMORY_SHARE = 0.25;
const SECONDS_PER_REQUEST = 0.1;

/** The request rate of `shape` (set at `since`) at simulated time `t`, requests per second, never negative. */
export function loadAt(shape: LoadShape, since: number, t: number): number {
  const minutes = (t - since) / MINUTE;
  let rps: number;
  switch (shape.kind) {
    case "constant": rps = shape.rps; break;
    case "ramp": rps = shape.minutes <= 0 || minutes >= shape.minutes ? shape.to : shape.from + (shape.to - shape.from) * Math.max(0, minutes) / shape.minutes; break;
    case "daily": {
      const hour = (t % (24 * 60 * MINUTE)) / (60 * MINUTE);
      rps = shape.trough + (shape.peak - shape.trough) * (1 + Math.cos((2 * Math.PI * (hour - shape.peakHour)) / 24)) / 2;
      break;
    }
    case "spike": rps = shape.base + (minutes >= shape.atMinutes && minutes < shape.atMinutes + shape.minutes ? shape.height : 0); break;
  }
  return Math.max(0, rps);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A task's CPU and memory utilisation (percent, 0–100) serving `rps` requests per second. */
export function taskUtilisation(task: Pick<Task, "cpu" | "memory">, rps: number, costs: Pick<Load, "cpuMsPerRequest" | "memoryMiBPerRequest">) {
  const cpuMsPerSecond = (Math.max(task.cpu, 1) / 1024) * 1000;
  const cpu = IDLE_CPU_PERCENT + ((rps * costs.cpuMsPerRequest) / cpuMsPerSecond) * 100;
  const memory = Math.max(task.memory, 1);
  const mem = ((BASE_MEMORY_SHARE * memory + rps * SECONDS_PER_REQUEST * costs.memoryMiBPerRequest) / memory) * 100;
  return { cpu: round2(Math.min(100, cpu)), memory: round2(Math.min(100, mem)) };
}

/** `service/<cluster>/<service>`, the key of a service's load (and its Application Auto Scaling ResourceId). */
export const serviceLoadKey = (svc: Pick<Service, "clusterName" | "name">) => `service/${svc.clusterName}/${svc.name}`;

/** `app/<name>/<id>` and `targetgroup/<name>/<id>`: the LoadBalancer and TargetGroup dimensions of an ARN. */
export const lbDimension = (arn: string) => arn.slice(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length);
export const tgDimension = (arn: string) => arn.slice(arn.lastIndexOf(":") + 1);

function runningTasks(world: World, svc: Service): Task[] {
  const all = peek(world).tasks;
  const arns = serviceTaskArns(world, svc.arn) ?? Object.keys(all).filter((a) => all[a].serviceArn === svc.arn);
  return arns.map((a) => all[a]).filter((t): t is Task => t !== undefined && t.serviceArn === svc.arn && t.lastStatus === "RUNNING");
}

/** Whether the minute tick has anything to look at: a live service, a load, or an alarm. */
export function hasMetricWork(world: World): boolean {
  const w = peek(world);
  return Object.keys(w.alarms).length > 0 || Object.keys(w.loads).length > 0 || Object.values(w.services).some((s) => s.status === "ACTIVE");
}

/** When the next minute's metrics fall due (Infinity: nothing to record). */
export function nextMinute(world: World): number {
  if (!hasMetricWork(world)) return Infinity;
  const current = Math.floor(world.now / MINUTE) * MINUTE;
  return Math.max(world.metricsThrough ?? current, current) + MINUTE;
}

type Serving = { task: Task; rps: number };

/**
 * Records the metrics of the minute that ends at `end` (a multiple of a minute, the world's now)
 * from the loads and the tasks running now.
 */
export function recordMinute(world: World, end: number) {
  const w = peek(world);
  const mid = end - MINUTE / 2;
  const start = end - MINUTE;
  const byTask = new Map<string, Serving & { costs: Pick<Load, "cpuMsPerRequest" | "memoryMiBPerRequest"> }>();
  const groupRps = new Map<string, number>();
  const addGroup = (arn: string, rps: number) => groupRps.set(arn, (groupRps.get(arn) ?? 0) + rps);
  const services = Object.values(w.services).filter((s) => s.status === "ACTIVE").sort((a, b) => (a.arn < b.arn ? -1 : 1));
  const running = new Map(services.map((s) => [s.arn, runningTasks(world, s)]));
  const defaults = { cpuMsPerRequest: DEFAULT_CPU_MS_PER_REQUEST, memoryMiBPerRequest: DEFAULT_MEMORY_MIB_PER_REQUEST };
  const serve = (task: Task, rps: number, costs: Pick<Load, "cpuMsPerRequest" | "memoryMiBPerRequest">) => {
    const had = byTask.get(task.arn);
    byTask.set(task.arn, { task, rps: (had?.rps ?? 0) + rps, costs: had ? had.costs : costs });
  };
  for (const svc of services) {
    const tasks = running.get(svc.arn) ?? [];
    for (const t of tasks) serve(t, 0, defaults);
    const load = Object.hasOwn(w.loads, serviceLoadKey(svc)) ? w.loads[serviceLoadKey(svc)] : undefined;
    if (!load || !tasks.length) continue;
    const healthy = tasks.filter((t) => !t.registrations?.length || t.targetsHealthy);
    const serving = healthy.length ? healthy : tasks;
    const each = loadAt(load.shape, load.since, mid) / serving.length;
    for (const t of serving) {
      serve(t, each, load);
      const regs = t.registrations ?? [];
      for (const r of regs) addGroup(r.targetGroupArn, each / regs.length);
    }
  }
  // Target groups' own loads, over their healthy targets and the tasks behind them.
  const behind = new Map<string, Task>();
  for (const tasks of running.values()) for (const t of tasks) for (const r of t.registrations ?? []) behind.set(`${r.targetGroupArn}|${r.id}|${r.port}`, t);
  const counted = new Map<string, number>();
  for (const tg of Object.values(w.targetGroups)) {
    const targets = tg.targets.filter((x) => x.drainingUntil === undefined);
    const healthy = targets.filter((x) => targetHealth(tg, x, end).State === "healthy");
    counted.set(tg.arn, (healthy.length ? healthy : targets).length);
    const load = Object.hasOwn(w.loads, tg.arn) ? w.loads[tg.arn] : undefined;
    if (!load || tg.inUseSince === undefined) continue;
    const rps = loadAt(load.shape, load.since, mid);
    addGroup(tg.arn, rps);
    const serving = healthy.length ? healthy : targets;
    for (const x of serving) {
      const task = behind.get(`${tg.arn}|${x.id}|${x.port}`);
      if (task) serve(task, rps / serving.length, load);
    }
  }
  // What the tasks served, as their containers' access lines (access-logs.ts).
  for (const s of byTask.values()) printAccessLines(world, s.task, start, end, s.rps, s.costs);
  for (const svc of services) {
    const tasks = running.get(svc.arn) ?? [];
    if (!tasks.length) continue;
    const cpu: number[] = [];
    const mem: number[] = [];
    for (const t of tasks) {
      const s = byTask.get(t.arn);
      const u = taskUtilisation(t, s?.rps ?? 0, s?.costs ?? defaults);
      cpu.push(u.cpu);
      mem.push(u.memory);
    }
    const dimensions = [{ name: "ClusterName", value: svc.clusterName }, { name: "ServiceName", value: svc.name }];
    putDatapoint(world, { namespace: "AWS/ECS", name: "CPUUtilization", dimensions, unit: "Percent" }, start, setOf(cpu), end);
    putDatapoint(world, { namespace: "AWS/ECS", name: "MemoryUtilization", dimensions, unit: "Percent" }, start, setOf(mem), end);
  }
  const usage = groupUsage(world);
  for (const [arn, rps] of [...groupRps].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const requests = Math.round(rps * 60);
    const lbs = usage.get(arn);
    if (!requests || !lbs) continue;
    for (const lb of [...lbs].sort()) {
      if (!lb.includes(":loadbalancer/app/")) continue;
      const dimensions = [{ name: "LoadBalancer", value: lbDimension(lb) }, { name: "TargetGroup", value: tgDimension(arn) }];
      putDatapoint(world, { namespace: "AWS/ApplicationELB", name: "RequestCount", dimensions, unit: "Count" }, start, { n: 1, s: requests, lo: requests, hi: requests }, end);
      const n = counted.get(arn) ?? 0;
      if (!n) continue;
      const per = round2(requests / n);
      putDatapoint(world, { namespace: "AWS/ApplicationELB", name: "RequestCountPerTarget", dimensions, unit: "None" }, start, { n: 1, s: per, lo: per, hi: per }, end);
      putDatapoint(world, { namespace: "AWS/ApplicationELB", name: "RequestCountPerTarget", dimensions: [dimensions[1]], unit: "None" }, start, { n: 1, s: per, lo: per, hi: per }, end);
    }
  }
  world.metricsThrough = end;
}

function setOf(values: number[]): StatisticSet {
  return { n: values.length, s: round2(values.reduce((a, b) => a + b, 0)), lo: Math.min(...values), hi: Math.max(...values) };
}
