import type { ListenerAction } from "../../design";
import { LISTENER_PROTOCOLS } from "../../ecs-facts/elbv2";
import { newListener, targetGroupChoices } from "../load-balancers";
import { getAt, setAt } from "../paths";
import { tagsField } from "./task-definition";
import type { FieldContext, FieldGroup, FieldSpec } from "./types";

// The load balancer and target group forms. Listeners are a list; each listener's default action
// and each rule's action are a forward (target groups with weights), a fixed response or a
// redirect, as ELBv2's Action has them. Target groups are picked from the design (targetgroup/<name>)
// or from the environment (ARNs), and free text is still allowed.

const lbType = (ctx: FieldContext) => (ctx.r.kind === "loadBalancer" ? ctx.r.loadBalancer.type : "application");
const isAlb = (ctx: FieldContext) => lbType(ctx) === "application";

/** What an action of each type starts as; a forward keeps the groups it had. */
function actionOf(type: unknown, had: ListenerAction | undefined): ListenerAction {
  if (type === "fixed-response") return { type, fixedResponse: { statusCode: "404", contentType: "text/plain" } };
  if (type === "redirect") return { type, redirect: { statusCode: "HTTP_301", protocol: "HTTPS", port: "443" } };
  return { type: "forward", targetGroups: had?.type === "forward" ? had.targetGroups ?? [] : [] };
}

const typeIs = (at: string, type: string) => ({ resource }: FieldContext) => (getAt(resource, [at, "type"]) ?? "forward") === type;

/** The fields of the action at `at` (defaultAction of a listener, action of a rule). */
function actionFields(at: string): FieldSpec[] {
  return [
    {
      type: "select", path: [at, "type"], label: "Action", options: (ctx) => (isAlb(ctx) ? ["forward", "fixed-response", "redirect"] : ["forward"]),
      write: (res, v) => setAt(res, [at], actionOf(v, res[at] as ListenerAction | undefined)),
    },
    {
      type: "list", path: [at, "targetGroups"], label: "Forward to", itemLabel: "Target group", when: typeIs(at, "forward"),
      newItem: (ctx) => {
        const taken = new Set(((getAt(ctx.resource, [at, "targetGroups"]) ?? []) as { targetGroupArn: string }[]).map((g) => g.targetGroupArn));
        return { targetGroupArn: targetGroupChoices(ctx.design).find((c) => !taken.has(c.value))?.value ?? "", weight: 1 };
      },
      fields: [
        { type: "text", path: ["targetGroupArn"], label: "Target group", mono: true, required: true, suggest: "targetGroup", choices: (ctx) => targetGroupChoices(ctx.design) },
        { type: "int", path: ["weight"], label: "Weight", placeholder: "1" },
      ],
    },
    { type: "text", path: [at, "fixedResponse", "statusCode"], label: "Status code", required: true, when: typeIs(at, "fixed-response") },
    { type: "select", path: [at, "redirect", "statusCode"], label: "Redirect", options: ["HTTP_301", "HTTP_302"], when: typeIs(at, "redirect") },
    { type: "text", path: [at, "redirect", "protocol"], label: "To protocol", placeholder: "#{protocol}", when: typeIs(at, "redirect") },
    { type: "text", path: [at, "redirect", "port"], label: "To port", placeholder: "#{port}", when: typeIs(at, "redirect") },
  ];
}

type Condition = { field: string; values: string[] };

/** One condition field of a rule as a list of values; the condition goes when its last value does. */
function conditionValues(field: string, label: string): FieldSpec {
  return {
    type: "strings", path: ["conditions", field], label, itemLabel: label.replace(/s$/, ""), mono: true,
    read: (res) => ((res.conditions ?? []) as Condition[]).find((c) => c.field === field)?.values ?? [],
    write: (res, v) => {
      const list = (res.conditions ?? []) as Condition[];
      const values = (v ?? []) as string[];
      const at = list.findIndex((c) => c.field === field);
      const next = at < 0 ? [...list, { field, values }] : list.map((c, i) => (i === at ? { ...c, values } : c));
      return { ...res, conditions: values.length ? next : next.filter((c) => c.field !== field) };
    },
  };
}

const listenersField: FieldSpec = {
  type: "list", path: ["listeners"], label: "Listeners", itemLabel: "Listener",
  help: "Each listener accepts connections on a port and forwards them to target groups; weights split traffic, as blue/green and canary deployments do.",
  newItem: (ctx) => (ctx.r.kind === "loadBalancer" ? newListener(ctx.r.loadBalancer) : newListener({ type: "application" })) as unknown as Record<string, unknown>,
  fields: [
    { type: "int", path: ["port"], label: "Port", fallback: 80 },
    { type: "select", path: ["protocol"], label: "Protocol", options: (ctx) => [...LISTENER_PROTOCOLS[lbType(ctx)]] },
    {
      type: "text", path: ["certificateArn"], label: "Certificate (ACM ARN)", mono: true, placeholder: "arn:aws:acm:…",
      when: ({ resource }) => resource.protocol === "HTTPS" || resource.protocol === "TLS",
    },
    ...actionFields("defaultAction"),
    {
      type: "list", path: ["rules"], label: "Rules", itemLabel: "Rule", when: isAlb,
      newItem: ({ resource }) => {
        const taken = ((resource.rules ?? []) as { priority: number }[]).map((r) => r.priority);
        return { priority: taken.length ? Math.max(...taken) + 10 : 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }], action: { type: "forward", targetGroups: [] } };
      },
      fields: [
        { type: "int", path: ["priority"], label: "Priority", fallback: 1 },
        conditionValues("path-pattern", "Path patterns"),
        conditionValues("host-header", "Host headers"),
        ...actionFields("action"),
      ],
    },
  ],
};

