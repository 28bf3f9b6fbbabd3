import { describe, expect, it } from "vitest";
import { failureOf, steppedSandbox } from "../testing";
import { targetGroupsForTask } from "./load-balancing";

// Service deployments of every strategy, driven through the pure engine on a stepped clock.

type Sandbox = ReturnType<typeof steppedSandbox>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const td = (image: string, health = false) => ({
  family: "web", networkMode: "bridge",
  containerDefinitions: [{
    name: "web", image, memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }],
    ...(health ? { healthCheck: { command: ["CMD", "true"], interval: 5, retries: 2 } } : {}),
  }],
});

/** A web service behind an ALB: blue and green target groups, a production rule and a test rule on one listener. */
function behindAlb(deploymentConfiguration: Json, opts: { health?: boolean; test?: boolean; onDefaultRule?: boolean } = {}) {
  const sb = steppedSandbox(1, "eu-west-1");
  const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
  const subnets: string[] = sb.ec2("DescribeSubnets").subnetSet.map((s: Json) => s.subnetId);
  const lb = sb.elbv2("CreateLoadBalancer", { Name: "web", Subnets: subnets }).LoadBalancers[0];
  const tg = (name: string) => sb.elbv2("CreateTargetGroup", { Name: name, Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "instance", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn as string;
  const blue = tg("blue");
  const green = tg("green");
  // As ECS needs them, both groups are on the rules (green at weight 0), so both are in use and health checked.
  const both = [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 100 }, { TargetGroupArn: green, Weight: 0 }] } }];
  const listener = sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: both }).Listeners[0];
  const rule = (priority: number, conditions: Json[]) => sb.elbv2("CreateRule", {
    ListenerArn: listener.ListenerArn, Priority: priority, Conditions: conditions, Actions: both,
  }).Rules[0].RuleArn as string;
  const prod = opts.onDefaultRule
    ? sb.elbv2("DescribeRules", { ListenerArn: listener.ListenerArn }).Rules.find((r: Json) => r.IsDefault).RuleArn as string
    : rule(10, [{ Field: "path-pattern", Values: ["/*"] }]);
  const test = rule(5, [{ Field: "http-header", HttpHeaderConfig: { HttpHeaderName: "X-Test", Values: ["1"] } }]);
  sb.call("CreateCluster", { clusterName: "c" });
  sb.control({ action: "addInstances", region: "eu-west-1", cluster: "c", count: 4 });
  sb.call("RegisterTaskDefinition", td("app:1", opts.health));
  const advancedConfiguration = { alternateTargetGroupArn: green, productionListenerRule: prod, ...(opts.test === false ? {} : { testListenerRule: test }), roleArn: "arn:aws:iam::000000000000:role/ecs-elb" };
  const created = sb.call("CreateService", {
    cluster: "c", serviceName: "s", taskDefinition: "web:1", desiredCount: 2,
    loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration }],
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true }, ...deploymentConfiguration },
  }).service;
  expect(until(sb, () => latest(sb).status === "SUCCESSFUL")).toBe(true);
  sb.call("RegisterTaskDefinition", td("app:2", opts.health));
  return { sb, blue, green, prod, test, listener: listener.ListenerArn as string, created };
}

/**
 * Steps simulated time 5 s at a time until `done` holds (at most `limit` seconds): how long tasks
 * take to become healthy (container and target group checks, draining) is the scheduler's business.
 */
