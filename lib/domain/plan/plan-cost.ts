import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { clusterNameOf, type Design, type LoadBalancerDesign } from "../design";
import { designCost, monthly, usd, type CapacityBounds, type DesignCost, type InstancesFor, type PriceTable } from "../cost";
import { designFromLive } from "./design-from-live";
import { deploymentTiming, type DeploymentStrategy } from "./deployment-note";
import { findLiveService } from "./plan-service";
import type { LiveState, PlanStep } from "./types";

/** Minutes assumed for new tasks to start and pass their health checks, on top of a deployment's bake times. */
export const ASSUMED_START_MINUTES = 10;

/** What one deployment costs on top while the new tasks run beside the old ones. */
export type DeploymentCost = {
  service: string;
  strategy: DeploymentStrategy;
  /** Tasks running on top of the desired count while the deployment lasts. */
  extraTasks: number;
  minutes: number;
  /** US dollars for the whole deployment; undefined when the tasks are not priced per task (EC2). */
  extra?: number;
  text: string;
};

/** The plan's change in monthly cost: the account's services and load balancers before, the design's after. */
export type PlanCost = {
  region: string;
  priceDate: string;
  hoursPerMonth: number;
  before: number;
  after: number;
  change: number;
  afterAtMin: number;
  afterAtMax: number;
  deployments: DeploymentCost[];
  assumptions: string[];
  unknowns: string[];
};

/** The live services, task definitions and load balancers the plan read, as a design the cost model prices. */
function liveDesign(design: Design, live: LiveState, unknowns: string[]): Design {
  const out: Design = { schemaVersion: 1, clusters: [], taskDefinitions: [], services: [], loadBalancers: [], layout: {} };
  const names = new Set([...Object.keys(live.clusters), ...Object.keys(live.ownedClusters ?? {})]);
  for (const name of names) {
    const cluster = live.clusters[name] ?? live.ownedClusters?.[name];
    const services = live.services.filter((s) => s.status === "ACTIVE" && clusterNameOf(s.clusterArn ?? "") === name);
    const families = new Set(services.map((s) => (s.taskDefinition ?? "").split("/").pop()?.split(":")[0] ?? ""));
    const taskDefinitions = Object.values(live.taskDefinitions).filter((t) => families.has(t.taskDefinition.family ?? ""));
    const r = designFromLive({ cluster, services, taskDefinitions });
    if (!r.ok) { unknowns.push(`the live cluster ${name} could not be read for its cost: ${r.message}`); continue; }
    // EC2 instances are not created by apply: the design's declared ones count on both sides.
    const declared = design.clusters.find((c) => c.clusterName === name)?.instances;
    out.clusters.push(...r.design.clusters.map((c) => (declared ? { ...c, instances: declared } : c)));
    out.taskDefinitions.push(...r.design.taskDefinitions.filter((t) => !out.taskDefinitions.some((o) => o.family === t.family)));
    out.services.push(...r.design.services);
  }
  // Capacity providers are read back by name: those of the design's that exist now price their instances on both sides.
  const liveProviders = (design.capacityProviders ?? []).filter((p) => live.capacityProviders?.[p.name] ?? live.ownedCapacityProviders?.[p.name]);
  if (liveProviders.length) out.capacityProviders = liveProviders;
  for (const [name, l] of [...Object.entries(live.loadBalancers ?? {}), ...Object.entries(live.ownedLoadBalancers ?? {})]) {
    const type = l.loadBalancer.Type;
    if (type !== "application" && type !== "network") continue;
    const lb: LoadBalancerDesign = {
      id: `lb-${name}`, name, type, ...(l.loadBalancer.Scheme ? { scheme: l.loadBalancer.Scheme } : {}),
      subnets: (l.loadBalancer.AvailabilityZones ?? []).map((z) => z.SubnetId ?? "").filter(Boolean),
    };
    out.loadBalancers?.push(lb);
  }
  return out;
}

