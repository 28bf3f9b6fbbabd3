import { arn, randomHex } from "../core/ids";
import type { LoadBalancerType, World } from "../core/types";
import { validation } from "./errors";

// ELBv2's ARNs (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html):
//   loadbalancer/app/<name>/<16 hex>       (net/ for a Network, gwy/ for a Gateway Load Balancer)
//   targetgroup/<name>/<16 hex>
//   listener/app/<lb name>/<lb id>/<16 hex>
//   listener-rule/app/<lb name>/<lb id>/<listener id>/<16 hex>

const SERVICE = "elasticloadbalancing";
const TYPE_SEGMENT: Record<LoadBalancerType, string> = { application: "app", network: "net", gateway: "gwy" };

export const newId = (world: World) => randomHex(world, 16);

export const loadBalancerArn = (world: World, type: LoadBalancerType, name: string) =>
  arn(world, SERVICE, `loadbalancer/${TYPE_SEGMENT[type]}/${name}/${newId(world)}`);
export const targetGroupArn = (world: World, name: string) => arn(world, SERVICE, `targetgroup/${name}/${newId(world)}`);
export const listenerArn = (world: World, lbArn: string) => `${lbArn.replace(":loadbalancer/", ":listener/")}/${newId(world)}`;
export const ruleArn = (world: World, listener: string) => `${listener.replace(":listener/", ":listener-rule/")}/${newId(world)}`;

export type ArnKind = "loadbalancer" | "targetgroup" | "listener" | "listener-rule";

const SHAPES: Record<ArnKind, RegExp> = {
  "loadbalancer": /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/(app|net|gwy)\/[^/]+\/[0-9a-f]+$/,
  "targetgroup": /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[^/]+\/[0-9a-f]+$/,
  "listener": /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/(app|net|gwy)\/[^/]+\/[0-9a-f]+\/[0-9a-f]+$/,
  "listener-rule": /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener-rule\/(app|net|gwy)\/[^/]+\/[0-9a-f]+\/[0-9a-f]+\/[0-9a-f]+$/,
};

const WHAT: Record<ArnKind, string> = {
  "loadbalancer": "load balancer", "targetgroup": "target group", "listener": "listener", "listener-rule": "listener rule",
};

/** The kind of resource an ELBv2 ARN names, or undefined if it names none. */
export function kindOf(value: string): ArnKind | undefined {
  return (Object.keys(SHAPES) as ArnKind[]).find((k) => SHAPES[k].test(value));
}

/** Throws ValidationError unless `value` is an ARN of that kind ("'x' is not a valid target group ARN"). */
export function checkArn(value: string, kind: ArnKind): string {
  if (!SHAPES[kind].test(value)) throw validation(`'${value}' is not a valid ${WHAT[kind]} ARN`);
  return value;
}
