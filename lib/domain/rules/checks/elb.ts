import type { Design, Listener, ListenerAction, LoadBalancerDesign, TargetGroup } from "../../design";
import {
  DEREGISTRATION_DELAY, FORWARD_WEIGHT_RANGE, FORWARDS_TO, HEALTH_CHECK_RANGES, HTTP_PROTOCOLS, LISTENER_PROTOCOLS, MAX_CONDITION_VALUES,
  MAX_FORWARD_TARGET_GROUPS, MAX_HEALTH_CHECK_PATH, MAX_LISTENERS, MAX_RULES, MIN_SUBNETS, PLAIN_LISTENER_PROTOCOL, RULE_PRIORITY_RANGE, SECURE_LISTENER_PROTOCOLS,
  defaultHealthCheck, elbNameProblem,
} from "../../ecs-facts/elbv2";
import { familyOf, targetGroupRef } from "../../design";
import type { DesignIndex, DesignRule, Finding, PathSegment } from "../types";

// Load balancers, their listeners and rules, and target groups, checked as ELBv2 (and ECS, for
// the services behind them) would check them when the design is applied. The facts are
// lib/domain/ecs-facts/elbv2.ts, which the sandbox's ELBv2 also enforces.

type Resource = Finding["resource"];
type Push = (path: PathSegment[], message: string, fix?: Finding["fix"], severity?: Finding["severity"]) => void;

function pusher(out: Finding[], ruleId: string, resource: Resource): Push {
  return (path, message, fix, severity = "error") => out.push({ ruleId, severity, resource, path, message, ...(fix ? { fix } : {}) });
}

/** A target group ARN (what a forward names when the group is not one of the design's). */
const TG_ARN = /^arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:targetgroup\/[\w-]+\/[0-9a-f]+$/;
const LB_ARN = /^arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:loadbalancer\/(app|net)\/[\w-]+\/[0-9a-f]+$/;

/** The design's target group a forward or a service names by its ref (targetGroupRef). */
const groupOf = (design: Design, ref: string) => (design.targetGroups ?? []).find((g) => targetGroupRef(g) === ref);