function deploymentCost(stepName: string, s: Design["services"][number], current: EcsService | undefined, cost: DesignCost): DeploymentCost {
  const t = deploymentTiming(s, current);
  const sc = cost.services.find((x) => x.serviceId === s.id);
  const desired = sc?.taskCount ?? 0;
  // ROLLING starts up to maximumPercent of the desired count; the others bring up a whole green copy beside blue.
  const extraTasks = t.strategy === "ROLLING" ? Math.max(0, Math.floor((desired * t.maximumPercent) / 100) - desired) : desired;
  const minutes = t.bakeMinutes + ASSUMED_START_MINUTES;
  const perTaskHour = sc?.perTask !== undefined ? sc.perTask / cost.hoursPerMonth : undefined;
  const extra = perTaskHour !== undefined ? extraTasks * perTaskHour * (minutes / 60) : undefined;
  const how = t.strategy === "ROLLING"
    ? `ROLLING: up to ${extraTasks} extra task${extraTasks === 1 ? "" : "s"} (maximumPercent ${t.maximumPercent})`
    : `${t.strategy}: a full green copy of ${desired} task${desired === 1 ? "" : "s"} beside blue`;
  const price = extra !== undefined ? `+${usd(Math.max(extra, 0))}` : "no per-task price (EC2: the extra tasks need free room on the instances)";
  return {
    service: stepName, strategy: t.strategy, extraTasks, minutes, ...(extra !== undefined ? { extra } : {}),
    text: `${price} for the ~${Math.round(minutes)} minutes of a deployment (${how}; ${t.bakeMinutes} min of bake time + ${ASSUMED_START_MINUTES} min assumed to start and pass health checks)`,
  };
}

/**
 * The change in monthly cost a plan makes (the design priced against what the account runs
 * now) and, for each service update that deploys, the temporary extra cost of running the new
 * tasks beside the old ones.
 */
export function planCost(design: Design, live: LiveState, steps: PlanStep[], opts: { region?: string; capacity?: CapacityBounds; table?: PriceTable; instancesFor?: InstancesFor } = {}): PlanCost {
  const unknowns: string[] = [];
  const { instancesFor, ...costOpts } = opts;
  const after = designCost(design, { ...costOpts, ...(instancesFor ? { instances: instancesFor(design, costOpts) } : {}) });
  const beforeOpts = { ...(opts.region ? { region: opts.region } : {}), ...(opts.table ? { table: opts.table } : {}) };
  const was = liveDesign(design, live, unknowns);
  const before = designCost(was, { ...beforeOpts, ...(instancesFor ? { instances: instancesFor(was, beforeOpts) } : {}) });
  const deployments: DeploymentCost[] = [];
  for (const step of steps) {
    if (step.kind !== "service" || step.action !== "update" || !step.notes.some((n) => n.startsWith("deploys with"))) continue;
    const s = design.services.find((x) => x.id === step.designId);
    if (s) deployments.push(deploymentCost(step.name, s, findLiveService(live, s.cluster, s.serviceName), after));
  }
  return {
    region: after.region, priceDate: after.priceDate, hoursPerMonth: after.hoursPerMonth,
    before: before.total, after: after.total, change: after.total - before.total, afterAtMin: after.totalAtMin, afterAtMax: after.totalAtMax,
    deployments,
    assumptions: opts.region ? after.assumptions : [...after.assumptions, `no Region given (the sandbox bills nothing): priced as if in ${after.region}`],
    unknowns: [...after.unknowns, ...unknowns],
  };
}

/** "Monthly cost: $9.01/mo → $18.02/mo (+$9.01/mo)" and one line per deployment, for the plan's text. */
export function planCostLines(c: PlanCost): string[] {
  const sign = c.change > 0.005 ? "+" : c.change < -0.005 ? "−" : "±";
  const lines = [`Monthly cost (${c.region}, prices of ${c.priceDate}): ${monthly(c.before)} → ${monthly(c.after)} (${sign}${monthly(Math.abs(c.change))})`];
  for (const d of c.deployments) lines.push(`  deployment of ${d.service}: ${d.text}`);
  lines.push(`  assumes: ${c.assumptions.join("; ")}`);
  for (const u of c.unknowns) lines.push(`  not priced: ${u}`);
  return lines;
}
