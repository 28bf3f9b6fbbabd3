import { z } from "zod";
import { LISTENER_PROTOCOLS as ELB_LISTENER_PROTOCOLS, MAX_LISTENERS, SECURE_LISTENER_PROTOCOLS } from "../../domain/ecs-facts/elbv2";
import { peek } from "../core/draft";
import { bySeq, nextSeq } from "../core/ids";
import type { Ctx, ElbShape, Listener, LoadBalancer, World } from "../core/types";
import { queryInt, queryList } from "../protocols/query";
import { ActionsSchema, checkActions } from "./actions";
import { checkArn, listenerArn, ruleArn } from "./arns";
import { elbError, listenerNotFound, loadBalancerNotFound, validation } from "./errors";
import { Paging, TagsSchema, arnList, page, parseInput, settingsKey, str, tagsOf } from "./input";
import { refreshUsage } from "../core/lb-references";

// Listeners: CreateListener (idempotent for the same settings; makes the listener's default
// rule), DescribeListeners, ModifyListener (replaces what it is given), DeleteListener (takes its
// rules with it). https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html

const LISTENER_PROTOCOLS: Record<LoadBalancer["type"], readonly string[]> = { ...ELB_LISTENER_PROTOCOLS, gateway: [] };
const SECURE = SECURE_LISTENER_PROTOCOLS;
/** The security policy a secure listener gets when none is named. */
export const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const Members = {
  Protocol: z.enum(["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE", "QUIC", "TCP_QUIC"]).optional(),
  Port: queryInt().pipe(z.number().min(1).max(65535)).optional(),
  SslPolicy: str.optional(),
  Certificates: queryList(z.object({ CertificateArn: str, IsDefault: str.optional() })).optional(),
  AlpnPolicy: queryList(z.enum(["HTTP1Only", "HTTP2Only", "HTTP2Optional", "HTTP2Preferred", "None"])).optional(),
};

const CreateSchema = z.object({ LoadBalancerArn: str, ...Members, DefaultActions: ActionsSchema, Tags: TagsSchema.optional() });

export function listenerOut(l: Listener) {
  return {
    ListenerArn: l.arn, LoadBalancerArn: l.loadBalancerArn, Port: l.port, Protocol: l.protocol,
    Certificates: l.certificates.length ? l.certificates : undefined, SslPolicy: l.sslPolicy, DefaultActions: l.defaultActions,
    AlpnPolicy: l.alpnPolicy.length ? l.alpnPolicy : undefined,
  };
}

const settingsOf = (l: Pick<Listener, "port" | "protocol" | "sslPolicy" | "certificates" | "alpnPolicy" | "defaultActions">) =>
  settingsKey({ port: l.port, protocol: l.protocol, sslPolicy: l.sslPolicy, certificates: l.certificates, alpnPolicy: l.alpnPolicy, defaultActions: l.defaultActions });

type Settings = Pick<Listener, "port" | "protocol" | "sslPolicy" | "certificates" | "alpnPolicy">;

/** A listener's protocol, port, certificates and policies on `lb`, checked. */
function listenerSettings(lb: LoadBalancer, s: Settings): Settings {
  const allowed = LISTENER_PROTOCOLS[lb.type];
  if (lb.type === "gateway") {
    if (s.protocol || s.port !== undefined) throw validation("A protocol and port cannot be specified for listeners of Gateway Load Balancers");
  } else {
    if (!s.protocol) throw validation("A listener protocol must be specified");
    if (!allowed.includes(s.protocol)) throw validation(`Listener protocol '${s.protocol}' must be one of '${allowed.join(", ")}'`);
    if (s.port === undefined) throw validation("A listener port must be specified");
  }
  const secure = SECURE.includes(s.protocol ?? "");
  if (secure && !s.certificates.length) throw elbError("CertificateNotFound", `A certificate must be specified for ${s.protocol} listeners`);
  for (const c of s.certificates) {
    if (!/^arn:aws[a-z-]*:(acm|iam):/.test(c.CertificateArn)) throw elbError("CertificateNotFound", `Certificate '${c.CertificateArn}' not found`);
  }
  if (!secure && (s.certificates.length || s.sslPolicy)) throw validation(`Certificates and a security policy can be given only for HTTPS or TLS listeners`);
  if (s.alpnPolicy.length && s.protocol !== "TLS") throw validation("An ALPN policy can be given only for TLS listeners");
  return { ...s, sslPolicy: secure ? s.sslPolicy ?? DEFAULT_SSL_POLICY : undefined };
}

function portTaken(world: World, lb: LoadBalancer, port: number | undefined, except?: string) {
  return port !== undefined && Object.values(peek(world).listeners).some((l) => l.loadBalancerArn === lb.arn && l.port === port && l.arn !== except);
}

