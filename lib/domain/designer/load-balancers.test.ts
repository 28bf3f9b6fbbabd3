import { describe, expect, it } from "vitest";
import { DesignSchema, type Design } from "../design";
import { validateDesign } from "../rules";
import {
  addListener, addLoadBalancer, addNodeAt, addTargetGroup, buildEdges, canConnect, connect, copySelection, disconnect, FIELD_GROUPS, listenerRuleChoices,
  loadBalancerRows, paste, readField, removeNodes, rename, resolveNode, serviceConnectLinks, setNested, setTargetGroupArn, targetGroupChoices, toFlow, writeField,
  type FieldSpec,
} from ".";
import { sampleDesign } from "./test-fixtures";

/** The fixture with an ALB (no listener yet) and a target group `web-tg`. */
function withAlbAndGroup(): Design {
  const lb = addLoadBalancer(sampleDesign(), { at: { x: -600, y: 0 } });
  return addTargetGroup(lb.design, { at: { x: -300, y: 0 } }).design;
}

const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r as Extract<T, { ok: true }>;
};

/** The ALB forwarding to blue-tg, service web registered with it, and green-tg its alternate group (blue/green). */
function blueGreen() {
  let d = withAlbAndGroup();
  d = addTargetGroup(d, { name: "green-tg" }).design;
  const [blue, green] = d.targetGroups!;
  const lb = d.loadBalancers![0];
  d = ok(connect(d, lb.id, blue.id)).design;
  d = ok(connect(d, blue.id, "svc-web")).design;
  d.services[0].loadBalancers![0].advancedConfiguration = { alternateTargetGroupArn: "targetgroup/green-tg", productionListenerRule: "listener-rule/web-alb/80/default" };
  return { d, blue, green, lb };
}

