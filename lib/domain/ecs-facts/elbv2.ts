// Elastic Load Balancing v2 rules and limits that both the validator (lib/domain/rules) and the
// sandbox (lib/sandbox/elbv2) rely on, so a design the validator passes is one the sandbox (and
// AWS) accepts. Sources: the ELBv2 API reference (CreateLoadBalancer, CreateListener,
// CreateTargetGroup, CreateRule, Action, TargetGroupTuple) and the quotas pages
// (application/load-balancer-limits.html, network/load-balancer-limits.html). See shared/ECS-FACTS.md.

export type ElbType = "application" | "network";

/** CreateLoadBalancer / CreateTargetGroup Name: ≤ 32 characters, letters, digits and hyphens, no hyphen first or last; a load balancer's not "internal-…". */
export const MAX_ELB_NAME_LENGTH = 32;

/** Why ELBv2 refuses `name` for a load balancer or target group (its ValidationError message), or undefined when it is a valid name. */
export function elbNameProblem(name: string, what: "Load balancer" | "Target group"): string | undefined {
  if (name.length === 0) return `${what} name cannot be empty`;
  if (name.length > MAX_ELB_NAME_LENGTH) return `${what} name '${name}' cannot be longer than '${MAX_ELB_NAME_LENGTH}' characters`;
  if (!/^[A-Za-z0-9-]+$/.test(name)) return `${what} name '${name}' can contain only alphanumeric characters and hyphens`;
  if (name.startsWith("-") || name.endsWith("-")) return `${what} name '${name}' cannot begin or end with '-'`;
  if (what === "Load balancer" && name.startsWith("internal-")) return `Load balancer name '${name}' cannot begin with 'internal-'`;
  return undefined;
}

/** "[Application Load Balancers] You must specify subnets from at least two Availability Zones"; Network Load Balancers one or more. */
export const MIN_SUBNETS: Record<ElbType, number> = { application: 2, network: 1 };

/** Listener protocols by load balancer type (CreateListener Protocol). */
export const LISTENER_PROTOCOLS: Record<ElbType, readonly string[]> = {
  application: ["HTTPS", "HTTP"],
  network: ["TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"],
};
/** The plain protocol of each type, for a listener without a certificate. */
export const PLAIN_LISTENER_PROTOCOL: Record<ElbType, string> = { application: "HTTP", network: "TCP" };
/** Listener protocols that need a server certificate (CreateListener Certificates: "required for HTTPS and TLS listeners"). */
export const SECURE_LISTENER_PROTOCOLS: readonly string[] = ["HTTPS", "TLS"];

/** Target group protocols a listener of each protocol may forward to. */
export const FORWARDS_TO: Record<string, readonly string[]> = {
  HTTP: ["HTTP", "HTTPS"], HTTPS: ["HTTP", "HTTPS"],
  TCP: ["TCP", "TLS", "TCP_UDP"], TLS: ["TCP", "TLS"], UDP: ["UDP", "TCP_UDP"], TCP_UDP: ["TCP_UDP"],
  QUIC: ["QUIC"], TCP_QUIC: ["TCP_QUIC"],
};

/** Listeners per load balancer (quota). */
export const MAX_LISTENERS = 50;
/** Rules per Application Load Balancer, not counting default rules (quota). */
export const MAX_RULES = 100;
/** CreateRule Priority: 1–50000, unique per listener. */
export const RULE_PRIORITY_RANGE = { min: 1, max: 50_000 } as const;
/** Condition values per rule (quota: "Condition values per rule: 5"). */
export const MAX_CONDITION_VALUES = 5;
/** Target groups per forward action (quota) and each one's Weight (TargetGroupTuple: 0–999). */
export const MAX_FORWARD_TARGET_GROUPS = 5;
export const FORWARD_WEIGHT_RANGE = { min: 0, max: 999 } as const;

/** Health check ranges (CreateTargetGroup); the timeout must be less than the interval. */
export const HEALTH_CHECK_RANGES = {
  intervalSeconds: { min: 5, max: 300 },
  timeoutSeconds: { min: 2, max: 120 },
  healthyThresholdCount: { min: 2, max: 10 },
  unhealthyThresholdCount: { min: 2, max: 10 },
} as const;
/** HealthCheckPath: 1–1024 characters, starting with "/". */
export const MAX_HEALTH_CHECK_PATH = 1024;
/** Target group protocols whose health checks cannot be configured with these protocols. */
export const NO_HEALTH_CHECK_PROTOCOLS: readonly string[] = ["GENEVE", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"];
/** Health check protocols that take a path and a matcher. */
export const HTTP_PROTOCOLS: readonly string[] = ["HTTP", "HTTPS"];
/** deregistration_delay.timeout_seconds: 0–3600, default 300. */
export const DEREGISTRATION_DELAY = { min: 0, max: 3600, default: 300 } as const;

/**
 * The health check settings ELBv2 gives a target group when CreateTargetGroup names none, by the
 * group's protocol and target type (the API reference's defaults for each HealthCheck* parameter).
 */
export function defaultHealthCheck(tg: { protocol?: string; targetType?: string }) {
  const lambda = tg.targetType === "lambda";
  const geneve = tg.protocol === "GENEVE";
  return {
    protocol: lambda ? undefined : HTTP_PROTOCOLS.includes(tg.protocol ?? "") ? tg.protocol : "TCP",
    port: geneve ? "80" : "traffic-port",
    intervalSeconds: lambda ? 35 : geneve ? 10 : 30,
    timeoutSeconds: lambda ? 30 : geneve ? 5 : tg.protocol === "HTTP" ? 6 : 10,
    healthyThresholdCount: 5,
    unhealthyThresholdCount: lambda ? 5 : 2,
  };
}

/** An HTTP(S) health check's default path and success codes; gRPC groups: /AWS.ALB/healthcheck and gRPC code 12. */
export function defaultHttpCheck(grpc: boolean) {
  return grpc ? { path: "/AWS.ALB/healthcheck", matcher: { GrpcCode: "12" } } : { path: "/", matcher: { HttpCode: "200" } };
}
