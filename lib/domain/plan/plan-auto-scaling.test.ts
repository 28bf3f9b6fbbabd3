import { describe, expect, it } from "vitest";
import type { Design, Service } from "../design";
import { planAutoScaling, resolveResourceLabel } from "./plan-auto-scaling";
import { emptyLiveState } from "./index";
import type { LiveState } from "./types";

const LB = "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/web-alb/50dc6c495c0c9188";
const TG = "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg/943f017f100becff";
const alb: Service["autoScaling"] = {
  minCapacity: 1, maxCapacity: 4,
  policies: [{ policyName: "rps", policyType: "TargetTrackingScaling", targetTrackingScalingPolicyConfiguration: { targetValue: 500, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget" } } }],
};
function design(): Design {
  return {
    schemaVersion: 1, clusters: [{ id: "c", clusterName: "main" }], taskDefinitions: [], layout: {},
    services: [{ id: "svc", serviceName: "web", cluster: "main", taskDefinition: "web", loadBalancers: [{ targetGroupArn: "targetgroup/web-tg", containerName: "app", containerPort: 80 }], autoScaling: alb }],
    targetGroups: [{ id: "tg", name: "web-tg", targetType: "ip" }],
    loadBalancers: [{ id: "lb", name: "web-alb", type: "application", listeners: [{ port: 80, protocol: "HTTP", defaultAction: { type: "forward", targetGroups: [{ targetGroupArn: "targetgroup/web-tg" }] } }] }],
  };
}
const labelOf = (step: ReturnType<typeof planAutoScaling>) =>
  ((step?.calls.find((c) => c.operation === "PutScalingPolicy")?.input.TargetTrackingScalingPolicyConfiguration as Record<string, Record<string, unknown>>).PredefinedMetricSpecification).ResourceLabel;

describe("planAutoScaling", () => {
  it("derives ALBRequestCountPerTarget's resource label from the live load balancer and target group", () => {
    const d = design();
    const refs = new Map([["loadbalancer/web-alb", LB], ["targetgroup/web-tg", TG]]);
    const step = planAutoScaling(d.services[0], { design: d, live: emptyLiveState(), designId: "d", refs });
    expect(step?.action).toBe("create");
    expect(labelOf(step)).toBe("app/web-alb/50dc6c495c0c9188/targetgroup/web-tg/943f017f100becff");
    expect(step?.notes).toEqual([]);
  });
  it("leaves a reference for apply while they do not exist, resolved from the ARNs the creates return", () => {
    const d = design();
    const step = planAutoScaling(d.services[0], { design: d, live: emptyLiveState(), designId: "d", refs: new Map() });
    const label = String(labelOf(step));
    expect(label).toBe("resource-label:loadbalancer/web-alb|targetgroup/web-tg");
    expect(step?.notes.join(" ")).toContain("once apply has created them");
    expect(resolveResourceLabel(label, new Map([["loadbalancer/web-alb", LB], ["targetgroup/web-tg", TG]]))).toBe("app/web-alb/50dc6c495c0c9188/targetgroup/web-tg/943f017f100becff");
  });
  it("leaves the scaling of a service it did not create alone when the design has none", () => {
    const d = design();
    delete d.services[0].autoScaling;
    const live: LiveState = {
      ...emptyLiveState(),
      services: [{ serviceName: "web", clusterArn: "arn:aws:ecs:eu-west-1:1:cluster/main", status: "ACTIVE", tags: [] }],
      scaling: { "main/web": { target: { ServiceNamespace: "ecs", ResourceId: "service/main/web", ScalableDimension: "ecs:service:DesiredCount", MinCapacity: 1, MaxCapacity: 2, RoleARN: "r", CreationTime: new Date(0) }, policies: [], scheduledActions: [] } },
    };
    const step = planAutoScaling(d.services[0], { design: d, live, designId: "d", refs: new Map() });
    expect(step).toMatchObject({ action: "no-change", calls: [] });
    const owned = { ...live, services: [{ ...live.services[0], tags: [{ key: "stevedore:design", value: "d" }] }] };
    expect(planAutoScaling(d.services[0], { design: d, live: owned, designId: "d", refs: new Map() })?.calls.map((c) => c.operation)).toEqual(["DeregisterScalableTarget"]);
  });
});