function checkAction(push: Push, design: Design, lb: LoadBalancerDesign, listener: Listener, action: ListenerAction, at: PathSegment[]) {
  if (action.type !== "forward" && lb.type !== "application") {
    push([...at, "type"], `A ${lb.type} load balancer only forwards; ELBv2 refuses a "${action.type}" action ("Action type '${action.type}' is not supported by a load balancer of type '${lb.type}'").`,
      { description: "Forward to a target group instead.", edits: [{ path: [...at, "type"], value: "forward" }] });
    return;
  }
  if (action.type === "fixed-response") {
    const code = action.fixedResponse?.statusCode;
    if (!code || !/^[245]\d\d$/.test(code)) {
      push([...at, "fixedResponse", "statusCode"], `A fixed response needs a status code of the form 2XX, 4XX or 5XX${code ? `; "${code}" is not one` : ""}.`,
        { description: "Set the status code, e.g. 404.", edits: [{ path: [...at, "fixedResponse"], value: { ...action.fixedResponse, statusCode: "404" } }] });
    }
    return;
  }
  if (action.type === "redirect") {
    if (!action.redirect) push([...at, "redirect"], "A redirect action needs its redirect config (at least the status code, HTTP_301 or HTTP_302).", { description: "Add a redirect with statusCode HTTP_301." });
    return;
  }
  const groups = action.targetGroups ?? [];
  if (groups.length === 0) {
    push([...at, "targetGroups"], "A forward action must name at least one target group (\"A target group ARN must be specified for a forward action\").", { description: "Forward to a target group of the design." });
    return;
  }
  if (groups.length > MAX_FORWARD_TARGET_GROUPS) {
    push([...at, "targetGroups"], `A forward action can split traffic between at most ${MAX_FORWARD_TARGET_GROUPS} target groups; this one names ${groups.length}.`, { description: `Keep ${MAX_FORWARD_TARGET_GROUPS} target groups.` });
  }
  const seen = new Set<string>();
  groups.forEach((g, k) => {
    const gAt = [...at, "targetGroups", k];
    if (seen.has(g.targetGroupArn)) push([...gAt, "targetGroupArn"], `Target group ${g.targetGroupArn} appears twice in one forward action; ELBv2 refuses that.`, { description: "Name each target group once; use weights to split traffic." });
    seen.add(g.targetGroupArn);
    if (g.weight !== undefined && (g.weight < FORWARD_WEIGHT_RANGE.min || g.weight > FORWARD_WEIGHT_RANGE.max)) {
      push([...gAt, "weight"], `A target group's weight is ${FORWARD_WEIGHT_RANGE.min}–${FORWARD_WEIGHT_RANGE.max}; ${g.weight} is refused.`,
        { description: "Use a weight in range.", edits: [{ path: [...gAt, "weight"], value: Math.max(FORWARD_WEIGHT_RANGE.min, Math.min(g.weight, FORWARD_WEIGHT_RANGE.max)) }] });
    }
    const tg = groupOf(design, g.targetGroupArn);
    if (!tg) {
      if (!TG_ARN.test(g.targetGroupArn)) {
        push([...gAt, "targetGroupArn"], `"${g.targetGroupArn}" is neither a target group of this design (targetgroup/<name>) nor a target group ARN.`, { description: "Pick a target group of the design." });
      }
      return;
    }
    const allowed = FORWARDS_TO[listener.protocol] ?? [];
    if (tg.protocol && !allowed.includes(tg.protocol)) {
      push([...gAt, "targetGroupArn"], `A ${listener.protocol} listener cannot forward to target group ${tg.name}, whose protocol is ${tg.protocol} (ELBv2: IncompatibleProtocols); it can forward to ${allowed.join(", ")} groups.`,
        { description: `Use a target group with protocol ${allowed[0]}, or change ${tg.name}'s protocol.` });
    }
  });
  const weights = groups.map((g) => g.weight ?? 1);
  if (groups.length > 1 && weights.every((w) => w === 0)) {
    push([...at, "targetGroups"], "Every target group of this forward has weight 0, so ELBv2 has nowhere to send requests (clients get HTTP 503).", { description: "Give at least one target group a weight above 0." }, "warning");
  }
}

