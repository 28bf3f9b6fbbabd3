import type { AutoScalingPort, Ec2Port, EcsPort, Elbv2Port, SchedulerPort } from "../../aws";
import { clusterNameOf, type Design } from "../../domain/design";
import { designScheduleGroup } from "../../domain/ecs-facts/scheduler";
import {
  DEREGISTRATION_DELAY_KEY, DESIGN_TAG, emptyLiveState, groupOfTask, ownedLoadBalancers, ownedTargetGroups, tagsOfArn, tagValue,
  type LiveListener, type LiveLoadBalancer, type LiveState, type LiveTargetGroup,
} from "../../domain/plan";

/** The ports a plan reads through: ECS always; ELBv2 for the design's load balancers and target groups; EC2 for the default VPC. */
export type LiveStateOptions = { designId?: string; elbv2?: Elbv2Port; ec2?: Ec2Port; autoscaling?: AutoScalingPort; scheduler?: SchedulerPort };

/** DescribeTaskDefinition's answer for a family without an ACTIVE revision. */
export function isMissingTaskDefinition(err: unknown): boolean {
  return err instanceof Error && err.name === "ClientException" && /unable to describe task definition/i.test(err.message);
}

/**
 * Everything the plan compares, in as few calls as ECS allows: clusters 100 per call, services
 * 10 per call (all services of the design's clusters, so that services the design created and
 * then dropped can be found by their tag), the latest ACTIVE revision of each family.
 *
 * With `designId`, also what the design created and dropped, so the plan can delete it: clusters
 * tagged with it (ListClusters, DescribeClusters 100 per call) and their services; families
 * tagged with it (ListTaskDefinitionFamilies once, one DescribeTaskDefinition per family the
 * design does not have, ListTaskDefinitions for the owned ones).
 */
export async function readLiveState(ecs: EcsPort, design: Design, opts: LiveStateOptions = {}): Promise<LiveState> {
  const live = emptyLiveState();
  const clusterNames = [...new Set([...design.clusters.map((c) => c.clusterName), ...design.services.map((s) => clusterNameOf(s.cluster))])];
  const { clusters } = await ecs.describeClusters({ clusters: clusterNames, include: ["TAGS", "SETTINGS"] });
  for (const c of clusters) if (c.clusterName && c.status === "ACTIVE") live.clusters[c.clusterName] = c;
  for (const family of new Set(design.taskDefinitions.map((t) => t.family))) {
    try {
      const r = await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] });
      if (r.taskDefinition) live.taskDefinitions[family] = { taskDefinition: r.taskDefinition, tags: r.tags ?? [] };
    } catch (err) {
      if (!isMissingTaskDefinition(err)) throw err;
    }
  }
  if (opts.designId) await readOwnedLeftovers(ecs, design, opts.designId, live, clusterNames);
  await readCapacityProviders(ecs, design, opts.designId, live);
  for (const cluster of [...Object.keys(live.clusters), ...Object.keys(live.ownedClusters ?? {})]) {
    const arns = await ecs.listServices({ cluster });
    const { services } = await ecs.describeServices({ cluster, services: arns, includeTags: true });
    live.services.push(...services.filter((s) => s.status === "ACTIVE"));
  }
  const needsElbv2 = ownedTargetGroups(design).length > 0 || ownedLoadBalancers(design).length > 0;
  if (opts.elbv2) {
    try {
      await readElbv2(opts.elbv2, design, opts.designId, live);
    } catch (err) {
      // A design without load balancers still plans where the credentials may not read ELBv2
      // (then its dropped ELBv2 resources, if it ever had any, are not found).
      if (needsElbv2 || !isAccessDenied(err)) throw err;
      for (const k of ["targetGroups", "loadBalancers", "ownedTargetGroups", "ownedLoadBalancers"] as const) delete live[k];
    }
  } else if (needsElbv2) throw new Error("The design has load balancers or target groups: planning it needs an ELBv2 client");
  const scaled = design.services.some((s) => s.autoScaling);
  if (opts.autoscaling) {
    try {
      await readScaling(opts.autoscaling, design, opts.designId, live);
    } catch (err) {
      // As for ELBv2: a design without auto scaling still plans where the credentials cannot read it.
      if (scaled || !isAccessDenied(err)) throw err;
      delete live.scaling;
    }
  } else if (scaled) throw new Error("The design scales services: planning it needs an Application Auto Scaling client");
  const scheduled = (design.scheduledTasks ?? []).length > 0;
  if (opts.scheduler) {
    try {
      await readSchedules(opts.scheduler, design, opts.designId, live);
    } catch (err) {
      // As for ELBv2: a design without scheduled tasks still plans where the credentials cannot read Scheduler.
      if (scheduled || !isAccessDenied(err)) throw err;
      delete live.schedules;
    }
  } else if (scheduled) throw new Error("The design has scheduled tasks: planning it needs an EventBridge Scheduler client");
  if (opts.ec2 && needsDefaultVpc(design)) live.defaultVpc = await readDefaultVpc(opts.ec2);
  const lbSubnets = [...new Set(ownedLoadBalancers(design).flatMap((l) => l.subnets ?? []))];
  if (opts.ec2 && lbSubnets.length && ownedTargetGroups(design).some((t) => !t.vpcId)) {
    const subnets = await opts.ec2.describeSubnets({ filters: [{ Name: "subnet-id", Values: lbSubnets }] });
    live.subnetVpcs = Object.fromEntries(subnets.filter((s) => s.SubnetId && s.VpcId).map((s) => [s.SubnetId!, s.VpcId!]));
  }
  return live;
}

