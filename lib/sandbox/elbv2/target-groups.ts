import { z } from "zod";
import { DEREGISTRATION_DELAY, HEALTH_CHECK_RANGES, HTTP_PROTOCOLS, defaultHealthCheck, defaultHttpCheck, MAX_HEALTH_CHECK_PATH, NO_HEALTH_CHECK_PROTOCOLS } from "../../domain/ecs-facts/elbv2";
import { peek } from "../core/draft";
import { bySeq, nextSeq } from "../core/ids";
import type { Ctx, HealthCheck, TargetGroup, World } from "../core/types";
import { findVpc } from "../ec2/network";
import { queryBool, queryInt } from "../protocols/query";
import { checkArn, targetGroupArn } from "./arns";
import { elbError, loadBalancerNotFound, targetGroupNotFound, validation } from "./errors";
import { Paging, TagsSchema, arnList, page, parseInput, settingsKey, str, tagsOf } from "./input";
import { checkName } from "./load-balancers";
import { groupUsage } from "../core/lb-references";

// Target groups: CreateTargetGroup (idempotent for the same settings), DescribeTargetGroups,
// ModifyTargetGroup (health checks), DeleteTargetGroup (refused while a listener or rule
// forwards to it; succeeds for one that is gone). Defaults as the API reference gives them:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html

const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"] as const;
const HTTPISH = HTTP_PROTOCOLS;
/** Protocols health checks cannot use. */
const NO_HEALTH_CHECK = NO_HEALTH_CHECK_PROTOCOLS;
/** Target groups per Region (the default quota). */
const MAX_TARGET_GROUPS = 3000;
/** The deregistration_delay.timeout_seconds attribute's default. */
export const DEFAULT_DEREGISTRATION_DELAY = DEREGISTRATION_DELAY.default;

const port = () => queryInt().pipe(z.number().min(1).max(65535));
const ranged = (r: { min: number; max: number }) => queryInt().pipe(z.number().min(r.min).max(r.max)).optional();
const HealthCheckMembers = {
  HealthCheckProtocol: z.enum(PROTOCOLS).optional(),
  HealthCheckPort: str.optional(),
  HealthCheckEnabled: queryBool().optional(),
  HealthCheckPath: str.min(1).max(MAX_HEALTH_CHECK_PATH).optional(),
  HealthCheckIntervalSeconds: ranged(HEALTH_CHECK_RANGES.intervalSeconds),
  HealthCheckTimeoutSeconds: ranged(HEALTH_CHECK_RANGES.timeoutSeconds),
  HealthyThresholdCount: ranged(HEALTH_CHECK_RANGES.healthyThresholdCount),
  UnhealthyThresholdCount: ranged(HEALTH_CHECK_RANGES.unhealthyThresholdCount),
  Matcher: z.object({ HttpCode: str.optional(), GrpcCode: str.optional() }).optional(),
};
type HealthCheckIn = { [K in keyof typeof HealthCheckMembers]?: z.infer<(typeof HealthCheckMembers)[K]> };

const CreateSchema = z.object({
  Name: str.min(1),
  Protocol: z.enum(PROTOCOLS).optional(),
  ProtocolVersion: z.enum(["HTTP1", "HTTP2", "GRPC"]).optional(),
  Port: port().optional(),
  VpcId: str.optional(),
  TargetType: z.enum(["instance", "ip", "lambda", "alb"]).optional(),
  Tags: TagsSchema.optional(),
  IpAddressType: z.enum(["ipv4", "ipv6"]).optional(),
  ...HealthCheckMembers,
});