function checkListener(push: Push, design: Design, lb: LoadBalancerDesign, listener: Listener, at: PathSegment[], ports: Map<number, number>) {
  const allowed = LISTENER_PROTOCOLS[lb.type];
  if (!allowed.includes(listener.protocol)) {
    push([...at, "protocol"], `A ${lb.type} load balancer's listeners use ${allowed.join(", ")}; ELBv2 refuses ${listener.protocol} ("Listener protocol '${listener.protocol}' must be one of '${allowed.join(", ")}'").`,
      { description: `Use ${PLAIN_LISTENER_PROTOCOL[lb.type]}.`, edits: [{ path: [...at, "protocol"], value: PLAIN_LISTENER_PROTOCOL[lb.type] }] });
  }
  if (listener.port < 1 || listener.port > 65535) {
    push([...at, "port"], `A listener port is 1–65535; ${listener.port} is refused.`, { description: "Use a port such as 80 or 443." });
  }
  const first = ports.get(listener.port);
  if (first !== undefined) {
    push([...at, "port"], `Listener ${first + 1} of ${lb.name} already listens on port ${listener.port}; ELBv2 allows one listener per port (DuplicateListener).`, { description: "Use another port, or put both in one listener with rules." });
  } else ports.set(listener.port, Number(at[at.length - 1]));
  const secure = SECURE_LISTENER_PROTOCOLS.includes(listener.protocol);
  if (secure && !listener.certificateArn) {
    push([...at, "certificateArn"], `A ${listener.protocol} listener needs a server certificate (an ACM certificate ARN); ELBv2 refuses it without one ("A certificate must be specified for ${listener.protocol} listeners").`,
      { description: `Set certificateArn to an ACM certificate for the load balancer's domain, or listen on ${PLAIN_LISTENER_PROTOCOL[lb.type]}.` });
  }
  checkAction(push, design, lb, listener, listener.defaultAction, [...at, "defaultAction"]);
  const rules = listener.rules ?? [];
  if (rules.length > 0 && lb.type !== "application") {
    push([...at, "rules"], `Listener rules are for Application Load Balancers; a ${lb.type} load balancer's listener only has its default action.`, { description: "Remove the rules, or use an Application Load Balancer.", edits: [{ path: [...at, "rules"], value: undefined }] });
    return;
  }
  const priorities = new Map<number, number>();
  rules.forEach((rule, r) => {
    const rAt = [...at, "rules", r];
    if (!Number.isInteger(rule.priority) || rule.priority < RULE_PRIORITY_RANGE.min || rule.priority > RULE_PRIORITY_RANGE.max) {
      push([...rAt, "priority"], `A rule's priority is ${RULE_PRIORITY_RANGE.min}–${RULE_PRIORITY_RANGE.max} (lowest first); ${rule.priority} is refused.`, { description: "Use a priority in range." });
    } else if (priorities.has(rule.priority)) {
      push([...rAt, "priority"], `Rule ${priorities.get(rule.priority)! + 1} of this listener already has priority ${rule.priority}; ELBv2 refuses a second (PriorityInUse).`,
        { description: "Give each rule its own priority.", edits: [{ path: [...rAt, "priority"], value: Math.max(...rules.map((x) => x.priority)) + 1 }] });
    } else priorities.set(rule.priority, r);
    const values = rule.conditions.reduce((n, c) => n + c.values.length, 0);
    if (rule.conditions.length === 0 || values === 0) {
      push([...rAt, "conditions"], "A rule needs at least one condition with a value (a path pattern, a host…); the listener's default action covers everything else.", { description: "Add a condition such as path-pattern /api/*." });
    } else if (values > MAX_CONDITION_VALUES) {
      push([...rAt, "conditions"], `A rule can have at most ${MAX_CONDITION_VALUES} condition values in all; this one has ${values}.`, { description: "Split the rule in two." });
    }
    checkAction(push, design, lb, listener, rule.action, [...rAt, "action"]);
  });
}

