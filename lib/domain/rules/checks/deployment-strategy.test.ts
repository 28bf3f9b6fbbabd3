import { describe, expect, it } from "vitest";
import type { Service } from "../../design";

import { buildIndex } from "../engine";
import { design, service } from "../test-helpers";
import { deploymentStrategy } from "./deployment-strategy";

const index = buildIndex(design());
const TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/0123456789abcdef";
const GREEN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/green/0123456789abcdef";
const RULE = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef";
const ROLE = "arn:aws:iam::123456789012:role/ecs-infrastructure";
const behind = (advanced?: Record<string, string>) => [{ targetGroupArn: TG, containerName: "web", containerPort: 80, ...(advanced === undefined ? {} : { advancedConfiguration: advanced }) }];
const full = { alternateTargetGroupArn: GREEN, productionListenerRule: RULE, roleArn: ROLE };
const check = (over: Partial<Service>) => deploymentStrategy.check(service(over), { index });
const paths = (over: Partial<Service>) => check(over).map((f) => f.path.join("."));

describe("deployment-strategy", () => {
  it("accepts a rolling service, and blue/green, linear and canary behind a load balancer with both target groups", () => {
    expect(check({})).toEqual([]);
    expect(check({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 15 } })).toEqual([]);
    expect(check({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepPercent: 12.5, stepBakeTimeInMinutes: 3 } } })).toEqual([]);
    expect(check({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 0.1, canaryBakeTimeInMinutes: 1440 } } })).toEqual([]);
  });

  it("asks for something to shift traffic on, and the ECS deployment controller", () => {
    expect(paths({ deploymentConfiguration: { strategy: "CANARY" } })).toEqual(["deploymentConfiguration.strategy"]);
    // Service Connect is enough.
    expect(check({ deploymentConfiguration: { strategy: "CANARY" }, serviceConnectConfiguration: { enabled: true } } as Partial<Service>)).toEqual([]);
    const [f] = check({ loadBalancers: behind(full), deploymentController: { type: "CODE_DEPLOY" }, deploymentConfiguration: { strategy: "LINEAR" } });
    expect(f.message).toContain("ECS deployment controller");
    expect(f.fix?.edits).toEqual([{ path: ["deploymentController"], value: { type: "ECS" } }]);
  });

  it("asks a blue/green deployment for its bake time, and keeps bake times within 0–1440 minutes", () => {
    const [f] = check({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "BLUE_GREEN" } });
    expect(f.path).toEqual(["deploymentConfiguration", "bakeTimeInMinutes"]);
    expect(f.fix?.edits).toEqual([{ path: ["deploymentConfiguration", "bakeTimeInMinutes"], value: 10 }]);
    expect(paths({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 1441 } })).toEqual(["deploymentConfiguration.bakeTimeInMinutes"]);
    expect(paths({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepBakeTimeInMinutes: -1 } } })).toEqual(["deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes"]);
  });

  it("keeps traffic steps to multiples of 0.1 in ECS's ranges, and each configuration to its strategy", () => {
    const linear = check({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "LINEAR", linearConfiguration: { stepPercent: 2 } } });
    expect(linear.map((f) => [f.path.join("."), f.fix?.edits?.[0].value])).toEqual([["deploymentConfiguration.linearConfiguration.stepPercent", 3]]);
    expect(paths({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "CANARY", canaryConfiguration: { canaryPercent: 5.05 } } })).toEqual(["deploymentConfiguration.canaryConfiguration.canaryPercent"]);
    expect(paths({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "CANARY", linearConfiguration: { stepPercent: 10 } } })).toEqual(["deploymentConfiguration.linearConfiguration"]);
  });

  it("asks each load balancer for the alternate target group, the production rule and a role, and a second group that differs", () => {
    expect(paths({ loadBalancers: behind(), deploymentConfiguration: { strategy: "CANARY" } })).toEqual(["loadBalancers.0.advancedConfiguration"]);
    expect(check({ loadBalancers: behind({ alternateTargetGroupArn: GREEN }), deploymentConfiguration: { strategy: "CANARY" } })[0].message).toContain("productionListenerRule, roleArn");
    expect(paths({ loadBalancers: behind({ ...full, alternateTargetGroupArn: TG }), deploymentConfiguration: { strategy: "CANARY" } })).toEqual(["loadBalancers.0.advancedConfiguration.alternateTargetGroupArn"]);
    expect(paths({ loadBalancers: behind({ ...full, testListenerRule: RULE }), deploymentConfiguration: { strategy: "CANARY" } })).toEqual(["loadBalancers.0.advancedConfiguration.testListenerRule"]);
  });

  it("checks lifecycle hooks: stages named, a Lambda hook's function and role, no PAUSE while traffic moves", () => {
    const cfg = (hook: Record<string, unknown>): Partial<Service> => ({ loadBalancers: behind(full), deploymentConfiguration: { strategy: "CANARY", lifecycleHooks: [hook as never] } });
    expect(check(cfg({ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }))).toEqual([]);
    expect(paths(cfg({ lifecycleStages: ["POST_SCALE_UP"] }))).toEqual(["deploymentConfiguration.lifecycleHooks.0.hookTargetArn", "deploymentConfiguration.lifecycleHooks.0.roleArn"]);
    const [pause] = check(cfg({ targetType: "PAUSE", lifecycleStages: ["TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT"] }));
    expect(pause.fix?.edits).toEqual([{ path: ["deploymentConfiguration", "lifecycleHooks", 0, "lifecycleStages"], value: ["POST_TEST_TRAFFIC_SHIFT"] }]);
    expect(paths(cfg({ targetType: "PAUSE" }))).toEqual(["deploymentConfiguration.lifecycleHooks.0.lifecycleStages"]);
    // On a rolling service a hook never runs: a warning.
    const rolling = check({ deploymentConfiguration: { lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"] }] } });
    expect(rolling.map((f) => f.severity)).toEqual(["warning"]);
  });
});