function until(sb: Sandbox, done: () => boolean, limit = 900): boolean {
  for (let t = 0; t < limit; t += 5) {
    if (done()) return true;
    sb.step(5);
  }
  return done();
}
const stage = (sb: Sandbox) => latest(sb).lifecycleStage;
const status = (sb: Sandbox) => latest(sb).status;
const deploy = (sb: Sandbox) => sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "web:2" });
const latest = (sb: Sandbox): Json => {
  const arn = sb.call("ListServiceDeployments", { cluster: "c", service: "s" }).serviceDeployments[0].serviceDeploymentArn;
  return sb.call("DescribeServiceDeployments", { serviceDeploymentArns: [arn] }).serviceDeployments[0];
};
/** Target group → weight of a rule's forward action. */
const weights = (sb: Sandbox, rule: string) => Object.fromEntries(
  sb.elbv2("DescribeRules", { RuleArns: [rule] }).Rules[0].Actions[0].ForwardConfig.TargetGroups.map((g: Json) => [g.TargetGroupArn, g.Weight]),
);
const running = (sb: Sandbox) => sb.call("DescribeTasks", { cluster: "c", tasks: sb.call("ListTasks", { cluster: "c" }).taskArns }).tasks
  .filter((t: Json) => t.lastStatus === "RUNNING").map((t: Json) => t.taskDefinitionArn.split("/").pop()).sort();
const service = (sb: Sandbox) => sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0];
const pausedHook = (sd: Json) => sd.lifecycleHookDetails.find((h: Json) => h.status === "AWAITING_ACTION");