function checkLoadBalancer(out: Finding[], design: Design, lb: LoadBalancerDesign, i: number, names: Map<string, number>) {
  const at: PathSegment[] = ["loadBalancers", i];
  const push = pusher(out, "load-balancer-config", { kind: "loadBalancer", id: lb.id, name: lb.name });
  const listeners = lb.listeners ?? [];
  if (lb.loadBalancerArn !== undefined) {
    if (!LB_ARN.test(lb.loadBalancerArn)) {
      push([...at, "loadBalancerArn"], `"${lb.loadBalancerArn}" is not an Application or Network Load Balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app|net/<name>/<id>).`, { description: "Pick the load balancer from the environment, or remove the ARN to have the design create one." });
    }
    if (listeners.length > 0) {
      push([...at, "listeners"], `${lb.name} is an existing load balancer: Stevedore never changes it, so these listeners would not be applied.`,
        { description: "Remove the listeners (the existing ones stay as they are), or remove loadBalancerArn to have the design own the load balancer.", edits: [{ path: [...at, "listeners"], value: undefined }] }, "warning");
    }
    return;
  }
  const problem = elbNameProblem(lb.name, "Load balancer");
  if (problem) {
    const fixed = lb.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^internal-/, "").replace(/^-+|-+$/g, "").slice(0, 32).replace(/-+$/, "");
    push([...at, "name"], `ELBv2 refuses this name: ${problem}.`, fixed ? { description: `Rename it "${fixed}".`, edits: [{ path: [...at, "name"], value: fixed }] } : { description: "Give it a name of letters, digits and hyphens." });
  }
  const dup = names.get(lb.name);
  if (dup !== undefined) push([...at, "name"], `Load balancer ${dup + 1} of the design is also named "${lb.name}"; names are unique per account and Region.`, { description: "Rename one of them." });
  else names.set(lb.name, i);
  const subnets = lb.subnets ?? [];
  const min = MIN_SUBNETS[lb.type];
  if (lb.subnets === undefined) {
    // Apply then places it in the environment's default VPC, one default subnet per zone (plan-elbv2).
    push([...at, "subnets"], `${lb.name} names no subnets, so apply puts it in the default subnets of the environment's default VPC; an account without a default VPC refuses it.`,
      { description: `Pick ${min === 2 ? "two or more subnets in different Availability Zones" : "a subnet"} to place it yourself.` }, "warning");
  } else if (subnets.length < min) {
    push([...at, "subnets"], lb.type === "application"
      ? `An Application Load Balancer needs subnets in at least two Availability Zones; ${subnets.length === 0 ? "none are set" : "only one is set"}.`
      : "A Network Load Balancer needs at least one subnet.", { description: `Pick ${min === 2 ? "two subnets in different Availability Zones" : "a subnet"} of the VPC (the environment's default VPC has one per zone).` });
  }
  if (new Set(subnets).size !== subnets.length) push([...at, "subnets"], "A subnet is listed twice; ELBv2 takes one subnet per Availability Zone.", { description: "Remove the repeated subnet.", edits: [{ path: [...at, "subnets"], value: [...new Set(subnets)] }] });
  if (listeners.length === 0) {
    push([...at, "listeners"], `${lb.name} has no listener, so it accepts no traffic and ECS has no target group of it to register tasks with.`, { description: "Add a listener (e.g. HTTP on port 80) that forwards to a target group." }, "warning");
  }
  if (listeners.length > MAX_LISTENERS) push([...at, "listeners"], `A load balancer can have at most ${MAX_LISTENERS} listeners; this one has ${listeners.length}.`, { description: "Remove listeners." });
  const rules = listeners.reduce((n, l) => n + (l.rules?.length ?? 0), 0);
  if (rules > MAX_RULES) push([...at, "listeners"], `An Application Load Balancer can have at most ${MAX_RULES} rules (besides each listener's default); this one has ${rules}.`, { description: "Combine rules (a rule can match several paths), or use a second load balancer." });
  const ports = new Map<number, number>();
  listeners.forEach((l, j) => checkListener(push, design, lb, l, [...at, "listeners", j], ports));
}

export const loadBalancerConfig: DesignRule = {
  id: "load-balancer-config",
  title: "Load balancers, listeners and rules are ones ELBv2 accepts",
  severity: "error",
  scope: "design",
  check({ design }) {
    const out: Finding[] = [];
    const names = new Map<string, number>();
    (design.loadBalancers ?? []).forEach((lb, i) => checkLoadBalancer(out, design, lb, i, names));
    return out;
  },
};

/** Every forward of the design's owned load balancers, with the load balancer it belongs to. */
function forwards(design: Design): { lb: LoadBalancerDesign; ref: string }[] {
  return (design.loadBalancers ?? []).filter((lb) => lb.loadBalancerArn === undefined).flatMap((lb) =>
    (lb.listeners ?? []).flatMap((l) => [l.defaultAction, ...(l.rules ?? []).map((r) => r.action)])
      .flatMap((a) => (a.type === "forward" ? a.targetGroups ?? [] : []).map((g) => ({ lb, ref: g.targetGroupArn }))));
}

