import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { albTargetOf, clusterNameOf, type Design, type ScalingPolicy, type ScheduledAction, type Service } from "../design";
import { albResourceLabel, ecsResourceId, ECS_SCALABLE_DIMENSION } from "../ecs-facts/auto-scaling";
import { loadBalancerRef } from "./plan-elbv2";
import { serviceKey } from "./plan-service";
import { tagValue } from "./tags";
import { DESIGN_TAG, type FieldChange, type LiveScaling, type LiveState, type PlanCall, type PlanStep } from "./types";
import { canonical, isObject, matchesDesired } from "./values";

// A service's Application Auto Scaling in the plan: one step per scaled service, after the
// service exists, that registers its scalable target (min/max) and puts the policies and
// scheduled actions the design has; those the live target has and the design does not are
// deleted when the design owns the service (created it, or creates it now). A service whose
// design drops its scaling, or that the design deletes, has its target deregistered (which
// deletes its policies and scheduled actions), before the service delete.

type Json = Record<string, unknown>;

const aas = (operation: Extract<PlanCall, { service: "autoscaling" }>["operation"], input: Json): PlanCall => ({ service: "autoscaling", operation, input });

/** A design value (camelCase, as the design keeps AAS shapes) in the API's PascalCase members. */
export function pascalMembers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pascalMembers);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k.charAt(0).toUpperCase() + k.slice(1), pascalMembers(x)]));
}

/**
 * What apply puts as the ResourceLabel of ALBRequestCountPerTarget while the load balancer or
 * the target group does not exist yet: `resource-label:<loadbalancer ref>|<target group ref>`,
 * resolved to `app/…/targetgroup/…` from the ARNs the creates returned (resolveResourceLabel).
 */
export const RESOURCE_LABEL_REF = "resource-label:";

/** A ResourceLabel reference made whole from the ARNs `refs` knows; the input as it was when they are not known. */
export function resolveResourceLabel(label: string, refs: ReadonlyMap<string, string>): string {
  if (!label.startsWith(RESOURCE_LABEL_REF)) return label;
  const [lb, tg] = label.slice(RESOURCE_LABEL_REF.length).split("|");
  const lbArn = lb.startsWith("arn:") ? lb : refs.get(lb);
  const tgArn = tg?.startsWith("arn:") ? tg : refs.get(tg ?? "");
  return (lbArn && tgArn && albResourceLabel(lbArn, tgArn)) || label;
}

function resourceLabelOf(design: Design, s: Service, refs: ReadonlyMap<string, string>): string | undefined {
  const alb = albTargetOf(design, s);
  if (!alb) return undefined;
  const lb = alb.loadBalancer.loadBalancerArn ?? loadBalancerRef(alb.loadBalancer.name);
  return resolveResourceLabel(`${RESOURCE_LABEL_REF}${lb}|${alb.targetGroupRef}`, refs);
}

function policyInput(p: ScalingPolicy, target: Json, label: string | undefined): Json {
  const { alarm: _designOnly, policyName, policyType, ...configs } = p;
  const body = pascalMembers(configs) as Json;
  const tt = body.TargetTrackingScalingPolicyConfiguration as Json | undefined;
  const pre = tt?.PredefinedMetricSpecification as Json | undefined;
  if (pre?.PredefinedMetricType === "ALBRequestCountPerTarget" && pre.ResourceLabel === undefined && label) pre.ResourceLabel = label;
  return { PolicyName: policyName, ...target, PolicyType: policyType, ...body };
}

function scheduledInput(a: ScheduledAction, target: Json): Json {
  const { scheduledActionName, ...rest } = a;
  return { ScheduledActionName: scheduledActionName, ...target, ...(pascalMembers(rest) as Json) };
}

/** Live timestamps (Dates from the SDK, epoch seconds on the wire) against the design's ISO strings. */
const sameTime = (design: unknown, live: unknown) => design === undefined || (live instanceof Date || typeof live === "string" || typeof live === "number" ? Date.parse(String(design)) === new Date(live as string).getTime() : false);

function policyMatches(want: Json, live: LiveScaling["policies"][number]): boolean {
  const { PolicyName: _n, ServiceNamespace: _s, ResourceId: _r, ScalableDimension: _d, ...body } = want;
  return matchesDesired(body, live);
}

function actionMatches(want: Json, live: LiveScaling["scheduledActions"][number]): boolean {
  const { ScheduledActionName: _n, ServiceNamespace: _s, ResourceId: _r, ScalableDimension: _d, StartTime, EndTime, ...body } = want;
  return matchesDesired(body, live) && sameTime(StartTime, live.StartTime) && sameTime(EndTime, live.EndTime)
    && canonical(live.ScalableTargetAction ?? {}) === canonical(body.ScalableTargetAction ?? {});
}

export type ScalingPlanInput = { design: Design; live: LiveState; designId: string; refs: ReadonlyMap<string, string> };