export function createListener(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(CreateSchema, raw);
  checkArn(input.LoadBalancerArn, "loadbalancer");
  const lb = peek(world).loadBalancers[input.LoadBalancerArn];
  if (!lb) throw loadBalancerNotFound();
  const settings = listenerSettings(lb, {
    protocol: input.Protocol, port: input.Port, sslPolicy: input.SslPolicy,
    certificates: (input.Certificates ?? []).map((c) => ({ CertificateArn: c.CertificateArn })), alpnPolicy: input.AlpnPolicy ?? [],
  });
  const defaultActions = checkActions(world, lb, settings.protocol, input.DefaultActions);
  const mine = bySeq(peek(world).listeners).filter((l) => l.loadBalancerArn === lb.arn);
  const same = mine.find((l) => l.port === settings.port && settingsOf(l) === settingsOf({ ...settings, defaultActions }));
  if (same) return { Listeners: [listenerOut(same)] };
  if (portTaken(world, lb, settings.port)) throw elbError("DuplicateListener", "A listener with the specified port already exists.");
  if (mine.length >= MAX_LISTENERS) throw elbError("TooManyListeners", "The quota for the number of listeners per load balancer has been reached.");
  const tags = tagsOf(input.Tags);
  const arn = listenerArn(world, lb.arn);
  const listener: Listener = { arn, loadBalancerArn: lb.arn, ...settings, defaultActions, defaultRuleArn: ruleArn(world, arn), tags, seq: nextSeq(world) };
  for (const k of ["port", "protocol", "sslPolicy"] as const) if (listener[k] === undefined) delete listener[k];
  world.listeners[arn] = listener;
  world.rules[listener.defaultRuleArn] = { arn: listener.defaultRuleArn, listenerArn: arn, conditions: [], actions: defaultActions, tags: [], seq: nextSeq(world) };
  refreshUsage(world, ctx.now);
  return { Listeners: [listenerOut(listener)] };
}

/** A listener by ARN, or ListenerNotFound. */
export function listenerIn(world: World, arn: string): Listener {
  checkArn(arn, "listener");
  if (!peek(world).listeners[arn]) throw listenerNotFound();
  return world.listeners[arn];
}

const DescribeSchema = z.object({ LoadBalancerArn: str.optional(), ListenerArns: arnList(20).optional(), ...Paging });

export function describeListeners(world: World, raw: unknown) {
  const input = parseInput(DescribeSchema, raw);
  if (!input.LoadBalancerArn && !input.ListenerArns?.length) throw validation("You must specify either listener ARNs or a load balancer ARN");
  if (input.LoadBalancerArn && input.ListenerArns?.length) throw validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
  const all = peek(world).listeners;
  let items = bySeq(all);
  if (input.LoadBalancerArn) {
    checkArn(input.LoadBalancerArn, "loadbalancer");
    if (!peek(world).loadBalancers[input.LoadBalancerArn]) throw loadBalancerNotFound();
    items = items.filter((l) => l.loadBalancerArn === input.LoadBalancerArn);
  } else {
    for (const a of input.ListenerArns!) checkArn(a, "listener");
    if (input.ListenerArns!.some((a) => !all[a])) throw listenerNotFound(true);
    items = items.filter((l) => input.ListenerArns!.includes(l.arn));
  }
  const { page: out, NextMarker } = page(items, input);
  return { Listeners: out.map(listenerOut), NextMarker };
}

const ModifySchema = z.object({ ListenerArn: str, ...Members, DefaultActions: ActionsSchema.optional() });

export function modifyListener(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(ModifySchema, raw);
  const l = listenerIn(world, input.ListenerArn);
  const lb = peek(world).loadBalancers[l.loadBalancerArn];
  const protocol = input.Protocol ?? l.protocol;
  const secure = SECURE.includes(protocol ?? "");
  // Moving from HTTPS to HTTP (or TLS to TCP) drops the policy and certificates, as ELBv2 does.
  const settings = listenerSettings(lb, {
    protocol, port: input.Port ?? l.port,
    sslPolicy: secure ? input.SslPolicy ?? l.sslPolicy : undefined,
    certificates: input.Certificates ? input.Certificates.map((c) => ({ CertificateArn: c.CertificateArn })) : secure ? l.certificates : [],
    alpnPolicy: input.AlpnPolicy ?? (protocol === "TLS" ? l.alpnPolicy : []),
  });
  if (portTaken(world, lb, settings.port, l.arn)) throw elbError("DuplicateListener", "A listener with the specified port already exists.");
  const defaultActions: ElbShape[] = input.DefaultActions ? checkActions(world, lb, settings.protocol, input.DefaultActions) : l.defaultActions;
  Object.assign(l, settings, { defaultActions });
  for (const k of ["port", "protocol", "sslPolicy"] as const) if (l[k] === undefined) delete l[k];
  world.rules[l.defaultRuleArn].actions = defaultActions;
  refreshUsage(world, ctx.now);
  return { Listeners: [listenerOut(l)] };
}

export function deleteListener(world: World, raw: unknown, ctx: Ctx) {
  const input = parseInput(z.object({ ListenerArn: str }), raw);
  const l = listenerIn(world, input.ListenerArn);
  for (const r of Object.values(peek(world).rules)) if (r.listenerArn === l.arn) delete world.rules[r.arn];
  delete world.listeners[l.arn];
  refreshUsage(world, ctx.now);
  return {};
}
