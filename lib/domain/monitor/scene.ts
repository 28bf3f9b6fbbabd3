import { DEFAULT_MAXIMUM_PERCENT, DEFAULT_MINIMUM_HEALTHY_PERCENT, rollingBounds } from "../ecs-facts/service";

// The sandbox as a picture: what the animated scene (components/monitor/cluster-scene.tsx) draws
// from one look at a cluster — tasks in their lifecycle lanes, each service's rolling deployment
// against its bounds, and the container instances tasks were placed on. Pure: the lesson page
// builds it from the sandbox's own ECS answers, the canvas from the monitor's snapshots, and
// `sceneChanges` turns two consecutive scenes into the sentences of "what just happened".

/** A task's lifecycle, in order (ECS developer guide, "Task lifecycle"). */
export const LIFECYCLE = [
  "PROVISIONING", "PENDING", "ACTIVATING", "RUNNING", "DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED",
] as const;
export type LifecycleStatus = (typeof LIFECYCLE)[number];

/** What ECS is doing while a task is in each state: the scene's lane captions. */
export const LIFECYCLE_HELP: Record<LifecycleStatus, string> = {
  PROVISIONING: "ECS prepares what the task needs before it can start, such as its network interface in awsvpc mode.",
  PENDING: "The container agent pulls the images and waits for resources.",
  ACTIVATING: "The containers start; ECS registers the task with load balancers and service discovery.",
  RUNNING: "The essential containers run. The service counts this task toward its desired count.",
  DEACTIVATING: "ECS takes the task out of load balancers and service discovery before stopping it.",
  STOPPING: "The containers get SIGTERM, then SIGKILL once their stop timeout has passed.",
  DEPROVISIONING: "ECS releases what the task used, such as its network interface.",
  STOPPED: "Gone. ECS keeps a stopped task visible for a while, with the reason it stopped.",
};

/** One task as the scene knows it; `createdAt` in epoch milliseconds. */
export type SceneTaskInput = {
  id: string;
  service?: string;
  revision: number;
  lastStatus: string;
  desiredStatus: string;
  instanceArn?: string;
  /** The capacity provider it runs on (FARGATE_SPOT tasks are drawn apart from FARGATE ones). */
  capacityProvider?: string;
  health?: string;
  stoppedReason?: string;
  createdAt: number;
};
export type SceneDeployment = { status: string; revision: number; desired: number; running: number; pending: number; rolloutState?: string };
/**
 * A blue/green, linear or canary deployment in flight (from the service deployments API): the
 * source revision is blue, the target green, and `greenPercent` of production traffic goes to green.
 */
export type SceneTraffic = { blue: number; green: number; greenPercent: number; strategy: string };
export type TrafficSide = "blue" | "green";
export type SceneServiceInput = {
  name: string;
  traffic?: SceneTraffic;
  desired: number;
  running: number;
  pending: number;
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  deployments: SceneDeployment[];
  /** The Service Connect client aliases it serves (`api:8080`), if any. */
  aliases?: string[];
};
export type SceneInstanceInput = {
  arn: string;
  label: string;
  status: string;
  cpu: { registered: number; remaining: number };
  memory: { registered: number; remaining: number };
};
export type SceneInput = { services: SceneServiceInput[]; tasks: SceneTaskInput[]; instances: SceneInstanceInput[] };

export type SceneTask = SceneTaskInput & {
  /** ECS has decided to stop it (desired STOPPED) but it has not reached STOPPED yet. */
  stopping: boolean;
  /** Index into the scene's revisions, for a stable colour per task-definition revision. */
  tone: number;
  /** During a traffic-shifting deployment: which side the task serves; it is drawn blue or green. */
  side?: TrafficSide;
};
export type SceneLane = { status: LifecycleStatus; tasks: SceneTask[]; hidden: number };

export type SceneServiceView = Omit<SceneServiceInput, "deployments"> & {
  /** The service's deployments, each with its revision's colour (its side's, while traffic shifts). */
  deployments: (SceneDeployment & { tone: number; side?: TrafficSide })[];
  lower: number;
  upper: number;
  /** Tasks RUNNING or starting and not being stopped: what the max bound limits (ECS counts RUNNING and PENDING). */
  counted: number;
  /** Tasks ECS is stopping: outside both bounds, on their way out. */
  leaving: number;
  /** Running tasks per revision, newest first, for the deployment bar. */
  segments: { revision: number; tone: number; running: number; starting: number; stopping: number; side?: TrafficSide; percent?: number }[];
  /** One sentence on where the deployment stands and why. */
  story: string;
  /** Each Service Connect alias it serves and how many endpoints answer it (RUNNING tasks not stopping nor unhealthy). */
  endpoints: { alias: string; endpoints: number }[];
};