/** The health check a target group of this protocol and type gets, with `given` on top; checked. */
function healthCheckOf(tg: Pick<TargetGroup, "protocol" | "protocolVersion" | "targetType">, given: HealthCheckIn, base?: HealthCheck): HealthCheck {
  const lambda = tg.targetType === "lambda";
  const defaults = defaultHealthCheck(tg);
  const protocol = given.HealthCheckProtocol ?? base?.protocol ?? defaults.protocol;
  if (protocol && NO_HEALTH_CHECK.includes(protocol)) throw validation(`Health check protocol '${protocol}' is not supported`);
  if (protocol === "TCP" && HTTPISH.includes(tg.protocol ?? "")) {
    throw validation(`Health check protocol 'TCP' is not supported for target groups with the protocol '${tg.protocol}'`);
  }
  const httpCheck = HTTPISH.includes(protocol ?? "") || lambda;
  const http = defaultHttpCheck(tg.protocolVersion === "GRPC");
  const enabled = given.HealthCheckEnabled ?? base?.enabled ?? !lambda;
  if (!enabled && !lambda) throw validation(`Health checks cannot be disabled for target groups with target type '${tg.targetType}'`);
  const check: HealthCheck = {
    enabled,
    protocol,
    port: given.HealthCheckPort ?? base?.port ?? defaults.port,
    path: httpCheck ? given.HealthCheckPath ?? base?.path ?? http.path : undefined,
    intervalSeconds: given.HealthCheckIntervalSeconds ?? base?.intervalSeconds ?? defaults.intervalSeconds,
    timeoutSeconds: given.HealthCheckTimeoutSeconds ?? base?.timeoutSeconds ?? defaults.timeoutSeconds,
    healthyThreshold: given.HealthyThresholdCount ?? base?.healthyThreshold ?? defaults.healthyThresholdCount,
    unhealthyThreshold: given.UnhealthyThresholdCount ?? base?.unhealthyThreshold ?? defaults.unhealthyThresholdCount,
    matcher: given.Matcher ?? base?.matcher ?? (httpCheck ? http.matcher : undefined),
  };
  if (check.port !== "traffic-port" && !(/^\d+$/.test(check.port) && Number(check.port) >= 1 && Number(check.port) <= 65535)) {
    throw validation(`Health check port '${check.port}' must be 'traffic-port' or a port between 1 and 65535`);
  }
  if (check.timeoutSeconds >= check.intervalSeconds) throw validation("Health check interval must be greater than the timeout.");
  if (!httpCheck && given.HealthCheckPath) throw validation(`A health check path cannot be set for the health check protocol '${protocol}'`);
  for (const k of Object.keys(check) as (keyof HealthCheck)[]) if (check[k] === undefined) delete check[k];
  return check;
}

/** What makes two CreateTargetGroup calls "the same settings". */
const settingsOf = (tg: Pick<TargetGroup, "targetType" | "protocol" | "protocolVersion" | "port" | "vpcId" | "ipAddressType" | "healthCheck">) =>
  settingsKey({
    targetType: tg.targetType, protocol: tg.protocol, protocolVersion: tg.protocolVersion, port: tg.port, vpcId: tg.vpcId,
    ipAddressType: tg.ipAddressType, healthCheck: tg.healthCheck,
  });

/** A target group as ELBv2 writes it; `usage` (groupUsage) when describing many. */
export function targetGroupOut(world: World, tg: TargetGroup, usage = groupUsage(world)) {
  const h = tg.healthCheck;
  return {
    TargetGroupArn: tg.arn, TargetGroupName: tg.name, Protocol: tg.protocol, Port: tg.port, VpcId: tg.vpcId,
    HealthCheckProtocol: h.protocol, HealthCheckPort: h.port, HealthCheckEnabled: h.enabled,
    HealthCheckIntervalSeconds: h.intervalSeconds, HealthCheckTimeoutSeconds: h.timeoutSeconds,
    HealthyThresholdCount: h.healthyThreshold, UnhealthyThresholdCount: h.unhealthyThreshold, HealthCheckPath: h.path,
    Matcher: h.matcher, LoadBalancerArns: [...(usage.get(tg.arn) ?? [])].sort(), TargetType: tg.targetType,
    ProtocolVersion: tg.protocolVersion, IpAddressType: tg.ipAddressType,
  };
}