/** The auto scaling step of a design service; undefined when it has none and none is to be removed. */
export function planAutoScaling(s: Service, p: ScalingPlanInput): PlanStep | undefined {
  const cluster = clusterNameOf(s.cluster);
  const key = serviceKey(s);
  const resourceId = ecsResourceId(cluster, s.serviceName);
  const target = { ServiceNamespace: "ecs", ResourceId: resourceId, ScalableDimension: ECS_SCALABLE_DIMENSION };
  const base = { key: `auto-scaling:${key}`, kind: "auto-scaling" as const, name: key, designId: s.id };
  const current = p.live.scaling?.[key];
  const liveService = p.live.services.find((x) => x.serviceName === s.serviceName && clusterNameOf(x.clusterArn ?? "") === cluster && x.status === "ACTIVE");
  const owned = !liveService || tagValue(liveService.tags, DESIGN_TAG) === p.designId;
  const scaling = s.autoScaling;
  if (!scaling) {
    if (!current) return undefined;
    if (!owned) return { ...base, action: "no-change", changes: [], calls: [], notes: ["Application Auto Scaling is registered for this service outside this design: left as it is"] };
    return {
      ...base, action: "delete", changes: [{ path: "scalableTarget", old: { min: current.target.MinCapacity, max: current.target.MaxCapacity } }], calls: [aas("DeregisterScalableTarget", target)],
      notes: ["the design no longer scales this service: its scalable target is deregistered, with its policies and scheduled actions"],
    };
  }
  const calls: PlanCall[] = [];
  const changes: FieldChange[] = [];
  const notes: string[] = [];
  const range = { MinCapacity: scaling.minCapacity, MaxCapacity: scaling.maxCapacity };
  // A scheduled action of the design moves the range when it runs: a live range one of them set is theirs, not a change.
  const setBySchedule = current && (scaling.scheduledActions ?? []).find((a) =>
    (a.scalableTargetAction.minCapacity ?? range.MinCapacity) === current.target.MinCapacity && (a.scalableTargetAction.maxCapacity ?? range.MaxCapacity) === current.target.MaxCapacity);
  const rangeDiffers = !current || current.target.MinCapacity !== range.MinCapacity || current.target.MaxCapacity !== range.MaxCapacity;
  if (rangeDiffers && setBySchedule) {
    notes.push(`the live range ${current.target.MinCapacity}–${current.target.MaxCapacity} is the one scheduled action ${setBySchedule.scheduledActionName} sets: left to the schedule`);
  } else if (rangeDiffers) {
    calls.push(aas("RegisterScalableTarget", { ...target, ...range }));
    changes.push({ path: "capacity", old: current ? `${current.target.MinCapacity}–${current.target.MaxCapacity}` : undefined, new: `${range.MinCapacity}–${range.MaxCapacity}` });
  }
  const label = resourceLabelOf(p.design, s, p.refs);
  for (const policy of scaling.policies ?? []) {
    const want = policyInput(policy, target, label);
    const had = current?.policies.find((x) => x.PolicyName === policy.policyName);
    if (had && policyMatches(want, had)) continue;
    calls.push(aas("PutScalingPolicy", want));
    changes.push({ path: `policies.${policy.policyName}`, old: had ? had.PolicyType : undefined, new: policy.policyType });
  }
  for (const a of scaling.scheduledActions ?? []) {
    const want = scheduledInput(a, target);
    const had = current?.scheduledActions.find((x) => x.ScheduledActionName === a.scheduledActionName);
    if (had && actionMatches(want, had)) continue;
    calls.push(aas("PutScheduledAction", want));
    changes.push({ path: `scheduledActions.${a.scheduledActionName}`, old: had?.Schedule, new: a.schedule });
  }
  if (current) {
    const keptPolicies = new Set((scaling.policies ?? []).map((x) => x.policyName));
    const keptActions = new Set((scaling.scheduledActions ?? []).map((x) => x.scheduledActionName));
    const extraPolicies = current.policies.filter((x) => x.PolicyName && !keptPolicies.has(x.PolicyName));
    const extraActions = current.scheduledActions.filter((x) => x.ScheduledActionName && !keptActions.has(x.ScheduledActionName));
    if (owned) {
      for (const x of extraPolicies) {
        calls.push(aas("DeleteScalingPolicy", { PolicyName: x.PolicyName, ...target }));
        changes.push({ path: `policies.${x.PolicyName}`, old: x.PolicyType });
      }
      for (const x of extraActions) {
        calls.push(aas("DeleteScheduledAction", { ScheduledActionName: x.ScheduledActionName, ...target }));
        changes.push({ path: `scheduledActions.${x.ScheduledActionName}`, old: x.Schedule });
      }
    } else if (extraPolicies.length || extraActions.length) {
      notes.push(`this service was not created by this design: its other policies and scheduled actions (${[...extraPolicies.map((x) => x.PolicyName), ...extraActions.map((x) => x.ScheduledActionName)].join(", ")}) are left as they are`);
    }
  }
  if (label?.startsWith(RESOURCE_LABEL_REF)) notes.push("ALBRequestCountPerTarget's resource label is made from the load balancer's and target group's ARNs once apply has created them");
  return { ...base, action: !current ? "create" : calls.length ? "update" : "no-change", changes, notes, calls };
}

/** Deregisters the scalable target of a service the plan deletes (the design created it and dropped it), before the service goes. */
export function scalingDelete(svc: EcsService, live: LiveState): PlanStep | undefined {
  const key = serviceKey({ cluster: svc.clusterArn ?? "", serviceName: svc.serviceName ?? "" });
  const current = live.scaling?.[key];
  if (!current) return undefined;
  return {
    key: `auto-scaling:${key}`, kind: "auto-scaling", name: key, action: "delete", changes: [], notes: ["the service is deleted: its scalable target is deregistered first, with its policies and scheduled actions"],
    calls: [aas("DeregisterScalableTarget", { ServiceNamespace: "ecs", ResourceId: ecsResourceId(clusterNameOf(svc.clusterArn ?? ""), svc.serviceName ?? ""), ScalableDimension: ECS_SCALABLE_DIMENSION })],
  };
}