function checkHealthCheck(push: Push, tg: TargetGroup, at: PathSegment[]) {
  const h = tg.healthCheck;
  if (!h) return;
  const hAt = [...at, "healthCheck"];
  const eff = { ...defaultHealthCheck(tg), ...Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) };
  for (const key of Object.keys(HEALTH_CHECK_RANGES) as (keyof typeof HEALTH_CHECK_RANGES)[]) {
    const v = h[key];
    const r = HEALTH_CHECK_RANGES[key];
    if (v !== undefined && (v < r.min || v > r.max)) {
      push([...hAt, key], `Health check ${key} is ${r.min}–${r.max}; ${v} is refused.`, { description: `Use a value in range.`, edits: [{ path: [...hAt, key], value: Math.max(r.min, Math.min(v, r.max)) }] });
    }
  }
  if (eff.timeoutSeconds >= eff.intervalSeconds) {
    push([...hAt, "timeoutSeconds"], `The health check timeout (${eff.timeoutSeconds} s) must be less than its interval (${eff.intervalSeconds} s): "Health check interval must be greater than the timeout."`,
      { description: `Set the timeout below ${eff.intervalSeconds} s.`, edits: [{ path: [...hAt, "timeoutSeconds"], value: Math.max(2, eff.intervalSeconds - 1) }] });
  }
  if (h.enabled === false) push([...hAt, "enabled"], `Health checks cannot be turned off for target groups of type ${tg.targetType}.`, { description: "Remove enabled: false.", edits: [{ path: [...hAt, "enabled"], value: undefined }] });
  const protocol = eff.protocol ?? "TCP";
  if (protocol === "TCP" && HTTP_PROTOCOLS.includes(tg.protocol ?? "")) {
    push([...hAt, "protocol"], `A ${tg.protocol} target group cannot be health-checked over TCP ("Health check protocol 'TCP' is not supported for target groups with the protocol '${tg.protocol}'").`,
      { description: `Check over ${tg.protocol} with a path.`, edits: [{ path: [...hAt, "protocol"], value: tg.protocol }] });
  }
  const http = HTTP_PROTOCOLS.includes(protocol);
  if (h.path !== undefined) {
    if (!http) push([...hAt, "path"], `A ${protocol} health check has no path; ELBv2 refuses one.`, { description: "Remove the path.", edits: [{ path: [...hAt, "path"], value: undefined }] });
    else if (!h.path.startsWith("/") || h.path.length > MAX_HEALTH_CHECK_PATH) {
      push([...hAt, "path"], `A health check path starts with "/" and has at most ${MAX_HEALTH_CHECK_PATH} characters.`, { description: "Use a path such as /health.", edits: [{ path: [...hAt, "path"], value: `/${h.path.replace(/^\/*/, "")}`.slice(0, MAX_HEALTH_CHECK_PATH) }] });
    }
  }
  if (h.matcher !== undefined && http && !/^[2-4]\d\d(-[2-4]\d\d)?(,[2-4]\d\d(-[2-4]\d\d)?)*$/.test(h.matcher)) {
    push([...hAt, "matcher"], `The success codes are HTTP codes 200–499: one ("200"), a list ("200,202") or a range ("200-299"); "${h.matcher}" is not.`, { description: "Use 200.", edits: [{ path: [...hAt, "matcher"], value: "200" }] });
  }
  if (h.port !== undefined && h.port !== "traffic-port" && !(/^\d+$/.test(h.port) && Number(h.port) >= 1 && Number(h.port) <= 65535)) {
    push([...hAt, "port"], `The health check port is "traffic-port" or a port 1–65535; "${h.port}" is not.`, { description: "Use traffic-port.", edits: [{ path: [...hAt, "port"], value: "traffic-port" }] });
  }
}

