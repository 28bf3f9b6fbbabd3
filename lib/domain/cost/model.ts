import { clusterNameOf, familyOf, type Cluster, type Design, type LoadBalancerDesign, type Service, type TaskDefinition } from "../design";
import { parseTaskCpu, parseTaskMemory } from "../ecs-facts/task-size";
import { FARGATE_CAPACITY_PROVIDERS } from "../ecs-facts/service";
import { launchOf, taskReservation } from "../rules/checks/service-util";
import { PRICE_TABLE, type FargateRates, type PriceTable, type RegionPrices } from "./prices";
import { providerLoads, type ProviderInstances } from "./instances";
import { splitByStrategy, strategyOf } from "./split";

export { splitByStrategy };

// The cost model: what a design costs per month at on-demand prices, from the shipped dated
// price table (lib/domain/cost/prices). Pure: no I/O. Every figure carries what it assumes.

/** Hours in the average month (8,760 h a year / 12), as AWS's pricing examples use. */
export const HOURS_PER_MONTH = 730;
export const DEFAULT_REGION = "us-east-1";
/** Load balancer capacity units assumed used every hour of the month (the minimum a running load balancer is billed for). */
export const DEFAULT_LCU = 1;

/** Scaling bounds of a service (Application Auto Scaling min/max capacity), by service id. */
export type CapacityBounds = Record<string, { min?: number; max?: number }>;

export type CostOptions = {
  region?: string;
  hoursPerMonth?: number;
  table?: PriceTable;
  /** LCUs (ALB) or NLCUs (NLB) assumed per load balancer-hour; default 1. */
  lcuPerLoadBalancer?: number;
  /**
   * Min/max capacity per service id: the service is also priced at both. A service not named
   * here is priced at its design's `autoScaling` minCapacity/maxCapacity, where it has them.
   */
  capacity?: CapacityBounds;
  /**
   * The instances each Auto Scaling group or Managed Instances capacity provider needs at the
   * services' desired count, minimum and maximum (from the sandbox's placement: see instances.ts):
   * priced as shared "instances" lines, at each count in total, totalAtMin and totalAtMax.
   */
  instances?: readonly ProviderInstances[];
};

export type CostLineKind = "compute" | "storage" | "ipv4" | "load-balancer" | "instances";
export type CostLine = { kind: CostLineKind; label: string; monthly: number; detail: string };

export type ServiceCost = {
  serviceId: string;
  serviceName: string;
  cluster: string;
  /** Tasks priced: desiredCount (a DAEMON service: one per declared instance). */
  taskCount: number;
  /** Monthly cost of the tasks at taskCount (EC2-hosted tasks are priced with their cluster's instances). */
  monthly: number;
  /** Monthly cost of one task on the service's capacity mix, when any of it is priced per task. */
  perTask?: number;
  min?: number;
  max?: number;
  atMin?: number;
  atMax?: number;
  lines: CostLine[];
  /** How the tasks are split between launch types / capacity providers. */
  mix: string;
  assumptions: string[];
  /** What could not be priced: the figure leaves it out. */
  unknowns: string[];
};