export function createTargetGroup(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  checkName(input.Name, "Target group");
  const targetType = input.TargetType ?? "instance";
  if (targetType === "lambda") {
    if (input.Protocol || input.Port !== undefined || input.VpcId) throw validation("A protocol, port or VPC ID cannot be specified for target groups with target type 'lambda'");
  } else {
    if (!input.Protocol) throw validation("A protocol must be specified");
    if (input.Port === undefined) throw validation("A port must be specified");
    if (!input.VpcId) throw validation("A VPC ID must be specified");
    if (!findVpc(world, input.VpcId)) throw validation(`The VPC ID '${input.VpcId}' is not found`);
    if (targetType === "alb" && input.Protocol !== "TCP") throw validation("Target groups with target type 'alb' must use the protocol 'TCP'");
  }
  if (input.ProtocolVersion && !HTTPISH.includes(input.Protocol ?? "")) {
    throw validation(`A protocol version cannot be specified for target groups with the protocol '${input.Protocol}'`);
  }
  const shape = {
    targetType, protocol: input.Protocol,
    protocolVersion: HTTPISH.includes(input.Protocol ?? "") ? input.ProtocolVersion ?? "HTTP1" : undefined,
  } as const;
  const healthCheck = healthCheckOf(shape, input);
  const ipAddressType = input.IpAddressType ?? "ipv4";
  const existing = Object.values(peek(world).targetGroups).find((t) => t.name === input.Name);
  if (existing) {
    if (settingsOf(existing) !== settingsOf({ ...shape, port: input.Port, vpcId: input.VpcId, ipAddressType, healthCheck })) throw elbError("DuplicateTargetGroupName", "A target group with the specified name already exists.");
    return { TargetGroups: [targetGroupOut(world, existing)] };
  }
  if (Object.keys(peek(world).targetGroups).length >= MAX_TARGET_GROUPS) {
    throw elbError("TooManyTargetGroups", "The quota for the number of target groups has been reached.");
  }
  const tags = tagsOf(input.Tags);
  const arn = targetGroupArn(world, input.Name);
  const tg: TargetGroup = {
    arn, name: input.Name, ...shape, port: input.Port, vpcId: input.VpcId, ipAddressType, healthCheck,
    deregistrationDelaySeconds: DEFAULT_DEREGISTRATION_DELAY, targets: [], createdAt: ctx.now, tags, seq: nextSeq(world),
  };
  for (const k of ["protocol", "protocolVersion", "port", "vpcId"] as const) if (tg[k] === undefined) delete tg[k];
  world.targetGroups[arn] = tg;
  return { TargetGroups: [targetGroupOut(world, tg)] };
}

/** A target group by ARN, or TargetGroupNotFound. */
export function targetGroupIn(world: World, arn: string): TargetGroup {
  checkArn(arn, "targetgroup");
  if (!peek(world).targetGroups[arn]) throw targetGroupNotFound();
  return world.targetGroups[arn];
}

const DescribeSchema = z.object({ LoadBalancerArn: str.optional(), TargetGroupArns: arnList(20).optional(), Names: arnList(20).optional(), ...Paging });

export function describeTargetGroups(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  const given = [input.LoadBalancerArn, input.TargetGroupArns?.length, input.Names?.length].filter(Boolean).length;
  if (given > 1) throw validation("Only one of load balancer ARN, target group ARNs or names can be specified");
  const all = peek(world).targetGroups;
  const usage = groupUsage(world);
  let items = bySeq(all);
  if (input.LoadBalancerArn) {
    checkArn(input.LoadBalancerArn, "loadbalancer");
    if (!peek(world).loadBalancers[input.LoadBalancerArn]) throw loadBalancerNotFound();
    items = items.filter((t) => usage.get(t.arn)?.has(input.LoadBalancerArn!));
  }
  if (input.TargetGroupArns?.length) {
    for (const a of input.TargetGroupArns) checkArn(a, "targetgroup");
    if (input.TargetGroupArns.some((a) => !all[a])) throw targetGroupNotFound(true);
    items = items.filter((t) => input.TargetGroupArns!.includes(t.arn));
  }
  if (input.Names?.length) {
    if (input.Names.some((n) => !items.some((t) => t.name === n))) throw targetGroupNotFound(true);
    items = items.filter((t) => input.Names!.includes(t.name));
  }
  const { page: out, NextMarker } = page(items, input);
  return { TargetGroups: out.map((t) => targetGroupOut(world, t, usage)), NextMarker };
}

const ModifySchema = z.object({ TargetGroupArn: str, ...HealthCheckMembers });

export function modifyTargetGroup(world: World, raw: unknown) {
  const input = parseInput(ModifySchema, raw);
  const tg = targetGroupIn(world, input.TargetGroupArn);
  tg.healthCheck = healthCheckOf(tg, input, tg.healthCheck);
  return { TargetGroups: [targetGroupOut(world, tg)] };
}

export function deleteTargetGroup(world: World, raw: unknown) {
  const input = parseInput(z.object({ TargetGroupArn: str }), raw);
  checkArn(input.TargetGroupArn, "targetgroup");
  if (!peek(world).targetGroups[input.TargetGroupArn]) return {};
  if (groupUsage(world).has(input.TargetGroupArn)) {
    throw elbError("ResourceInUse", `Target group '${input.TargetGroupArn}' is currently in use by a listener or a rule`);
  }
  delete world.targetGroups[input.TargetGroupArn];
  return {};
}