describe("service deployments", () => {
  it("records a rolling deployment per Create/UpdateService, with its revisions, as ECS reports them", () => {
    const sb = steppedSandbox();
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", cluster: "c", count: 2 });
    sb.call("RegisterTaskDefinition", td("app:1"));
    sb.call("CreateService", { cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 2 });
    expect(latest(sb)).toMatchObject({ status: "IN_PROGRESS", sourceServiceRevisions: [], targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 0, pendingTaskCount: 2 } });
    sb.step(30);
    const first = latest(sb);
    expect(first.serviceDeploymentArn).toMatch(/^arn:aws:ecs:us-east-1:000000000000:service-deployment\/c\/s\/[A-Za-z0-9_-]{22}$/);
    expect(first).toMatchObject({
      status: "SUCCESSFUL", deploymentCircuitBreaker: { status: "DISABLED", failureCount: 0, threshold: 3 }, alarms: { status: "DISABLED" },
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 }, targetServiceRevision: { runningTaskCount: 2 },
    });
    expect(first.lifecycleStage).toBeUndefined();
    expect(first.finishedAt).toBeGreaterThan(first.startedAt);
    sb.call("RegisterTaskDefinition", td("app:2"));
    deploy(sb);
    const second = latest(sb);
    expect(second.sourceServiceRevisions).toEqual([{ arn: first.targetServiceRevision.arn, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 }]);
    sb.step(60);
    expect(latest(sb).status).toBe("SUCCESSFUL");
    const list = sb.call("ListServiceDeployments", { cluster: "c", service: "s" }).serviceDeployments;
    expect(list.map((x: Json) => x.status)).toEqual(["SUCCESSFUL", "SUCCESSFUL"]);
    expect(list[0]).toMatchObject({ serviceArn: "arn:aws:ecs:us-east-1:000000000000:service/c/s", clusterArn: "arn:aws:ecs:us-east-1:000000000000:cluster/c", targetServiceRevisionArn: second.targetServiceRevision.arn });
    expect(sb.call("ListServiceDeployments", { cluster: "c", service: "s", maxResults: 1 }).nextToken).toBeDefined();
    expect(sb.call("ListServiceDeployments", { cluster: "c", service: "s", status: ["IN_PROGRESS"] }).serviceDeployments).toEqual([]);
    expect(sb.call("ListServiceDeployments", { cluster: "c", service: "s", createdAt: { before: first.createdAt } }).serviceDeployments).toHaveLength(1);
    const revisions = sb.call("DescribeServiceRevisions", { serviceRevisionArns: [second.targetServiceRevision.arn, "arn:aws:ecs:us-east-1:000000000000:service-revision/c/s/1"] });
    expect(revisions.serviceRevisions[0]).toMatchObject({
      serviceArn: "arn:aws:ecs:us-east-1:000000000000:service/c/s", taskDefinition: "arn:aws:ecs:us-east-1:000000000000:task-definition/web:2",
      containerImages: [{ containerName: "web", image: "app:2" }], guardDutyEnabled: false,
    });
    expect(revisions.serviceRevisions[0].serviceRevisionArn).toMatch(/service-revision\/c\/s\/\d{19}$/);
    expect(revisions.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:service-revision/c/s/1", reason: "MISSING" }]);
  });

  it("answers ECS's errors", () => {
    const { sb } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 1 });
    const missing = "arn:aws:ecs:eu-west-1:000000000000:service-deployment/c/s/AAAAAAAAAAAAAAAAAAAAAA";
    expect(failureOf(() => sb.call("ListServiceDeployments", { cluster: "nope", service: "s" })).code).toBe("ClusterNotFoundException");
    expect(failureOf(() => sb.call("ListServiceDeployments", { cluster: "c", service: "nope" })).code).toBe("ServiceNotFoundException");
    expect(failureOf(() => sb.call("ListServiceDeployments", { cluster: "c", service: "s", maxResults: 101 })).code).toBe("InvalidParameterException");
    expect(failureOf(() => sb.call("DescribeServiceDeployments", { serviceDeploymentArns: Array(21).fill(missing) })).code).toBe("InvalidParameterException");
    expect(sb.call("DescribeServiceDeployments", { serviceDeploymentArns: [missing] }).failures).toEqual([{ arn: missing, reason: "MISSING" }]);
    expect(failureOf(() => sb.call("ContinueServiceDeployment", { serviceDeploymentArn: missing, hookId: "x" })).code).toBe("ServiceDeploymentNotFoundException");
    expect(failureOf(() => sb.call("StopServiceDeployment", { serviceDeploymentArn: missing, stopType: "ROLLBACK" })).code).toBe("ServiceDeploymentNotFoundException");
    const done = latest(sb).serviceDeploymentArn;
    expect(failureOf(() => sb.call("StopServiceDeployment", { serviceDeploymentArn: done, stopType: "ROLLBACK" })).code).toBe("ConflictException");
    expect(failureOf(() => sb.call("ContinueServiceDeployment", { serviceDeploymentArn: done, hookId: "x" })).code).toBe("InvalidParameterException");
  });

  it("refuses a traffic-shifting strategy its load balancers cannot carry, and PAUSE hooks where traffic moves", () => {
    const { sb, blue, prod, listener } = behindAlb({});
    const update = (loadBalancers: Json[], deploymentConfiguration: Json) => failureOf(() => sb.call("UpdateService", { cluster: "c", service: "s", loadBalancers, deploymentConfiguration }));
    const lb = { targetGroupArn: blue, containerName: "web", containerPort: 80 };
    expect(update([lb], { strategy: "BLUE_GREEN" }).code).toBe("InvalidParameterException");
    expect(update([{ ...lb, advancedConfiguration: { alternateTargetGroupArn: blue, productionListenerRule: prod } }], { strategy: "CANARY" }).message)
      .toBe("The alternate target group must be different from the target group of the load balancer.");
    expect(update([{ ...lb, advancedConfiguration: { alternateTargetGroupArn: "arn:x", productionListenerRule: listener } }], { strategy: "CANARY" }).message)
      .toBe(`productionListenerRule has an invalid ARN format. Must be RuleArn for ALB or ListenerArn for NLB. Got: ${listener}`);
    expect(update([{ ...lb, advancedConfiguration: { alternateTargetGroupArn: "arn:x", productionListenerRule: prod, testListenerRule: prod } }], { strategy: "CANARY" }).message)
      .toBe(`The following rules cannot be used as both production and test listener rules: ${prod}`);
    expect(failureOf(() => sb.call("UpdateService", { cluster: "c", service: "s", deploymentConfiguration: { lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["TEST_TRAFFIC_SHIFT"] }] } })).message)
      .toBe("PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages.");
  });

  it("runs a blue/green deployment: green beside blue in the alternate target group, test then production traffic, bake, clean-up, roles swapped", () => {
    const { sb, blue, green, prod, test } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 5 });
    expect(latest(sb).status).toBe("SUCCESSFUL");
    deploy(sb);
    expect(latest(sb)).toMatchObject({ status: "IN_PROGRESS", lifecycleStage: "SCALE_UP" });
    expect(until(sb, () => stage(sb) === "BAKE_TIME")).toBe(true);
    expect(running(sb)).toEqual(["web:1", "web:1", "web:2", "web:2"]);
    const sd = latest(sb);
    expect(sd).toMatchObject({
      lifecycleStage: "BAKE_TIME",
      targetServiceRevision: { requestedTaskCount: 2, runningTaskCount: 2, requestedProductionTrafficWeight: 100, requestedTestTrafficWeight: 100 },
      sourceServiceRevisions: [{ runningTaskCount: 2, requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 0 }],
      deploymentCircuitBreaker: { status: "MONITORING", failureCount: 0, threshold: 3 },
    });
    expect(weights(sb, prod)).toEqual({ [blue]: 0, [green]: 100 });
    expect(weights(sb, test)).toEqual({ [blue]: 0, [green]: 100 });
    const revision = sb.call("DescribeServiceRevisions", { serviceRevisionArns: [sd.targetServiceRevision.arn] }).serviceRevisions[0];
    expect(revision.resolvedConfiguration).toEqual({ loadBalancers: [{ targetGroupArn: green, productionListenerRule: prod }] });
    const world = sb.world();
    const greenTask = Object.values(world.tasks).find((t) => t.taskDefinitionArn.endsWith("web:2"))!;
    expect(targetGroupsForTask(world, world.services[greenTask.serviceArn!], greenTask)).toEqual([{ targetGroupArn: green, containerName: "web", containerPort: 80 }]);
    expect(service(sb).deployments.map((d: Json) => [d.status, d.taskDefinition.split("/").pop()])).toEqual([["PRIMARY", "web:2"], ["ACTIVE", "web:1"]]);
    sb.step(4 * 60);
    expect(latest(sb).lifecycleStage).toBe("BAKE_TIME");
    sb.step(60);
    expect(latest(sb).lifecycleStage).toBe("CLEAN_UP");
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
    expect(latest(sb)).toMatchObject({ lifecycleStage: "CLEAN_UP", deploymentCircuitBreaker: { status: "MONITORING_COMPLETE" } });
    expect(running(sb)).toEqual(["web:2", "web:2"]);
    expect(until(sb, () => service(sb).deployments.length === 1 && service(sb).events[0].message === "(service s) has reached a steady state.")).toBe(true);
    // The next deployment goes the other way: green's target group now serves production.
    sb.call("RegisterTaskDefinition", td("app:3"));
    sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "web:3" });
    expect(weights(sb, prod)).toEqual({ [green]: 100, [blue]: 0 });
    expect(until(sb, () => weights(sb, prod)[blue] === 100)).toBe(true);
    expect(weights(sb, prod)).toEqual({ [green]: 0, [blue]: 100 });
  });

  it("pauses a canary at PRE_PRODUCTION_TRAFFIC_SHIFT before each step until ContinueServiceDeployment", () => {
    const hooks = [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }];
    const { sb, blue, green, prod } = behindAlb({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, lifecycleHooks: hooks });
    deploy(sb);
    expect(until(sb, () => stage(sb) === "PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe(true);
    let sd = latest(sb);
    const first = pausedHook(sd);
    expect(first).toMatchObject({ targetType: "PAUSE", status: "AWAITING_ACTION", timeoutAction: "ROLLBACK" });
    expect(first.expiresAt - sd.updatedAt).toBe(1440 * 60);
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(sb.call("ContinueServiceDeployment", { serviceDeploymentArn: sd.serviceDeploymentArn, hookId: first.hookId })).toEqual({ serviceDeploymentArn: sd.serviceDeploymentArn });
    expect(weights(sb, prod)).toEqual({ [blue]: 90, [green]: 10 });
    expect(latest(sb)).toMatchObject({ lifecycleStage: "PRODUCTION_TRAFFIC_SHIFT", targetServiceRevision: { requestedProductionTrafficWeight: 10 } });
    expect(failureOf(() => sb.call("ContinueServiceDeployment", { serviceDeploymentArn: sd.serviceDeploymentArn, hookId: first.hookId })).code).toBe("InvalidParameterException");
    sb.step(5 * 60);
    sd = latest(sb);
    expect(sd.lifecycleStage).toBe("PRE_PRODUCTION_TRAFFIC_SHIFT");
    const second = pausedHook(sd);
    expect(second.hookId).not.toBe(first.hookId);
    expect(second.hookId).toMatch(/^ecs-pause-[A-Za-z0-9_-]{43}$/);
    expect(weights(sb, prod)).toEqual({ [blue]: 90, [green]: 10 });
    sb.call("ContinueServiceDeployment", { serviceDeploymentArn: sd.serviceDeploymentArn, hookId: second.hookId, action: "CONTINUE" });
    expect(weights(sb, prod)).toEqual({ [blue]: 0, [green]: 100 });
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
  });

  it("shifts a linear deployment stepPercent at a time, stepBakeTimeInMinutes apart", () => {
    const { sb, blue, green, prod } = behindAlb({ strategy: "LINEAR", linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 } }, { test: false });
    deploy(sb);
    expect(until(sb, () => weights(sb, prod)[green] === 25)).toBe(true);
    const seen = [weights(sb, prod)[green]];
    for (let i = 0; i < 3; i++) { sb.step(120); seen.push(weights(sb, prod)[green]); }
    expect(seen).toEqual([25, 50, 75, 100]);
    expect(weights(sb, prod)[blue]).toBe(0);
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
  });

  it("takes all 34 steps of a 3 % linear deployment without bake times at once", () => {
    const { sb, green, prod } = behindAlb({ strategy: "LINEAR", linearConfiguration: { stepPercent: 3, stepBakeTimeInMinutes: 0 } });
    deploy(sb);
    expect(until(sb, () => weights(sb, prod)[green] === 100)).toBe(true);
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
  });

  it("rolls back when a PAUSE hook times out with the ROLLBACK action", () => {
    const hooks = [{ targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"], timeoutConfiguration: { timeoutInMinutes: 2, action: "ROLLBACK" } }];
    const { sb } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: hooks });
    deploy(sb);
    expect(until(sb, () => stage(sb) === "POST_SCALE_UP")).toBe(true);
    const { expiresAt } = latest(sb).lifecycleHookDetails[0];
    sb.step(115);
    expect(status(sb)).toBe("IN_PROGRESS");
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL")).toBe(true);
    const sd = latest(sb);
    expect(sd).toMatchObject({ lifecycleHookDetails: [{ status: "TIMED_OUT" }], rollback: { startedAt: expiresAt, serviceRevisionArn: sd.sourceServiceRevisions[0].arn } });
    expect(running(sb)).toEqual(["web:1", "web:1"]);
    expect(service(sb).taskDefinition).toMatch(/web:1$/);
  });

  it("continues when a PAUSE hook times out with the CONTINUE action", () => {
    const hooks = [{ targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], timeoutConfiguration: { timeoutInMinutes: 1, action: "CONTINUE" } }];
    const { sb } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: hooks });
    deploy(sb);
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
    expect(latest(sb)).toMatchObject({ lifecycleHookDetails: [{ status: "TIMED_OUT", timeoutAction: "CONTINUE" }] });
  });

  it("rolls back on a failed Lambda hook (the sandbox's setHookOutcome), traffic back on blue", () => {
    const fn = "arn:aws:lambda:eu-west-1:000000000000:function:smoke";
    const hooks = [{ targetType: "AWS_LAMBDA", hookTargetArn: fn, roleArn: "arn:aws:iam::000000000000:role/hook", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] }];
    const { sb, blue, green, test, prod } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: hooks });
    sb.control({ action: "setHookOutcome", region: "eu-west-1", hookTargetArn: fn, outcome: "FAILED" });
    deploy(sb);
    expect(until(sb, () => status(sb).startsWith("ROLLBACK_"))).toBe(true);
    const sd = latest(sb);
    expect(sd.lifecycleHookDetails).toEqual([{ hookId: expect.stringMatching(/^ecs-lambda-/), targetType: "AWS_LAMBDA", targetArn: fn, status: "FAILED", expiresAt: expect.any(Number), timeoutAction: "ROLLBACK" }]);
    expect(sd.rollback.reason).toBe(`Lifecycle hook ${fn} failed at POST_TEST_TRAFFIC_SHIFT.`);
    expect(weights(sb, test)).toEqual({ [blue]: 100, [green]: 0 });
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL")).toBe(true);
    expect(running(sb)).toEqual(["web:1", "web:1"]);
    const [primary] = service(sb).deployments;
    expect(service(sb).deployments.map((d: Json) => d.status)).toEqual(["PRIMARY"]);
    expect(service(sb).events.some((e: Json) => new RegExp(`^\\(service s\\) \\(deployment ecs-svc/\\d+\\) rolling back to deployment ${primary.id}\\.$`).test(e.message))).toBe(true);
  });

  it("rolls back a canary whose green tasks fail their health checks when the circuit breaker trips", () => {
    const { sb, blue, green, prod } = behindAlb({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } }, { health: true });
    expect(latest(sb).status).toBe("SUCCESSFUL");
    sb.control({ action: "failHealthCheck", region: "eu-west-1", image: "app:2" });
    deploy(sb);
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL", 1800)).toBe(true);
    const sd = latest(sb);
    expect(sd).toMatchObject({ statusReason: "ECS deployment circuit breaker: tasks failed to start.", deploymentCircuitBreaker: { status: "TRIGGERED", threshold: 3 } });
    // Both green tasks fail their checks at the same instant: the count may pass the threshold by one.
    expect(sd.deploymentCircuitBreaker.failureCount).toBeGreaterThanOrEqual(3);
    expect(sd.lifecycleStage).toBe("SCALE_UP");
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(running(sb)).toEqual(["web:1", "web:1"]);
    expect(service(sb).events.some((e: Json) => /deployment failed: ECS deployment circuit breaker/.test(e.message))).toBe(true);
  });

  it("rolls back on StopServiceDeployment during the bake time, and a rolling deployment to its source revision", () => {
    const { sb, blue, green, prod } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 10 });
    deploy(sb);
    expect(until(sb, () => stage(sb) === "BAKE_TIME")).toBe(true);
    let sd = latest(sb);
    expect(failureOf(() => sb.call("StopServiceDeployment", { serviceDeploymentArn: sd.serviceDeploymentArn, stopType: "ABORT" })).code).toBe("InvalidParameterException");
    sb.call("StopServiceDeployment", { serviceDeploymentArn: sd.serviceDeploymentArn, stopType: "ROLLBACK" });
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL")).toBe(true);
    sd = latest(sb);
    expect(sd).toMatchObject({ rollback: { reason: "Service deployment rolled back because of a StopServiceDeployment request." } });
    expect(running(sb)).toEqual(["web:1", "web:1"]);

    sb.call("UpdateService", { cluster: "c", service: "s", deploymentConfiguration: { strategy: "ROLLING" } });
    deploy(sb);
    sb.call("StopServiceDeployment", { serviceDeploymentArn: latest(sb).serviceDeploymentArn, stopType: "ROLLBACK" });
    expect(latest(sb).status).toBe("ROLLBACK_IN_PROGRESS");
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL")).toBe(true);
    expect(until(sb, () => running(sb).join() === "web:1,web:1")).toBe(true);
  });

  it("follows a rolling deployment the circuit breaker rolls back", () => {
    const { sb } = behindAlb({});
    sb.control({ action: "failImagePull", region: "eu-west-1", image: "app:2" });
    deploy(sb);
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL", 1800)).toBe(true);
    const sd = latest(sb);
    expect(sd).toMatchObject({
      statusReason: "ECS deployment circuit breaker: tasks failed to start.",
      rollback: { reason: "Circuit breaker triggered a rollback.", serviceRevisionArn: sd.sourceServiceRevisions[0].arn },
      deploymentCircuitBreaker: { status: "TRIGGERED", threshold: 3 },
    });
    expect(running(sb)).toEqual(["web:1", "web:1"]);
  });

  it("stops a paused deployment a newer one supersedes, and the deployments of a deleted service", () => {
    const hooks = [{ targetType: "PAUSE", lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"] }];
    const { sb, blue, green, prod } = behindAlb({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 }, lifecycleHooks: hooks });
    deploy(sb);
    expect(until(sb, () => stage(sb) === "PRE_PRODUCTION_TRAFFIC_SHIFT")).toBe(true);
    const paused = latest(sb);
    sb.call("ContinueServiceDeployment", { serviceDeploymentArn: paused.serviceDeploymentArn, hookId: pausedHook(paused).hookId });
    expect(weights(sb, prod)).toEqual({ [blue]: 90, [green]: 10 });
    sb.call("RegisterTaskDefinition", td("app:3"));
    sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "web:3" });
    const [newer, older] = sb.call("ListServiceDeployments", { cluster: "c", service: "s" }).serviceDeployments;
    expect(older).toMatchObject({ status: "STOPPED", statusReason: "The service deployment was superseded by a newer one." });
    const sd = sb.call("DescribeServiceDeployments", { serviceDeploymentArns: [newer.serviceDeploymentArn] }).serviceDeployments[0];
    expect(sd.sourceServiceRevisions).toHaveLength(2);
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(until(sb, () => running(sb).join() === "web:1,web:1,web:3,web:3")).toBe(true);
    sb.call("DeleteService", { cluster: "c", service: "s", force: true });
    expect(latest(sb)).toMatchObject({ status: "STOPPED", statusReason: "The service was deleted." });
  });

  it("shifts the listener's default rule (and so its default actions), in per mille for tenths of a percent", () => {
    const { sb, blue, green, prod, listener } = behindAlb({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 2.5, canaryBakeTimeInMinutes: 1 } }, { onDefaultRule: true, test: false });
    deploy(sb);
    expect(until(sb, () => weights(sb, prod)[green] === 25)).toBe(true);
    expect(weights(sb, prod)).toEqual({ [blue]: 975, [green]: 25 });
    const defaults = () => sb.elbv2("DescribeListeners", { ListenerArns: [listener] }).Listeners[0].DefaultActions[0].ForwardConfig.TargetGroups;
    expect(defaults()).toEqual([{ TargetGroupArn: blue, Weight: 975 }, { TargetGroupArn: green, Weight: 25 }]);
    expect(latest(sb).targetServiceRevision.requestedProductionTrafficWeight).toBe(2.5);
    sb.step(60);
    expect(defaults()).toEqual([{ TargetGroupArn: blue, Weight: 0 }, { TargetGroupArn: green, Weight: 100 }]);
  });

  it("puts the green target group on the production rule at weight 0 when the deployment scales up", () => {
    const { sb, blue, green, prod } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: [{ targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"] }] }, { test: false });
    sb.elbv2("ModifyRule", { RuleArn: prod, Actions: [{ Type: "forward", TargetGroupArn: blue }] });
    expect(weights(sb, prod)).toEqual({ [blue]: 1 });
    deploy(sb);
    expect(weights(sb, prod)).toEqual({ [blue]: 100, [green]: 0 });
    expect(until(sb, () => stage(sb) === "POST_SCALE_UP")).toBe(true);
  });

  it("shifts a Network Load Balancer's listener when productionListenerRule is the listener", () => {
    const sb = steppedSandbox(1, "eu-west-1");
    const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
    const subnets: string[] = sb.ec2("DescribeSubnets").subnetSet.map((x: Json) => x.subnetId);
    const nlb = sb.elbv2("CreateLoadBalancer", { Name: "tcp", Type: "network", Subnets: subnets }).LoadBalancers[0];
    const tg = (name: string) => sb.elbv2("CreateTargetGroup", { Name: name, Protocol: "TCP", Port: 80, VpcId: vpcId, TargetType: "instance", HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn as string;
    const [blue, green] = [tg("blue"), tg("green")];
    const listener = sb.elbv2("CreateListener", {
      LoadBalancerArn: nlb.LoadBalancerArn, Protocol: "TCP", Port: 80,
      DefaultActions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 100 }, { TargetGroupArn: green, Weight: 0 }] } }],
    }).Listeners[0].ListenerArn as string;
    sb.call("CreateCluster", { clusterName: "c" });
    sb.control({ action: "addInstances", region: "eu-west-1", cluster: "c", count: 4 });
    sb.call("RegisterTaskDefinition", td("app:1"));
    sb.call("CreateService", {
      cluster: "c", serviceName: "s", taskDefinition: "web:1", desiredCount: 1,
      loadBalancers: [{ targetGroupArn: blue, containerName: "web", containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: listener, roleArn: "arn:aws:iam::000000000000:role/ecs-elb" } }],
      deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: 0 },
    });
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
    sb.call("RegisterTaskDefinition", td("app:2"));
    deploy(sb);
    const defaults = () => sb.elbv2("DescribeListeners", { ListenerArns: [listener] }).Listeners[0].DefaultActions[0].ForwardConfig.TargetGroups;
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);
    expect(defaults()).toEqual([{ TargetGroupArn: blue, Weight: 0 }, { TargetGroupArn: green, Weight: 100 }]);
  });

  it("invokes a Lambda hook that answers IN_PROGRESS again every 30 s, and rolls back when it times out", () => {
    const fn = "arn:aws:lambda:eu-west-1:000000000000:function:slow";
    const hook = { targetType: "AWS_LAMBDA", hookTargetArn: fn, roleArn: "arn:aws:iam::000000000000:role/hook", lifecycleStages: ["POST_SCALE_UP"], timeoutConfiguration: { timeoutInMinutes: 5 } };
    const { sb } = behindAlb({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0, lifecycleHooks: [hook] });
    sb.control({ action: "setHookOutcome", region: "eu-west-1", hookTargetArn: fn, outcome: "IN_PROGRESS" });
    deploy(sb);
    expect(until(sb, () => stage(sb) === "POST_SCALE_UP")).toBe(true);
    expect(latest(sb).lifecycleHookDetails[0]).toMatchObject({ status: "IN_PROGRESS", targetArn: fn });
    sb.step(60);
    expect(stage(sb)).toBe("POST_SCALE_UP");
    sb.control({ action: "setHookOutcome", region: "eu-west-1", hookTargetArn: fn, outcome: "SUCCEEDED" });
    sb.step(30);
    expect(latest(sb).lifecycleHookDetails[0].status).toBe("SUCCEEDED");
    expect(until(sb, () => status(sb) === "SUCCESSFUL")).toBe(true);

    sb.control({ action: "setHookOutcome", region: "eu-west-1", hookTargetArn: fn, outcome: "IN_PROGRESS" });
    sb.call("RegisterTaskDefinition", td("app:3"));
    sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "web:3" });
    expect(until(sb, () => stage(sb) === "POST_SCALE_UP")).toBe(true);
    sb.step(4 * 60);
    expect(status(sb)).toBe("IN_PROGRESS");
    expect(until(sb, () => status(sb) === "ROLLBACK_SUCCESSFUL")).toBe(true);
    expect(latest(sb).lifecycleHookDetails[0].status).toBe("TIMED_OUT");
  });
});