export type SceneInstance = {
  arn: string;
  label: string;
  status: string;
  /** Share of registered CPU and memory in use, 0–1. */
  cpuUsed: number;
  memoryUsed: number;
  cpu: { registered: number; used: number };
  memory: { registered: number; used: number };
  tasks: SceneTask[];
};

export type Scene = {
  lanes: SceneLane[];
  services: SceneServiceView[];
  instances: SceneInstance[];
  /** Live tasks without a container instance (Fargate), at most FARGATE_SHOWN. */
  fargate: SceneTask[];
  /** What the caps left out, for "+N more". */
  more: { services: number; instances: number; fargate: number };
  revisions: number[];
  /**
   * What the colours mean, as the tokens are drawn: a revision's own colour, or blue and green
   * for the sides of a traffic-shifting deployment (one entry per revision and side seen).
   */
  legend: { revision: number; tone: number; side?: TrafficSide }[];
  empty: boolean;
};

/** Tokens per lane before "+N more" (a lane is a column of the scene). */
export const LANE_CAPACITY = 8;
const STOPPED_SHOWN = 6;
/** A big cluster stays a picture, not a wall: the scene draws this many of each, the rest as counts. */
export const SCENE_LIMITS = { services: 6, instances: 24, fargate: 40 };

const lifecycleIndex = (status: string) => {
  const i = LIFECYCLE.indexOf(status as LifecycleStatus);
  return i < 0 ? 0 : i;
};
const alive = (t: SceneTaskInput) => t.lastStatus !== "STOPPED";
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sideOf(traffic: SceneTraffic | undefined, revision: number): TrafficSide | undefined {
  if (!traffic || traffic.blue === traffic.green) return undefined;
  return revision === traffic.green ? "green" : revision === traffic.blue ? "blue" : undefined;
}

/** The tasks Service Connect sends a client to: RUNNING, not being stopped, not reported unhealthy (Cloud Map's healthy instances). */
const answering = (tasks: SceneTask[]) => tasks.filter((t) => t.lastStatus === "RUNNING" && !t.stopping && t.health !== "UNHEALTHY").length;

/** "api:8080 · 2 endpoints": what the scene writes of an alias. */
export const endpointsLabel = (e: { alias: string; endpoints: number }) => `${e.alias} · ${plural(e.endpoints, "endpoint")}`;

function serviceView(svc: SceneServiceInput, tasks: SceneTask[], tone: (rev: number) => number): SceneServiceView {
  const { lower, upper } = rollingBounds(svc.desired, svc.minimumHealthyPercent, svc.maximumPercent);
  const own = tasks.filter((t) => t.service === svc.name && alive(t));
  const revs = [...new Set([...svc.deployments.map((d) => d.revision), ...own.map((t) => t.revision)])].sort((a, b) => b - a);
  const segments = revs.map((revision) => {
    const of = own.filter((t) => t.revision === revision);
    const side = sideOf(svc.traffic, revision);
    return {
      revision, tone: tone(revision),
      ...(side ? { side, percent: side === "green" ? svc.traffic!.greenPercent : 100 - svc.traffic!.greenPercent } : {}),
      running: of.filter((t) => t.lastStatus === "RUNNING" && !t.stopping).length,
      starting: of.filter((t) => lifecycleIndex(t.lastStatus) < lifecycleIndex("RUNNING")).length,
      stopping: of.filter((t) => t.stopping || lifecycleIndex(t.lastStatus) > lifecycleIndex("RUNNING")).length,
    };
  }).filter((s) => s.running + s.starting + s.stopping > 0 || svc.deployments.some((d) => d.revision === s.revision));
  const sum = (k: "running" | "starting" | "stopping") => segments.reduce((n, x) => n + x[k], 0);
  const counts = { running: sum("running"), starting: sum("starting"), leaving: sum("stopping") };
  return {
    ...svc, deployments: svc.deployments.map((d) => {
      const side = sideOf(svc.traffic, d.revision);
      return { ...d, tone: tone(d.revision), ...(side ? { side } : {}) };
    }),
    lower, upper, counted: counts.running + counts.starting, leaving: counts.leaving, segments,
    story: story(svc, segments, counts, lower, upper),
    endpoints: (svc.aliases ?? []).map((alias) => ({ alias, endpoints: answering(own) })),
  };
}