/**
 * The schedule groups the design's scheduled tasks use, and its own group (where the schedules
 * it created and dropped are), each with its tags and every schedule in it (GetSchedule each).
 */
async function readSchedules(scheduler: SchedulerPort, design: Design, designId: string | undefined, live: LiveState) {
  const groups = new Set((design.scheduledTasks ?? []).map((t) => groupOfTask(t, designId ?? "")));
  if (designId) groups.add(designScheduleGroup(designId));
  live.schedules = { groups: {}, byKey: {} };
  for (const name of groups) {
    const group = await scheduler.scheduleGroup(name);
    live.schedules.groups[name] = group ? { tags: group.tags.map((t) => ({ key: t.Key, value: t.Value })) } : null;
    if (!group) continue;
    for (const s of await scheduler.schedulesOf(name)) if (s.Name) live.schedules.byKey[`${name}/${s.Name}`] = s;
  }
}

/**
 * The scalable targets of the design's services and of the live services it created (so that
 * scaling it dropped can be removed), with their policies and scheduled actions.
 */
async function readScaling(aas: AutoScalingPort, design: Design, designId: string | undefined, live: LiveState) {
  const keys = new Set(design.services.map((s) => `${clusterNameOf(s.cluster)}/${s.serviceName}`));
  for (const s of live.services) if (designId && tagValue(s.tags, DESIGN_TAG) === designId) keys.add(`${clusterNameOf(s.clusterArn ?? "")}/${s.serviceName}`);
  live.scaling = {};
  if (keys.size === 0) return;
  const targets = await aas.describeScalableTargets([...keys].map((k) => `service/${k}`));
  for (const target of targets) {
    const resourceId = target.ResourceId ?? "";
    const [policies, scheduledActions] = await Promise.all([aas.describeScalingPolicies(resourceId), aas.describeScheduledActions(resourceId)]);
    live.scaling[resourceId.replace(/^service\//, "")] = { target, policies, scheduledActions };
  }
}

/**
 * The design's capacity providers that exist (DescribeCapacityProviders with TAGS); with
 * `designId`, also the ACTIVE ones tagged with it that the design no longer has. Only designs
 * with providers, or plans that look for leftovers, make these calls.
 */
async function readCapacityProviders(ecs: EcsPort, design: Design, designId: string | undefined, live: LiveState) {
  const names = (design.capacityProviders ?? []).map((p) => p.name);
  if (names.length) {
    const { capacityProviders } = await ecs.describeCapacityProviders({ capacityProviders: names, includeTags: true });
    live.capacityProviders = Object.fromEntries(capacityProviders.filter((p) => p.name && p.status === "ACTIVE").map((p) => [p.name!, p]));
  }
  if (!designId) return;
  const { capacityProviders } = await ecs.describeCapacityProviders({ includeTags: true });
  const owned = capacityProviders.filter((p) => p.name && p.status === "ACTIVE" && !names.includes(p.name) && tagValue(p.tags, DESIGN_TAG) === designId);
  if (owned.length) live.ownedCapacityProviders = Object.fromEntries(owned.map((p) => [p.name!, p]));
}

const isAccessDenied = (err: unknown) => err instanceof Error && ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"].includes(err.name);

const needsDefaultVpc = (d: Design) => ownedTargetGroups(d).some((t) => !t.vpcId) || ownedLoadBalancers(d).some((l) => !l.subnets);

/** The default VPC and its default subnets (one per zone), as a new account has them; undefined when the account has none. */
async function readDefaultVpc(ec2: Ec2Port): Promise<LiveState["defaultVpc"]> {
  const [vpc] = await ec2.describeVpcs({ filters: [{ Name: "is-default", Values: ["true"] }] });
  if (!vpc?.VpcId) return undefined;
  const subnets = await ec2.describeSubnets({ filters: [{ Name: "vpc-id", Values: [vpc.VpcId] }, { Name: "default-for-az", Values: ["true"] }] });
  return { vpcId: vpc.VpcId, subnetIds: subnets.map((s) => s.SubnetId ?? "").filter(Boolean).sort() };
}

/**
 * The design's target groups and load balancers by name, with their tags (DescribeTags, 20 ARNs
 * per call); the listeners and rules (and their tags) of the load balancers it owns; the
 * deregistration delay of groups whose design sets one. With `designId`, every target group and
 * load balancer of the account is listed so that the ones tagged with it that the design no
 * longer names are found (and only those: an untagged resource is never anyone's leftover).
 */
async function readElbv2(elbv2: Elbv2Port, design: Design, designId: string | undefined, live: LiveState) {
  const tgNames = new Set(ownedTargetGroups(design).map((t) => t.name));
  const lbNames = new Set(ownedLoadBalancers(design).map((l) => l.name));
  const allDesignTgs = new Set((design.targetGroups ?? []).map((t) => t.name));
  const allDesignLbs = new Set((design.loadBalancers ?? []).map((l) => l.name));
  const groups = designId ? await elbv2.describeTargetGroups() : tgNames.size ? await elbv2.describeTargetGroups({ names: [...tgNames] }) : [];
  const balancers = designId ? await elbv2.describeLoadBalancers() : lbNames.size ? await elbv2.describeLoadBalancers({ names: [...lbNames] }) : [];
  const namedGroups = groups.filter((g) => tgNames.has(g.TargetGroupName ?? ""));
  const otherGroups = groups.filter((g) => !allDesignTgs.has(g.TargetGroupName ?? ""));
  const namedLbs = balancers.filter((l) => lbNames.has(l.LoadBalancerName ?? ""));
  const otherLbs = balancers.filter((l) => !allDesignLbs.has(l.LoadBalancerName ?? ""));
  const arns = [...namedGroups, ...otherGroups].map((g) => g.TargetGroupArn ?? "")
    .concat([...namedLbs, ...otherLbs].map((l) => l.LoadBalancerArn ?? "")).filter(Boolean);
  const tags = arns.length ? await elbv2.describeTags({ resourceArns: arns }) : [];

  live.targetGroups = {};
  for (const g of namedGroups) {
    const entry: LiveTargetGroup = { targetGroup: g, tags: tagsOfArn(tags, g.TargetGroupArn) };
    const wanted = design.targetGroups?.find((t) => t.name === g.TargetGroupName);
    if (wanted?.deregistrationDelaySeconds !== undefined && g.TargetGroupArn) {
      const r = await elbv2.describeTargetGroupAttributes({ TargetGroupArn: g.TargetGroupArn });
      entry.attributes = Object.fromEntries((r.Attributes ?? []).filter((a) => a.Key).map((a) => [a.Key!, a.Value ?? ""]));
      if (entry.attributes[DEREGISTRATION_DELAY_KEY] === undefined) delete entry.attributes[DEREGISTRATION_DELAY_KEY];
    }
    live.targetGroups[g.TargetGroupName!] = entry;
  }
  live.loadBalancers = {};
  for (const l of namedLbs) {
    live.loadBalancers[l.LoadBalancerName!] = { loadBalancer: l, tags: tagsOfArn(tags, l.LoadBalancerArn), listeners: await readListeners(elbv2, l.LoadBalancerArn!) };
  }
  if (!designId) return;
  live.ownedTargetGroups = {};
  for (const g of otherGroups) {
    const t = tagsOfArn(tags, g.TargetGroupArn);
    if (tagValue(t, DESIGN_TAG) === designId) live.ownedTargetGroups[g.TargetGroupName!] = { targetGroup: g, tags: t };
  }
  live.ownedLoadBalancers = {};
  for (const l of otherLbs) {
    const t = tagsOfArn(tags, l.LoadBalancerArn);
    if (tagValue(t, DESIGN_TAG) === designId) live.ownedLoadBalancers[l.LoadBalancerName!] = { loadBalancer: l, tags: t, listeners: [] } satisfies LiveLoadBalancer;
  }
}

async function readListeners(elbv2: Elbv2Port, loadBalancerArn: string): Promise<LiveListener[]> {
  const listeners = await elbv2.describeListeners({ loadBalancerArn });
  const out: LiveListener[] = [];
  for (const listener of listeners) out.push({ listener, rules: await elbv2.describeRules({ listenerArn: listener.ListenerArn! }), tags: {} });
  const arns = out.flatMap((x) => [x.listener.ListenerArn ?? "", ...x.rules.filter((r) => !r.IsDefault).map((r) => r.RuleArn ?? "")]).filter(Boolean);
  const tags = arns.length ? await elbv2.describeTags({ resourceArns: arns }) : [];
  for (const x of out) {
    for (const arn of [x.listener.ListenerArn, ...x.rules.map((r) => r.RuleArn)]) if (arn) x.tags[arn] = tagsOfArn(tags, arn);
  }
  return out;
}

async function readOwnedLeftovers(ecs: EcsPort, design: Design, designId: string, live: LiveState, clusterNames: string[]) {
  const used = new Set(clusterNames);
  const candidates = (await ecs.listClusters()).filter((arn) => !used.has(clusterNameOf(arn)));
  live.ownedClusters = {};
  for (const c of (await ecs.describeClusters({ clusters: candidates, include: ["TAGS"] })).clusters) {
    if (c.clusterName && c.status === "ACTIVE" && tagValue(c.tags, DESIGN_TAG) === designId) live.ownedClusters[c.clusterName] = c;
  }

  const kept = new Set(design.taskDefinitions.map((t) => t.family));
  const families = (await ecs.listTaskDefinitionFamilies({ status: "ACTIVE" })).filter((f) => !kept.has(f));
  live.ownedFamilies = {};
  for (const family of families) {
    let tags;
    try {
      tags = (await ecs.describeTaskDefinition({ taskDefinition: family, include: ["TAGS"] })).tags ?? [];
    } catch (err) {
      if (isMissingTaskDefinition(err)) continue; // deregistered since the listing
      throw err;
    }
    if (tagValue(tags, DESIGN_TAG) !== designId) continue;
    const revisionArns = await ecs.listTaskDefinitions({ familyPrefix: family, status: "ACTIVE" });
    live.ownedFamilies[family] = { revisionArns, tags };
  }
}