describe("load balancers on the canvas", () => {
  it("adds an ALB from the palette, centred on the drop point, as its own node", () => {
    const r = ok(addNodeAt(sampleDesign(), [], [], "loadBalancer", { x: 100, y: 100 }, "drop"));
    const lb = r.design.loadBalancers![0];
    expect(lb).toEqual({ id: r.id, name: "web-alb", type: "application", scheme: "internet-facing" });
    expect(resolveNode(r.design, r.id)?.kind).toBe("loadBalancer");
    const node = toFlow(r.design, []).nodes.find((n) => n.id === r.id)!;
    expect(node.type).toBe("loadBalancer");
    expect(node.position.x + node.width / 2).toBeCloseTo(100, -1);
    expect(DesignSchema.safeParse(r.design).success).toBe(true);
  });

  it("adds listeners on the next free port with the type's plain protocol", () => {
    let d = withAlbAndGroup();
    const id = d.loadBalancers![0].id;
    d = ok(addListener(d, id)).design;
    d = ok(addListener(d, id)).design;
    expect(d.loadBalancers![0].listeners!.map((l) => `${l.protocol}:${l.port}`)).toEqual(["HTTP:80", "HTTP:443"]);
    const nlb = addLoadBalancer(d, { type: "network" });
    expect(ok(addListener(nlb.design, nlb.id)).design.loadBalancers![1].listeners![0]).toMatchObject({ protocol: "TCP", port: 80 });
  });

  it("connects a listener to a target group (a forward) and the group to a service, drawn lb → tg → service", () => {
    let d = withAlbAndGroup();
    const lb = d.loadBalancers![0];
    const tg = d.targetGroups![0];
    // No listener yet: the first connection makes one.
    d = ok(connect(d, lb.id, tg.id)).design;
    expect(d.loadBalancers![0].listeners).toEqual([{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] } }]);
    expect(canConnect(d, lb.id, tg.id, { listener: 0 })).toEqual({ ok: false, reason: "Listener HTTP:80 already forwards to this target group." });
    // Dragging from the group to the service registers the service's container port.
    d = ok(connect(d, tg.id, "svc-web")).design;
    expect(d.services[0].loadBalancers).toEqual([{ targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80 }]);
    const edges = buildEdges(d);
    expect(edges.find((e) => e.data.kind === "forward")).toMatchObject({ source: lb.id, sourceHandle: "listener-0", target: tg.id, label: "HTTP:80" });
    expect(edges.find((e) => e.data.kind === "loadBalancer")).toMatchObject({ source: tg.id, target: "svc-web", label: "app:80" });
    expect(canConnect(d, lb.id, "svc-web").ok).toBe(false);
    expect(DesignSchema.safeParse(d).success).toBe(true);
  });

  it("labels a split forward with each group's share and deleting the edge drops that group", () => {
    let d = withAlbAndGroup();
    d = addTargetGroup(d, { name: "green-tg" }).design;
    const [blue, green] = d.targetGroups!;
    const lb = d.loadBalancers![0];
    d = ok(connect(d, lb.id, blue.id)).design;
    d = ok(connect(d, lb.id, green.id, { listener: 0 })).design;
    const groups = d.loadBalancers![0].listeners![0].defaultAction.targetGroups!;
    groups[0].weight = 9;
    groups[1].weight = 1;
    const fwd = buildEdges(d).filter((e) => e.data.kind === "forward");
    expect(fwd.map((e) => e.label)).toEqual(["HTTP:80 · 90%", "HTTP:80 · 10%"]);
    expect(loadBalancerRows(d, d.loadBalancers![0])).toEqual([{ listener: 0, label: "HTTP:80", to: "web-tg 90%, green-tg 10%" }]);
    const after = disconnect(d, fwd[1].id);
    expect(after.loadBalancers![0].listeners![0].defaultAction.targetGroups).toEqual([{ targetGroupArn: "targetgroup/web-tg", weight: 9 }]);
  });

  it("draws rule forwards from their listener's row with the rule's condition", () => {
    let d = withAlbAndGroup();
    const lb = d.loadBalancers![0];
    d = ok(connect(d, lb.id, d.targetGroups![0].id)).design;
    d.loadBalancers![0].listeners![0].rules = [{ priority: 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }], action: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] } }];
    const edge = buildEdges(d).find((e) => e.id === `fwd|${lb.id}|0|0|0`);
    expect(edge).toMatchObject({ label: "/api/*", sourceHandle: "listener-0" });
    expect(listenerRuleChoices(d).map((c) => c.value)).toEqual(["listener-rule/web-alb/80/default", "listener-rule/web-alb/80/10"]);
    expect(targetGroupChoices(d)).toEqual([{ value: "targetgroup/web-tg", label: "web-tg (ip, HTTP:80)" }]);
  });

  it("refuses to change an existing load balancer's listeners", () => {
    const d = withAlbAndGroup();
    d.loadBalancers![0].loadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef";
    expect(canConnect(d, d.loadBalancers![0].id, d.targetGroups![0].id).ok).toBe(false);
    expect(addListener(d, d.loadBalancers![0].id).ok).toBe(false);
  });

  it("deleting a target group removes the forwards, the service entries and the alternate group naming it", () => {
    const { d, blue, green, lb } = blueGreen();
    const { design: noGreen } = removeNodes(d, [green.id]);
    expect(noGreen.services[0].loadBalancers![0].advancedConfiguration).toEqual({ productionListenerRule: "listener-rule/web-alb/80/default" });
    const { design: noBlue } = removeNodes(d, [blue.id]);
    expect(noBlue.services[0]).not.toHaveProperty("loadBalancers");
    expect(noBlue.loadBalancers![0].listeners![0].defaultAction.targetGroups).toEqual([]);
    // The emptied forward is the validator's to report, on the load balancer's node.
    const f = validateDesign(noBlue).filter((x) => x.resource.id === lb.id && x.severity === "error");
    expect(f.map((x) => x.path.join("."))).toContain("loadBalancers.0.listeners.0.defaultAction.targetGroups");
    const node = toFlow(noBlue, validateDesign(noBlue)).nodes.find((n) => n.id === lb.id)!;
    expect(node.data.findings.error).toBeGreaterThan(0);
    // Deleting the load balancer leaves its groups.
    const { design: noLb, removed } = removeNodes(d, [lb.id]);
    expect(removed).toEqual([lb.id]);
    expect(noLb.loadBalancers).toEqual([]);
    expect(noLb.targetGroups).toHaveLength(2);
    expect(noLb.layout[lb.id]).toBeUndefined();
  });

  it("renames keep forwards, alternate groups and listener rule refs pointing at the renamed resource", () => {
    const { d: start, blue, green, lb } = blueGreen();
    let d = ok(rename(start, blue.id, "blue-tg")).design;
    d = ok(rename(d, green.id, "green2-tg")).design;
    d = ok(rename(d, lb.id, "shop-alb")).design;
    expect(d.loadBalancers![0].listeners![0].defaultAction.targetGroups).toEqual([{ targetGroupArn: "targetgroup/blue-tg" }]);
    expect(d.services[0].loadBalancers).toEqual([{
      targetGroupArn: "targetgroup/blue-tg", containerName: "app", containerPort: 80,
      advancedConfiguration: { alternateTargetGroupArn: "targetgroup/green2-tg", productionListenerRule: "listener-rule/shop-alb/80/default" },
    }]);
    const arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/0123456789abcdef";
    d = ok(setTargetGroupArn(d, blue.id, arn)).design;
    expect(d.loadBalancers![0].listeners![0].defaultAction.targetGroups![0].targetGroupArn).toBe(arn);
    expect(d.services[0].loadBalancers![0].targetGroupArn).toBe(arn);
    expect(rename(d, lb.id, "shop-alb").ok).toBe(true);
    const other = addLoadBalancer(d, { name: "other" }).design;
    expect(rename(other, lb.id, "other")).toEqual({ ok: false, reason: "A load balancer named other already exists." });
  });

  it("copies a load balancer with its groups: the paste gets new names and its forwards follow them", () => {
    let d = withAlbAndGroup();
    const lb = d.loadBalancers![0];
    const tg = d.targetGroups![0];
    d = ok(connect(d, lb.id, tg.id)).design;
    const clip = copySelection(d, [lb.id, tg.id]);
    expect(clip.loadBalancers).toHaveLength(1);
    const out = paste(d, clip);
    expect(out.design.loadBalancers!.map((l) => l.name)).toEqual(["web-alb", "web-alb-2"]);
    expect(out.design.loadBalancers![1].listeners![0].defaultAction.targetGroups).toEqual([{ targetGroupArn: "targetgroup/web-tg-2" }]);
    expect(out.design.loadBalancers![0]).toBe(d.loadBalancers![0]);
    expect(out.ids).toHaveLength(2);
    const edges = buildEdges(out.design).filter((e) => e.data.kind === "forward");
    expect(edges).toHaveLength(2);
  });
});