function story(
  svc: SceneServiceInput, segments: SceneServiceView["segments"], n: { running: number; starting: number; leaving: number }, lower: number, upper: number,
): string {
  const primary = svc.deployments.find((d) => d.status === "PRIMARY");
  const bounds = `ECS keeps at least ${lower} running and at most ${upper} running or starting at once (${svc.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY_PERCENT} % and ${svc.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT} % of ${svc.desired}).`;
  const leaving = n.leaving ? `, ${n.leaving} stopping` : "";
  if (svc.traffic && svc.traffic.blue !== svc.traffic.green) {
    const t = svc.traffic;
    const on = (side: TrafficSide) => segments.find((x) => x.side === side)?.running ?? 0;
    return `${t.strategy.replace("_", "/").toLowerCase()} deployment: blue revision ${t.blue} (${on("blue")} running) takes ${100 - t.greenPercent} % of production traffic, green revision ${t.green} (${on("green")} running) ${t.greenPercent} %. Both sets run side by side until the traffic has moved.`;
  }
  if (primary && svc.deployments.length > 1) {
    const old = segments.filter((s) => s.revision !== primary.revision).reduce((k, s) => k + s.running, 0);
    const fresh = segments.find((s) => s.revision === primary.revision)?.running ?? 0;
    return `Revision ${primary.revision} is replacing the old one: ${fresh} new and ${old} old running, ${n.starting} starting${leaving}. ${bounds}`;
  }
  if (primary?.rolloutState === "FAILED") return `The deployment of revision ${primary.revision} failed: ECS stopped trying to start it.`;
  if (n.running < svc.desired) {
    return `${n.running} of ${svc.desired} running${n.starting ? `, ${n.starting} starting` : ""}${leaving}: the service scheduler starts tasks until the desired count runs.`;
  }
  if (n.running + n.starting > svc.desired) return `${n.running + n.starting} tasks for ${svc.desired} wanted: the scheduler stops the extra ones.`;
  return `Steady: ${plural(n.running, "task")} running, as desired${leaving}. If one stops, the scheduler starts a replacement. ${bounds}`;
}

/**
 * Everything the scene draws, from one look at a cluster. With `focus` (a service name) that
 * service comes first and its tasks alone fill the lifecycle lanes, so one service of a busy
 * cluster can be followed.
 */