export const LOAD_BALANCER_GROUPS: FieldGroup[] = [
  {
    title: "Load balancer",
    fields: [
      { type: "select", path: ["type"], label: "Type", options: ["application", "network"], help: "Application (HTTP/HTTPS, path and host rules) or Network (TCP/UDP/TLS, one default action per listener)." },
      { type: "select", path: ["scheme"], label: "Scheme", options: ["internet-facing", "internal"], emptyLabel: "(default: internet-facing)", help: "Internet-facing takes traffic from the internet through public subnets; internal only from inside the VPC." },
      {
        type: "text", path: ["loadBalancerArn"], label: "Existing load balancer ARN", mono: true, suggest: "loadBalancer", placeholder: "empty: the design creates it",
        help: "Set to use a load balancer that already exists: the design reads it and never changes or deletes it. Empty, apply creates and owns it.",
      },
    ],
  },
  {
    title: "Network",
    fields: [
      { type: "strings", path: ["subnets"], label: "Subnets", itemLabel: "Subnet", mono: true, suggest: "subnet", help: "An Application Load Balancer needs subnets in two or more Availability Zones; a Network Load Balancer at least one." },
      { type: "strings", path: ["securityGroups"], label: "Security groups", itemLabel: "Security group", mono: true, suggest: "securityGroup", when: isAlb, help: "Firewall of the load balancer; the tasks' groups must let it in on the container port." },
    ],
  },
  { title: "Listeners and rules", fields: [listenersField] },
  { title: "Tags", collapsed: true, fields: [tagsField] },
];

const HEALTH_PROTOCOLS = ["HTTP", "HTTPS", "TCP"] as const;

export const TARGET_GROUP_GROUPS: FieldGroup[] = [
  {
    title: "Targets",
    fields: [
      { type: "select", path: ["targetType"], label: "Target type", options: ["ip", "instance"], help: "awsvpc tasks (Fargate) register by IP address; bridge and host tasks by instance." },
      { type: "select", path: ["protocol"], label: "Protocol", options: ["HTTP", "HTTPS", "TCP", "UDP", "TLS", "TCP_UDP"], emptyLabel: "(none)", help: "How the load balancer talks to the tasks: HTTP/HTTPS behind an Application Load Balancer, TCP/UDP/TLS behind a Network one." },
      { type: "int", path: ["port"], label: "Port", placeholder: "80", help: "The port targets receive traffic on unless registered with another (ECS registers the container port)." },
      { type: "text", path: ["vpcId"], label: "VPC", mono: true, placeholder: "the environment's default VPC", help: "The VPC of the tasks; it must be the load balancer's." },
      { type: "int", path: ["deregistrationDelaySeconds"], label: "Deregistration delay (s)", placeholder: "300", help: "How long a stopping task keeps serving its open connections (0–3600); shorter makes deployments quicker." },
    ],
  },
  {
    title: "Health check",
    fields: [
      { type: "select", path: ["healthCheck", "protocol"], label: "Protocol", options: HEALTH_PROTOCOLS, emptyLabel: "(the group's protocol)", help: "HTTP and HTTPS checks request a path; TCP only opens a connection." },
      { type: "text", path: ["healthCheck", "path"], label: "Path", mono: true, placeholder: "/", help: "The page a healthy task answers with a success code, e.g. /health." },
      { type: "text", path: ["healthCheck", "port"], label: "Port", mono: true, placeholder: "traffic-port", help: "traffic-port checks the port traffic goes to; or a fixed port number." },
      { type: "int", path: ["healthCheck", "intervalSeconds"], label: "Interval (s)", placeholder: "30", help: "Time between checks of one target (5–300)." },
      { type: "int", path: ["healthCheck", "timeoutSeconds"], label: "Timeout (s)", placeholder: "5", help: "How long a check waits for an answer (2–120, less than the interval)." },
      { type: "int", path: ["healthCheck", "healthyThresholdCount"], label: "Healthy after", placeholder: "5", help: "Checks in a row that must pass before a new task gets traffic (2–10)." },
      { type: "int", path: ["healthCheck", "unhealthyThresholdCount"], label: "Unhealthy after", placeholder: "2", help: "Failed checks in a row before the target is unhealthy and ECS replaces the task (2–10)." },
      { type: "text", path: ["healthCheck", "matcher"], label: "Success codes", mono: true, placeholder: "200", help: "HTTP codes that mean healthy: 200, 200,202 or 200-299." },
    ],
  },
];