describe("Service Connect edges", () => {
  function connected(): Design {
    const d = sampleDesign();
    d.clusters[0].serviceConnectDefaults = { namespace: "shop.local" };
    d.taskDefinitions.push({ id: "td-api", family: "api", networkMode: "awsvpc", containerDefinitions: [{ name: "api", image: "api:1", portMappings: [{ containerPort: 8080, name: "http" }] }] });
    d.services[0].serviceConnectConfiguration = { enabled: true };
    d.services.push({
      id: "svc-api", serviceName: "api", cluster: "main", taskDefinition: "api",
      serviceConnectConfiguration: { enabled: true, services: [{ portName: "http", discoveryName: "api", clientAliases: [{ port: 8080 }] }] },
    });
    return d;
  }

  it("draws web → api:8080 from each client of the namespace to the service offering the alias", () => {
    const d = connected();
    d.services[1].serviceConnectConfiguration!.services![0].clientAliases = [{ port: 8080, dnsName: "api" }];
    expect(serviceConnectLinks(d)).toEqual([{ client: "svc-web", server: "svc-api", endpoint: "api:8080", namespace: "shop.local", entry: 0, alias: 0 }]);
    expect(buildEdges(d).find((e) => e.data.kind === "serviceConnect")).toMatchObject({ source: "svc-web", target: "svc-api", label: "api:8080" });
  });

  it("without a DNS name, names the endpoint discoveryName.namespace (or portName.namespace), as ECS does", () => {
    const d = connected();
    expect(serviceConnectLinks(d).map((l) => l.endpoint)).toEqual(["api.shop.local:8080"]);
    delete d.services[1].serviceConnectConfiguration!.services![0].discoveryName;
    expect(serviceConnectLinks(d).map((l) => l.endpoint)).toEqual(["http.shop.local:8080"]);
  });

  it("names the alias's DNS name when set, and keeps namespaces apart", () => {
    const d = connected();
    d.services[1].serviceConnectConfiguration!.services![0].clientAliases = [{ port: 80, dnsName: "api.internal" }];
    expect(serviceConnectLinks(d).map((l) => l.endpoint)).toEqual(["api.internal:80"]);
    d.services[0].serviceConnectConfiguration = { enabled: true, namespace: "other.local" };
    expect(serviceConnectLinks(d)).toEqual([]);
    d.services[0].serviceConnectConfiguration = { enabled: false, namespace: "shop.local" };
    expect(serviceConnectLinks(d)).toEqual([]);
  });

  it("is not deleted by deleting its edge (the namespace makes it)", () => {
    const d = connected();
    const e = buildEdges(d).find((x) => x.data.kind === "serviceConnect")!;
    expect(disconnect(d, e.id)).toBe(d);
  });
});