export type DesignCost = {
  region: string;
  hoursPerMonth: number;
  priceDate: string;
  currency: "USD";
  /** False when the Region is not in the table: nothing is priced. */
  regionKnown: boolean;
  services: ServiceCost[];
  /** Load balancers and clusters' EC2 instances: not per task, so they do not scale with the services. */
  shared: CostLine[];
  total: number;
  totalAtMin: number;
  totalAtMax: number;
  /** The assumptions of every figure, once each: hours, Region, price date, LCUs, on-demand. */
  assumptions: string[];
  unknowns: string[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;
export const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const plural = (n: number, w: string) => `${Math.round(n * 100) / 100} ${w}${n === 1 ? "" : "s"}`;

type Platform = { key: "linuxX86" | "linuxArm" | "windowsX86"; name: string };
function platformOf(td: TaskDefinition): Platform {
  const os = td.runtimePlatform?.operatingSystemFamily ?? "LINUX";
  if (os.startsWith("WINDOWS")) return { key: "windowsX86", name: "Windows x86" };
  return td.runtimePlatform?.cpuArchitecture === "ARM64" ? { key: "linuxArm", name: "Linux ARM (Graviton)" } : { key: "linuxX86", name: "Linux x86" };
}

function fargateHourly(r: FargateRates, vcpu: number, gb: number): number {
  return vcpu * r.vcpuHour.usd + gb * r.gbHour.usd + (r.osLicenceVcpuHour ? vcpu * r.osLicenceVcpuHour.usd : 0);
}

function taskCountOf(s: Service, cluster: Cluster | undefined): number {
  return s.schedulingStrategy === "DAEMON" ? (cluster?.instances?.length ?? 0) : Math.max(0, s.desiredCount ?? 0);
}

type Ctx = { prices: RegionPrices; hours: number };

/** The per-task pricing of a service, so that it can be priced at any count. */
type TaskPricing = {
  priceAt(count: number): { lines: CostLine[]; monthly: number };
  mix(count: number): string;
  assumptions: string[];
  unknowns: string[];
};

function taskPricing(s: Service, td: TaskDefinition | undefined, cluster: Cluster | undefined, ctx: Ctx): TaskPricing {
  const assumptions: string[] = [];
  const unknowns: string[] = [];
  const { prices, hours } = ctx;
  const strategy = strategyOf(s, cluster);
  const launch = launchOf(s, cluster);
  const split = (count: number): Map<string, number> => {
    if (strategy) return splitByStrategy(strategy, count);
    return new Map([[launch?.kind ?? "EC2", count]]);
  };
  if (!launch) unknowns.push(`cluster ${s.cluster} is outside the design and the service sets no launchType or capacity provider strategy: where its tasks run is unknown`);
  if (!td) unknowns.push(`task definition ${s.taskDefinition} is not in the design: its size is unknown`);
  const cpu = td ? parseTaskCpu(td.cpu) : undefined;
  const memory = td ? parseTaskMemory(td.memory) : undefined;
  const platform = td ? platformOf(td) : undefined;
  const onFargate = (p: string) => p === "FARGATE" || FARGATE_CAPACITY_PROVIDERS.includes(p);
  const providers = [...split(1).keys()];
  const anyFargate = providers.some(onFargate);
  const anyEc2 = providers.some((p) => !onFargate(p));
  if (anyFargate && td && (cpu === undefined || memory === undefined)) unknowns.push(`task definition ${td.family} has no task-level cpu and memory, which Fargate needs: its Fargate tasks are not priced`);
  if (anyEc2) {
    assumptions.push(`tasks on ${providers.filter((p) => !onFargate(p)).join(", ")} run on EC2 instances, priced as the cluster's declared instances or their capacity provider's (not per task)`);
    if (td && taskReservation(td).cpu === 0 && taskReservation(td).memory === 0) {
      unknowns.push(`task definition ${td.family} has no cpu or memory (task or container level) on EC2: how much of the instances it needs is unknown`);
    }
  }
  // Fargate Spot runs only Linux X86_64 tasks (rule fargate-spot).
  const spotOk = platform === undefined || platform.key === "linuxX86";
  if (providers.includes("FARGATE_SPOT")) {
    if (spotOk) assumptions.push(`FARGATE_SPOT at ${Math.round(prices.fargateSpot.maxDiscount * 100)}% off on-demand, the most AWS states (${prices.fargateSpot.source}): the live Spot price varies, so this is the lowest it can cost`);
    else unknowns.push(`Fargate Spot runs only Linux x86_64 tasks, not ${platform?.name}: its share is not priced`);
  }
  const rates = platform ? prices.fargate[platform.key] : undefined;
  const missing = (what: string) => `no ${what} price for ${prices.region} in the table (Refresh prices on an environment's page reads it from the Price List)`;
  if (anyFargate && platform && !rates) unknowns.push(`${missing(`Fargate ${platform.name}`)}: its Fargate tasks are not priced`);
  const vcpu = (cpu ?? 0) / 1024;
  const gb = (memory ?? 0) / 1024;
  const hourly = rates && cpu !== undefined && memory !== undefined ? fargateHourly(rates, vcpu, gb) : undefined;
  const extraGiB = Math.max(0, (td?.ephemeralStorage?.sizeInGiB ?? 0) - prices.ephemeralStorage.freeGiB);
  const publicIp = s.networkConfiguration?.awsvpcConfiguration.assignPublicIp === "ENABLED";
  const storageRate = prices.ephemeralStorage.gbHour;
  const ipv4Rate = prices.publicIpv4Hour;
  if (anyFargate && extraGiB > 0 && !storageRate) unknowns.push(`${missing("ephemeral storage")}: the ${extraGiB} GiB above the free ${prices.ephemeralStorage.freeGiB} GiB are not priced`);
  if (anyFargate && publicIp && !ipv4Rate) unknowns.push(`${missing("public IPv4")}: the tasks' public addresses are not priced`);

  const priceAt = (count: number) => {
    const lines: CostLine[] = [];
    const parts = split(count);
    let fargateTasks = 0;
    for (const [provider, n] of parts) {
      if (!onFargate(provider) || n === 0) continue;
      const spot = provider === "FARGATE_SPOT";
      if (spot && !spotOk) continue;
      fargateTasks += n;
      if (hourly === undefined || !platform || !rates) continue;
      const h = spot ? hourly * (1 - prices.fargateSpot.maxDiscount) : hourly;
      const licence = rates.osLicenceVcpuHour ? ` + $${rates.osLicenceVcpuHour.usd}/vCPU-h OS licence` : "";
      lines.push({
        kind: "compute", label: `${spot ? "Fargate Spot" : "Fargate"} ${platform.name}`, monthly: h * n * hours,
        detail: `${plural(n, "task")} × ${vcpu} vCPU × $${rates.vcpuHour.usd}/vCPU-h + ${gb} GB × $${rates.gbHour.usd}/GB-h${licence}${spot ? `, −${Math.round(prices.fargateSpot.maxDiscount * 100)}%` : ""} × ${hours} h`,
      });
    }
    if (extraGiB > 0 && fargateTasks > 0 && storageRate) {
      lines.push({
        kind: "storage", label: "Ephemeral storage", monthly: extraGiB * storageRate.usd * fargateTasks * hours,
        detail: `${plural(fargateTasks, "task")} × ${extraGiB} GiB above the free ${prices.ephemeralStorage.freeGiB} GiB × $${storageRate.usd}/GB-h × ${hours} h`,
      });
    }
    if (publicIp && fargateTasks > 0 && ipv4Rate) {
      lines.push({
        kind: "ipv4", label: "Public IPv4", monthly: fargateTasks * ipv4Rate.usd * hours,
        detail: `${plural(fargateTasks, "task")} with assignPublicIp ENABLED × $${ipv4Rate.usd}/IP-h × ${hours} h`,
      });
    }
    return { lines, monthly: lines.reduce((t, l) => t + l.monthly, 0) };
  };
  const mix = (count: number) => {
    const parts = [...split(count)].filter(([, n]) => n > 0);
    if (parts.length === 0) return launch?.kind ?? "unknown";
    const what = strategy
      ? `strategy ${strategy.map((i) => `${i.capacityProvider}${i.base ? ` base ${i.base}` : ""} weight ${i.weight ?? 0}`).join(", ")}: `
      : "";
    return what + parts.map(([p, n]) => `${Math.round(n * 100) / 100} on ${p}`).join(", ");
  };
  return { priceAt, mix, assumptions, unknowns };
}

/** One service's monthly cost at its desired count, and at its scaling min/max when given. */
/** The scaling bounds the design itself gives a service (what RegisterScalableTarget will set). */
function designBounds(s: Service): { min?: number; max?: number } {
  const a = s.autoScaling;
  return { ...(a?.minCapacity !== undefined ? { min: a.minCapacity } : {}), ...(a?.maxCapacity !== undefined ? { max: a.maxCapacity } : {}) };
}

export function serviceCost(s: Service, design: Design, opts: CostOptions = {}): ServiceCost {
  const { ctx } = contextOf(opts);
  const cluster = design.clusters.find((c) => c.clusterName === clusterNameOf(s.cluster));
  const td = design.taskDefinitions.find((t) => t.family === familyOf(s.taskDefinition));
  const bounds = opts.capacity?.[s.id] ?? designBounds(s);
  const count = taskCountOf(s, cluster);
  const base: Omit<ServiceCost, "monthly" | "lines" | "mix" | "assumptions" | "unknowns"> = {
    serviceId: s.id, serviceName: s.serviceName, cluster: clusterNameOf(s.cluster), taskCount: count,
    ...(bounds.min !== undefined ? { min: bounds.min } : {}), ...(bounds.max !== undefined ? { max: bounds.max } : {}),
  };
  if (!ctx) return { ...base, monthly: 0, lines: [], mix: "", assumptions: [], unknowns: [`no prices for Region ${opts.region}`] };
  const p = taskPricing(s, td, cluster, ctx);
  const at = p.priceAt(count);
  const one = p.priceAt(1).monthly;
  return {
    ...base,
    monthly: at.monthly,
    ...(one > 0 ? { perTask: one } : {}),
    ...(bounds.min !== undefined ? { atMin: p.priceAt(bounds.min).monthly } : {}),
    ...(bounds.max !== undefined ? { atMax: p.priceAt(bounds.max).monthly } : {}),
    lines: at.lines, mix: p.mix(count), assumptions: p.assumptions, unknowns: p.unknowns,
  };
}

function loadBalancerLine(lb: LoadBalancerDesign, ctx: Ctx, lcu: number, unknowns: string[]): CostLine | undefined {
  const { prices, hours } = ctx;
  const alb = lb.type === "application";
  const rates = alb ? prices.alb && { hour: prices.alb.hour, unit: prices.alb.lcuHour } : prices.nlb && { hour: prices.nlb.hour, unit: prices.nlb.nlcuHour };
  const kind = alb ? "Application" : "Network";
  if (!rates) {
    unknowns.push(`load balancer ${lb.name}: no ${kind} Load Balancer price for ${prices.region} in the table: not priced`);
    return undefined;
  }
  const hourly = rates.hour.usd;
  const unit = rates.unit.usd;
  const unitName = alb ? "LCU" : "NLCU";
  // An internet-facing load balancer holds a public IPv4 address in each of its subnets' zones.
  const publicIps = (lb.scheme ?? "internet-facing") === "internet-facing" && prices.publicIpv4Hour ? Math.max(lb.subnets?.length ?? 0, 2) : 0;
  if ((lb.scheme ?? "internet-facing") === "internet-facing" && !prices.publicIpv4Hour) unknowns.push(`load balancer ${lb.name}: no public IPv4 price for ${prices.region} in the table: its addresses are not priced`);
  const ipv4 = publicIps * (prices.publicIpv4Hour?.usd ?? 0);
  return {
    kind: "load-balancer", label: `${alb ? "Application" : "Network"} Load Balancer ${lb.name}${lb.loadBalancerArn ? " (existing)" : ""}`,
    monthly: (hourly + lcu * unit + ipv4) * hours,
    detail: `($${hourly}/h + ${lcu} ${unitName} × $${unit}/${unitName}-h${publicIps ? ` + ${publicIps} public IPv4 × $${prices.publicIpv4Hour?.usd}/h (one per zone${lb.subnets?.length ? "" : ", at least 2 assumed"})` : ""}) × ${hours} h`,
  };
}

function instanceLines(cluster: Cluster, ctx: Ctx, unknowns: string[]): CostLine[] {
  const byType = new Map<string, number>();
  for (const i of cluster.instances ?? []) {
    if (!i.instanceType) { unknowns.push(`cluster ${cluster.clusterName}: instance ${i.id} has no instanceType: not priced`); continue; }
    if (!ctx.prices.ec2[i.instanceType]) { unknowns.push(`cluster ${cluster.clusterName}: no price for instance type ${i.instanceType} in ${ctx.prices.region}: not priced`); continue; }
    byType.set(i.instanceType, (byType.get(i.instanceType) ?? 0) + 1);
  }
  return [...byType].map(([type, n]) => ({
    kind: "instances" as const, label: `EC2 ${type} in ${cluster.clusterName}`, monthly: n * ctx.prices.ec2[type].usd * ctx.hours,
    detail: `${plural(n, "instance")} × $${ctx.prices.ec2[type].usd}/h (on-demand Linux) × ${ctx.hours} h`,
  }));
}

/** A capacity provider's instances: their on-demand price, and ECS Managed Instances' management fee on top. */
function providerInstanceCost(p: ProviderInstances, ctx: Ctx, unknowns: string[]): { lines: CostLine[]; at: Record<"desired" | "min" | "max", number> } {
  const price = ctx.prices.ec2[p.instanceType];
  const none = { lines: [], at: { desired: 0, min: 0, max: 0 } };
  if (p.error) {
    unknowns.push(`capacity provider ${p.provider}: how many instances its tasks need is unknown (${p.error}): not priced`);
    return none;
  }
  if (!price) {
    unknowns.push(`capacity provider ${p.provider}: no price for instance type ${p.instanceType} in ${ctx.prices.region}: its ${plural(p.desired, "instance")} not priced`);
    return none;
  }
  const managed = p.kind === "managedInstances";
  const fee = managed ? ctx.prices.managedInstancesFee?.[p.instanceType] : undefined;
  if (managed && !fee) unknowns.push(`capacity provider ${p.provider}: the ECS Managed Instances management fee for ${p.instanceType} is not priced (no sourced figure for ${ctx.prices.region})`);
  const hourly = price.usd + (fee?.usd ?? 0);
  const monthlyAt = (n: number) => n * hourly * ctx.hours;
  const at = { desired: monthlyAt(p.desired), min: monthlyAt(p.min), max: monthlyAt(p.max) };
  const feeText = fee ? ` + $${fee.usd}/h Managed Instances management fee` : managed ? " (management fee not priced)" : "";
  const lines: CostLine[] = [{
    kind: "instances", label: `${managed ? "ECS Managed Instances" : "EC2"} ${p.instanceType} for ${p.provider}`, monthly: at.desired,
    detail: `${plural(p.desired, "instance")} (${p.min} at the minimum, ${p.max} at the maximum) × ($${price.usd}/h on-demand Linux${feeText}) × ${ctx.hours} h; ${p.how}`,
  }];
  return { lines, at };
}

function contextOf(opts: CostOptions): { region: string; hours: number; table: PriceTable; date: string; ctx?: Ctx } {
  const table = opts.table ?? PRICE_TABLE;
  const region = opts.region ?? DEFAULT_REGION;
  const hours = opts.hoursPerMonth ?? HOURS_PER_MONTH;
  const prices = table.regions[region];
  return { region, hours, table, date: prices?.date ?? table.date, ...(prices ? { ctx: { prices, hours } } : {}) };
}

/** The whole design: every service, load balancer and declared EC2 instance, with totals at desired count and at the scaling bounds. */
export function designCost(design: Design, opts: CostOptions = {}): DesignCost {
  const { region, hours, table, date, ctx } = contextOf(opts);
  const lcu = opts.lcuPerLoadBalancer ?? DEFAULT_LCU;
  const assumptions = [
    `${hours} hours a month, on-demand prices of ${region} read ${date} (${table.currency}, before tax, no Savings Plans or free tier)`,
  ];
  if (!ctx) {
    const known = Object.keys(table.regions).join(", ");
    return {
      region, hoursPerMonth: hours, priceDate: date, currency: table.currency, regionKnown: false, services: [], shared: [],
      total: 0, totalAtMin: 0, totalAtMax: 0, assumptions, unknowns: [`no prices for Region ${region} (the table has ${known}): nothing priced`],
    };
  }
  const services = design.services.map((s) => serviceCost(s, design, opts));
  const unknowns = services.flatMap((s) => s.unknowns.map((u) => `${s.serviceName}: ${u}`));
  const lbs = (design.loadBalancers ?? []).flatMap((lb) => loadBalancerLine(lb, ctx, lcu, unknowns) ?? []);
  if (lbs.length) assumptions.push(`${lcu} LCU/NLCU per load balancer every hour (traffic-driven: 1 LCU = 25 new connections/s, 3,000 active connections, 1 GB/h processed or 1,000 rule evaluations/s, whichever is highest)`);
  const instances = design.clusters.flatMap((c) => instanceLines(c, ctx, unknowns));
  const provided = (opts.instances ?? []).map((p) => providerInstanceCost(p, ctx, unknowns));
  const covered = new Set((opts.instances ?? []).map((p) => p.provider));
  for (const l of providerLoads(design, (s) => opts.capacity?.[s.id] ?? designBounds(s))) {
    if (covered.has(l.provider)) continue;
    unknowns.push(opts.instances
      ? `capacity provider ${l.provider}: how many instances its tasks need is unknown (no priced instance type ${l.kind === "managedInstances" ? "meets its instanceRequirements and " : ""}fits every task): not priced`
      : `capacity provider ${l.provider}: its instances are not priced here (the design page and the plan price them from the sandbox's placement)`);
  }
  const shared = [...lbs, ...instances, ...provided.flatMap((p) => p.lines)];
  for (const a of services.flatMap((s) => s.assumptions)) if (!assumptions.includes(a)) assumptions.push(a);
  const fixed = [...lbs, ...instances].reduce((t, l) => t + l.monthly, 0);
  const sum = (f: (s: ServiceCost) => number, at: "desired" | "min" | "max") =>
    services.reduce((t, s) => t + f(s), 0) + fixed + provided.reduce((t, p) => t + p.at[at], 0);
  return {
    region, hoursPerMonth: hours, priceDate: date, currency: table.currency, regionKnown: true, services, shared,
    total: sum((s) => s.monthly, "desired"), totalAtMin: sum((s) => s.atMin ?? s.monthly, "min"), totalAtMax: sum((s) => s.atMax ?? s.monthly, "max"),
    assumptions, unknowns,
  };
}

/** A monthly figure for people: "$9.01/mo". */
export function monthly(n: number): string {
  return `${usd(round2(n))}/mo`;
}
