import { z } from "zod";
import { peek } from "../core/draft";
import { own } from "../core/maps";
import { targetHealth } from "../core/target-health";
import type { Ctx, RegisteredTarget, TargetGroup, World } from "../core/types";
import { findVpc, inCidr } from "../ec2/network";
import { queryInt, queryList } from "../protocols/query";
import { elbError, validation } from "./errors";
import { parseInput, str } from "./input";
import { targetGroupIn } from "./target-groups";

// Targets of a target group: RegisterTargets, DeregisterTargets, DescribeTargetHealth.
//
// Health is a function of simulated time, worked out when it is read (core/target-health.ts): a
// target of a group no listener or rule forwards to is `unused` (Target.NotInUse); otherwise it is
// `initial` (Elb.RegistrationInProgress for the first interval, then Elb.InitialHealthChecking) until healthy-threshold passing (or unhealthy-threshold
// failing) checks, one per interval, after it was registered or its group came into use, then
// `healthy` (or `unhealthy`). What a target answers is what the simulated container behind it
// answers (ECS registers its tasks, ecs/load-balancing.ts); a target nothing simulated serves
// passes. A deregistered target of a group in use is `draining` (Target.DeregistrationInProgress)
// for the deregistration delay, then gone.

/** Targets per target group (the default quota). */
const MAX_TARGETS = 1000;

const TargetSchema = z.object({
  Id: str.min(1),
  Port: queryInt().pipe(z.number().min(1).max(65535)).optional(),
  AvailabilityZone: str.optional(),
});
type TargetIn = z.infer<typeof TargetSchema>;
const TargetsSchema = z.object({ TargetGroupArn: str, Targets: queryList(TargetSchema, { min: 1 }) });

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
/** Addresses ELBv2 takes as ip targets outside the group's VPC (RFC 1918 and RFC 6598). */
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

/** Targets whose deregistration delay has run out are gone. */
const present = (t: RegisteredTarget, now: number) => t.drainingUntil === undefined || t.drainingUntil > now;
const sameTarget = (a: { id: string; port?: number }, b: { id: string; port?: number }) => a.id === b.id && a.port === b.port;

function checkTarget(world: World, tg: TargetGroup, t: TargetIn) {
  switch (tg.targetType) {
    case "instance": {
      if (t.AvailabilityZone) throw validation("An Availability Zone cannot be specified for targets of target type 'instance'");
      // The sandbox's EC2 instances are the container instances ECS knows.
      const known = Object.values(peek(world).instances).some((i) => i.ec2InstanceId === t.Id && i.status !== "INACTIVE");
      if (!/^i-[0-9a-f]{8,17}$/.test(t.Id) || !known) throw elbError("InvalidTarget", `The following targets are not valid instances: '${t.Id}'`);
      return;
    }
    case "ip": {
      if (!IPV4.test(t.Id)) throw elbError("InvalidTarget", `The IP address '${t.Id}' is not a valid IPv4 address`);
      const vpc = tg.vpcId ? findVpc(world, tg.vpcId) : undefined;
      if (vpc && inCidr(t.Id, vpc.cidrBlock)) return;
      if (!PRIVATE.some((c) => inCidr(t.Id, c))) throw elbError("InvalidTarget", `The IP address '${t.Id}' is not a private IP address`);
      if (!t.AvailabilityZone) throw validation(`The IP address '${t.Id}' is outside the VPC of the target group: an Availability Zone must be specified`);
      return;
    }
    case "lambda":
      if (!/^arn:aws[a-z-]*:lambda:/.test(t.Id)) throw elbError("InvalidTarget", `'${t.Id}' is not a valid Lambda function ARN`);
      if (tg.targets.some((x) => x.id !== t.Id)) throw elbError("TooManyTargets", "A target group of target type 'lambda' can have only one target");
      return;
    case "alb": {
      const lb = own(peek(world).loadBalancers, t.Id);
      if (!lb || lb.type !== "application") throw elbError("InvalidTarget", `'${t.Id}' is not an Application Load Balancer`);
      return;
    }
  }
}

export function registerTargets(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(TargetsSchema, raw);
  const tg = targetGroupIn(world, input.TargetGroupArn);
  tg.targets = tg.targets.filter((t) => present(t, ctx.now));
  for (const t of input.Targets) {
    checkTarget(world, tg, t);
    const port = tg.targetType === "lambda" ? undefined : t.Port ?? tg.port;
    const existing = tg.targets.find((x) => sameTarget(x, { id: t.Id, port }));
    if (existing && existing.drainingUntil === undefined) continue;
    tg.targets = tg.targets.filter((x) => !sameTarget(x, { id: t.Id, port }));
    const target: RegisteredTarget = { id: t.Id, registeredAt: ctx.now };
    if (port !== undefined) target.port = port;
    if (t.AvailabilityZone) target.availabilityZone = t.AvailabilityZone;
    tg.targets.push(target);
  }
  if (tg.targets.length > MAX_TARGETS) throw elbError("TooManyTargets", "The quota for the number of targets per target group has been reached.");
  return {};
}

export function deregisterTargets(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(TargetsSchema, raw);
  const tg = targetGroupIn(world, input.TargetGroupArn);
  const draining = tg.inUseSince !== undefined;
  tg.targets = tg.targets.filter((t) => present(t, ctx.now)).flatMap((t) => {
    const named = input.Targets.some((d) => d.Id === t.id && (d.Port ?? tg.port) === t.port);
    if (!named || t.drainingUntil !== undefined) return [t];
    return draining ? [{ ...t, drainingUntil: ctx.now + tg.deregistrationDelaySeconds * 1000 }] : [];
  });
  return {};
}

const DescribeSchema = z.object({ TargetGroupArn: str, Targets: queryList(TargetSchema).optional(), Include: queryList(str).optional() });

export function describeTargetHealth(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(DescribeSchema, raw);
  const tg = peek(world).targetGroups[targetGroupIn(world, input.TargetGroupArn).arn];
  const registered = tg.targets.filter((t) => present(t, ctx.now));
  const healthPort = (port: number | undefined) => (tg.healthCheck.port === "traffic-port" ? (port === undefined ? undefined : String(port)) : tg.healthCheck.port);
  const described = (t: RegisteredTarget): object => ({
    Target: { Id: t.id, Port: t.port, AvailabilityZone: t.availabilityZone },
    HealthCheckPort: healthPort(t.port), TargetHealth: targetHealth(tg, t, ctx.now),
  });
  if (!input.Targets?.length) return { TargetHealthDescriptions: registered.map(described) };
  return {
    TargetHealthDescriptions: input.Targets.flatMap((asked) => {
      const matches = registered.filter((t) => t.id === asked.Id && (asked.Port === undefined || t.port === asked.Port));
      if (matches.length) return matches.map(described);
      const port = asked.Port ?? tg.port;
      return [{
        Target: { Id: asked.Id, Port: port }, HealthCheckPort: healthPort(port),
        TargetHealth: { State: "unused", Reason: "Target.NotRegistered", Description: "Target is not registered to the target group" },
      }];
    }),
  };
}