describe("load balancer and service forms", () => {
  const specs = (kind: "loadBalancer" | "service", label: string) => {
    const all = (list: FieldSpec[]): FieldSpec[] => list.flatMap((f) => [f, ...(f.type === "list" ? all(f.fields) : [])]);
    return all(FIELD_GROUPS[kind]!.flatMap((g) => g.fields)).find((f) => f.label === label)!;
  };

  it("switches an action's type to a complete action, and keeps a forward's groups", () => {
    const listener = { port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/a" }] } };
    const type = specs("loadBalancer", "Action");
    const fixed = type.write!(listener, "fixed-response");
    expect(fixed.defaultAction).toEqual({ type: "fixed-response", fixedResponse: { statusCode: "404", contentType: "text/plain" } });
    expect(type.write!(fixed, "forward").defaultAction).toEqual({ type: "forward", targetGroups: [] });
    expect(type.write!(listener, "forward").defaultAction).toEqual(listener.defaultAction);
  });

  it("edits a rule's path patterns as a list, dropping the condition with its last value", () => {
    const rule = { priority: 10, conditions: [{ field: "host-header", values: ["a.example.com"] }, { field: "path-pattern", values: ["/api/*"] }] };
    const paths = specs("loadBalancer", "Path patterns");
    expect(readField(paths, rule)).toEqual(["/api/*"]);
    expect(paths.write!(rule, ["/api/*", "/v2/*"]).conditions).toEqual([{ field: "host-header", values: ["a.example.com"] }, { field: "path-pattern", values: ["/api/*", "/v2/*"] }]);
    expect(paths.write!(rule, []).conditions).toEqual([{ field: "host-header", values: ["a.example.com"] }]);
  });

  it("shows a certificate only for HTTPS and TLS listeners, and rules only on ALBs", () => {
    const d = withAlbAndGroup();
    const r = resolveNode(d, d.loadBalancers![0].id)!;
    const cert = specs("loadBalancer", "Certificate (ACM ARN)");
    expect(cert.when!({ design: d, r, resource: { protocol: "HTTP" } })).toBe(false);
    expect(cert.when!({ design: d, r, resource: { protocol: "HTTPS" } })).toBe(true);
    const rules = specs("loadBalancer", "Rules");
    expect(rules.when!({ design: d, r, resource: {} })).toBe(true);
    const nlb = { ...r, loadBalancer: { ...d.loadBalancers![0], type: "network" as const } } as typeof r;
    expect(rules.when!({ design: d, r: nlb, resource: {} })).toBe(false);
  });

  it("edits a Service Connect endpoint's client alias as two fields", () => {
    const alias = specs("service", "Alias port");
    const dns = specs("service", "Alias DNS name");
    const entry = { portName: "http" };
    const withPort = alias.write!(entry, 8080);
    expect(withPort).toEqual({ portName: "http", clientAliases: [{ port: 8080 }] });
    expect(dns.write!(withPort, "api.internal")).toEqual({ portName: "http", clientAliases: [{ port: 8080, dnsName: "api.internal" }] });
    expect(readField(dns, dns.write!(withPort, "api.internal"))).toBe("api.internal");
    expect(alias.write!(withPort, undefined)).toEqual({ portName: "http" });
  });

  it("sets Service Connect on when a namespace is typed, so the design still parses", () => {
    const d = setNested(sampleDesign(), ["services", 0], ["serviceConnectConfiguration", "namespace"], "shop.local");
    expect(d.services[0].serviceConnectConfiguration).toEqual({ enabled: true, namespace: "shop.local" });
    expect(DesignSchema.safeParse(d).success).toBe(true);
  });
});

describe("listener rule refs follow listener ports and rule priorities", () => {
  /** web-alb with HTTP:80 (rule 10) and HTTP:8080, and a service naming the :80 default and rule 10 and the :8080 default. */
  function design(): Design {
    let d = withAlbAndGroup();
    const lb = d.loadBalancers![0];
    d = ok(connect(d, lb.id, d.targetGroups![0].id)).design;
    d = ok(connect(d, d.targetGroups![0].id, "svc-web")).design;
    d = ok(addListener(d, lb.id)).design;
    const [http, other] = d.loadBalancers![0].listeners!;
    http.rules = [{ priority: 10, conditions: [{ field: "path-pattern", values: ["/api/*"] }], action: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] } }];
    other.port = 8080;
    d.services[0].loadBalancers![0].advancedConfiguration = { productionListenerRule: "listener-rule/web-alb/80/10", testListenerRule: "listener-rule/web-alb/8080/default" };
    return d;
  }
  const listeners = FIELD_GROUPS.loadBalancer!.flatMap((g) => g.fields).find((f) => f.label === "Listeners") as Extract<FieldSpec, { type: "list" }>;
  const port = listeners.fields.find((f) => f.label === "Port")!;
  const rules = listeners.fields.find((f) => f.label === "Rules") as Extract<FieldSpec, { type: "list" }>;
  const priority = rules.fields.find((f) => f.label === "Priority")!;
  const adv = (d: Design) => d.services[0].loadBalancers![0].advancedConfiguration;

  it("moves refs with a listener's new port and a rule's new priority, as the inspector writes them", () => {
    let d = design();
    expect(DesignSchema.safeParse(d).success).toBe(true);
    d = writeField(d, ["loadBalancers", 0, "listeners", 0], port, 81);
    expect(adv(d)).toEqual({ productionListenerRule: "listener-rule/web-alb/81/10", testListenerRule: "listener-rule/web-alb/8080/default" });
    d = writeField(d, ["loadBalancers", 0, "listeners", 0, "rules", 0], priority, 20);
    expect(adv(d)).toEqual({ productionListenerRule: "listener-rule/web-alb/81/20", testListenerRule: "listener-rule/web-alb/8080/default" });
    d = writeField(d, ["loadBalancers", 0, "listeners", 1], port, 9090);
    expect(adv(d)?.testListenerRule).toBe("listener-rule/web-alb/9090/default");
    // Other edits of the load balancer leave the refs alone, and the result still validates as before.
    const same = writeField(d, ["loadBalancers", 0], FIELD_GROUPS.loadBalancer!.flatMap((g) => g.fields).find((f) => f.label === "Scheme")!, "internal");
    expect(same.services).toBe(d.services);
  });

  it("moves no ref when listeners are added or removed, or when two listeners shared the port", () => {
    const d = design();
    const lbs = d.loadBalancers![0].listeners!;
    const dropped = writeField(d, ["loadBalancers", 0], listeners, [lbs[1]]);
    expect(adv(dropped)).toEqual(adv(d));
    // Both on 8080 for a moment: moving one of them away cannot tell which the ref meant.
    const clash = writeField(d, ["loadBalancers", 0, "listeners", 0], port, 8080);
    expect(adv(clash)?.productionListenerRule).toBe("listener-rule/web-alb/8080/10");
    const apart = writeField(clash, ["loadBalancers", 0, "listeners", 1], port, 7070);
    expect(adv(apart)?.testListenerRule).toBe("listener-rule/web-alb/8080/default");
    expect(adv(apart)?.productionListenerRule).toBe("listener-rule/web-alb/8080/10");
  });
});