export function buildScene(input: SceneInput, focus?: string): Scene {
  const revisions = [...new Set(input.tasks.map((t) => t.revision).concat(input.services.flatMap((s) => s.deployments.map((d) => d.revision))))].sort((a, b) => a - b);
  const tone = (rev: number) => Math.max(0, revisions.indexOf(rev));
  const focused = focus !== undefined && input.services.some((x) => x.name === focus);
  const ordered = [...input.tasks].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const trafficOf = new Map(input.services.filter((x) => x.traffic).map((x) => [x.name, x.traffic]));
  const tasks: SceneTask[] = ordered.map((t) => {
    const side = t.service ? sideOf(trafficOf.get(t.service), t.revision) : undefined;
    return { ...t, stopping: t.desiredStatus === "STOPPED" && t.lastStatus !== "STOPPED", tone: tone(t.revision), ...(side ? { side } : {}) };
  });
  // Lanes follow the focused service; services, instances and Fargate always show the whole cluster.
  const laneTasks = focused ? tasks.filter((t) => t.service === focus) : tasks;

  const lanes: SceneLane[] = LIFECYCLE.map((status) => {
    let inLane = laneTasks.filter((t) => (LIFECYCLE.includes(t.lastStatus as LifecycleStatus) ? t.lastStatus : "PROVISIONING") === status);
    // The newest stopped tasks are the interesting ones; older ones fall off the end.
    if (status === "STOPPED") inLane = inLane.reverse().slice(0, STOPPED_SHOWN);
    return { status, tasks: inLane.slice(0, LANE_CAPACITY), hidden: Math.max(0, inLane.length - LANE_CAPACITY) };
  });

  const live = tasks.filter(alive);
  const instances = [...input.instances].sort((a, b) => a.label.localeCompare(b.label)).map((ci): SceneInstance => {
    const cpuUsed = ci.cpu.registered - ci.cpu.remaining;
    const memUsed = ci.memory.registered - ci.memory.remaining;
    return {
      arn: ci.arn, label: ci.label, status: ci.status,
      cpu: { registered: ci.cpu.registered, used: cpuUsed }, memory: { registered: ci.memory.registered, used: memUsed },
      cpuUsed: ci.cpu.registered > 0 ? Math.min(1, Math.max(0, cpuUsed / ci.cpu.registered)) : 0,
      memoryUsed: ci.memory.registered > 0 ? Math.min(1, Math.max(0, memUsed / ci.memory.registered)) : 0,
      tasks: live.filter((t) => t.instanceArn === ci.arn),
    };
  });
  const placed = new Set(instances.flatMap((i) => i.tasks.map((t) => t.id)));
  const fargate = live.filter((t) => !t.instanceArn || !placed.has(t.id));
  const services = focused ? [...input.services].sort((a, b) => Number(b.name === focus) - Number(a.name === focus)) : input.services;
  // Busy instances first when there are more than the scene shows.
  const shownInstances = instances.length > SCENE_LIMITS.instances
    ? [...instances].sort((a, b) => b.tasks.length - a.tasks.length).slice(0, SCENE_LIMITS.instances) : instances;
  return {
    lanes,
    services: services.slice(0, SCENE_LIMITS.services).map((s) => serviceView(s, tasks, tone)),
    instances: shownInstances,
    fargate: fargate.slice(0, SCENE_LIMITS.fargate),
    more: {
      services: Math.max(0, services.length - SCENE_LIMITS.services),
      instances: instances.length - shownInstances.length,
      fargate: Math.max(0, fargate.length - SCENE_LIMITS.fargate),
    },
    revisions,
    legend: legendOf(revisions, tasks, tone),
    empty: input.services.length === 0 && input.tasks.length === 0 && input.instances.length === 0,
  };
}

/** One entry per revision and the way its tasks are drawn (plain, blue or green), by revision, blue before green. */
function legendOf(revisions: number[], tasks: SceneTask[], tone: (rev: number) => number): Scene["legend"] {
  const order = { undefined: 0, blue: 1, green: 2 } as const;
  const seen = new Map<string, Scene["legend"][number]>();
  for (const t of tasks) seen.set(`${t.revision}/${t.side}`, { revision: t.revision, tone: t.tone, ...(t.side ? { side: t.side } : {}) });
  // A revision only a deployment names (no task yet) keeps its own colour.
  for (const r of revisions) if (![...seen.values()].some((e) => e.revision === r)) seen.set(`${r}/undefined`, { revision: r, tone: tone(r) });
  return [...seen.values()].sort((a, b) => a.revision - b.revision || order[`${a.side}`] - order[`${b.side}`]);
}

/** What changed between two looks, oldest first: a task appeared, moved on in its lifecycle, or was stopped. */
export function sceneChanges(prev: SceneInput | undefined, next: SceneInput): string[] {
  if (!prev) return [];
  const before = new Map(prev.tasks.map((t) => [t.id, t]));
  const out: string[] = [];
  const ordered = [...next.tasks].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  for (const t of ordered) {
    const was = before.get(t.id);
    const who = `Task ${t.id.slice(0, 8)}${t.service ? ` of ${t.service}` : ""} (revision ${t.revision})`;
    if (!was) {
      out.push(t.lastStatus === "STOPPED" ? `${who} stopped: ${t.stoppedReason ?? "no reason given"}.` : `${who} appeared in ${t.lastStatus}.`);
      continue;
    }
    if (was.desiredStatus !== "STOPPED" && t.desiredStatus === "STOPPED") {
      out.push(`ECS is stopping ${who.charAt(0).toLowerCase()}${who.slice(1)}${t.stoppedReason ? `: ${t.stoppedReason}` : ""}.`);
    }
    if (was.lastStatus !== t.lastStatus) out.push(`${who}: ${was.lastStatus} → ${t.lastStatus}.`);
  }
  return out;
}