function checkTargetGroup(out: Finding[], index: DesignIndex, tg: TargetGroup, i: number, names: Map<string, number>, usedBy: Map<string, Set<string>>) {
  const { design } = index;
  const at: PathSegment[] = ["targetGroups", i];
  const push = pusher(out, "target-group-config", { kind: "targetGroup", id: tg.id, name: tg.name });
  const ref = targetGroupRef(tg);
  if (!tg.targetGroupArn) {
    const problem = elbNameProblem(tg.name, "Target group");
    if (problem) push([...at, "name"], `ELBv2 refuses this name: ${problem}.`, { description: "Use up to 32 letters, digits and hyphens." });
    const dup = names.get(tg.name);
    if (dup !== undefined) push([...at, "name"], `Target group ${dup + 1} of the design is also named "${tg.name}"; names are unique per account and Region.`, { description: "Rename one of them." });
    else names.set(tg.name, i);
    const lbs = usedBy.get(ref);
    const services = design.services.filter((s) => s.loadBalancers?.some((l) => l.targetGroupArn === ref));
    // Designs from before load balancers were part of the model hold target groups alone (the
    // group may be attached by hand): only a design with load balancers is held to this.
    if (!lbs && services.length > 0 && (design.loadBalancers ?? []).length > 0) {
      push([...at], `No load balancer of the design forwards to ${tg.name}, so ECS refuses to register ${services.map((s) => s.serviceName).join(", ")} with it ("The target group … does not have an associated load balancer").`,
        { description: "Add a listener (or a rule) of a load balancer that forwards to this target group." });
    }
    if (lbs && lbs.size > 1) {
      push([...at], `${tg.name} is forwarded to by ${[...lbs].join(" and ")}; a target group serves one load balancer (TargetGroupAssociationLimit).`, { description: "Use one target group per load balancer." });
    }
    if (tg.deregistrationDelaySeconds !== undefined && (tg.deregistrationDelaySeconds < DEREGISTRATION_DELAY.min || tg.deregistrationDelaySeconds > DEREGISTRATION_DELAY.max)) {
      push([...at, "deregistrationDelaySeconds"], `The deregistration delay is ${DEREGISTRATION_DELAY.min}–${DEREGISTRATION_DELAY.max} seconds; ${tg.deregistrationDelaySeconds} is refused.`,
        { description: "Use a value in range.", edits: [{ path: [...at, "deregistrationDelaySeconds"], value: Math.max(DEREGISTRATION_DELAY.min, Math.min(tg.deregistrationDelaySeconds, DEREGISTRATION_DELAY.max)) }] });
    }
    checkHealthCheck(push, tg, at);
  }
  // ECS registers awsvpc tasks by IP address and the others by instance.
  for (const s of design.services) {
    if (!s.loadBalancers?.some((l) => l.targetGroupArn === ref)) continue;
    const td = index.tdByFamily.get(familyOf(s.taskDefinition))?.[0];
    if (!td) continue;
    const awsvpc = td.networkMode === "awsvpc" || (td.networkMode === undefined && td.requiresCompatibilities?.includes("FARGATE"));
    const want = awsvpc ? "ip" : "instance";
    if (tg.targetType !== want) {
      push([...at, "targetType"], `Service ${s.serviceName} runs ${td.family} with network mode ${td.networkMode ?? "awsvpc"}, so ECS registers its tasks by ${awsvpc ? "IP address" : "instance"}: target type must be "${want}" (ECS: "The provided target group ${tg.name} has target type ${tg.targetType}, which is incompatible with the ${td.networkMode ?? "awsvpc"} network mode specified in the task definition").`,
        tg.targetGroupArn ? { description: `Use a target group of type ${want}.` } : { description: `Set the target type to ${want}.`, edits: [{ path: [...at, "targetType"], value: want }] });
      break;
    }
  }
}

export const targetGroupConfig: DesignRule = {
  id: "target-group-config",
  title: "Target groups are ones ELBv2 and ECS accept",
  severity: "error",
  scope: "design",
  check(index) {
    const out: Finding[] = [];
    const usedBy = new Map<string, Set<string>>();
    for (const f of forwards(index.design)) {
      const set = usedBy.get(f.ref) ?? new Set<string>();
      set.add(f.lb.name);
      usedBy.set(f.ref, set);
    }
    const names = new Map<string, number>();
    (index.design.targetGroups ?? []).forEach((tg, i) => checkTargetGroup(out, index, tg, i, names, usedBy));
    return out;
  },
};
