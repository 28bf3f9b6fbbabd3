import { describe, expect, it } from "vitest";
import { listenerTraffic } from "../core/traffic";
import { failureOf, steppedSandbox } from "../testing";

type Sandbox = ReturnType<typeof steppedSandbox>;
type Health = { Target: { Id: string; Port: number }; TargetHealth: { State: string; Reason?: string; Description?: string } };
type Event = { message: string };

/** eu-west-1 with an ALB, an HTTP listener on 80 and a target group (10 s checks, 2 to decide), a cluster "c" and a task definition. */
function world(opts: { targetType?: "ip" | "instance"; listener?: boolean } = {}) {
  const sb = steppedSandbox(1, "eu-west-1");
  const vpcId: string = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
  const subnets: string[] = sb.ec2("DescribeSubnets").subnetSet.map((s: { subnetId: string }) => s.subnetId);
  const lb = sb.elbv2("CreateLoadBalancer", { Name: "web", Subnets: subnets }).LoadBalancers[0];
  const tg = sb.elbv2("CreateTargetGroup", {
    Name: "web", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: opts.targetType ?? "ip",
    HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2,
  }).TargetGroups[0];
  if (opts.listener !== false) {
    sb.elbv2("CreateListener", { LoadBalancerArn: lb.LoadBalancerArn, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "forward", TargetGroupArn: tg.TargetGroupArn }] });
  }
  sb.call("CreateCluster", { clusterName: "c" });
  const awsvpc = (opts.targetType ?? "ip") === "ip";
  sb.call("RegisterTaskDefinition", {
    family: "web", networkMode: awsvpc ? "awsvpc" : "bridge", requiresCompatibilities: awsvpc ? ["FARGATE"] : ["EC2"],
    cpu: "256", memory: "512",
    containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80, ...(awsvpc ? {} : { hostPort: 0 }) }] }],
  });
  return { sb, tgArn: tg.TargetGroupArn as string, subnets, lbArn: lb.LoadBalancerArn as string };
}

const fargate = (subnets: string[]) => ({ launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets } } });
const service = (sb: Sandbox, tgArn: string, subnets: string[], extra: object = {}) => sb.call("CreateService", {
  cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 2, ...fargate(subnets),
  loadBalancers: [{ targetGroupArn: tgArn, containerName: "web", containerPort: 80 }], ...extra,
}).service;
const health = (sb: Sandbox, tgArn: string): Health[] => sb.elbv2("DescribeTargetHealth", { TargetGroupArn: tgArn }).TargetHealthDescriptions;
const describeSvc = (sb: Sandbox) => sb.call("DescribeServices", { cluster: "c", services: ["s"] }).services[0];
const tasksOf = (sb: Sandbox, desiredStatus = "RUNNING") => {
  const arns = sb.call("ListTasks", { cluster: "c", desiredStatus }).taskArns;
  return arns.length ? sb.call("DescribeTasks", { cluster: "c", tasks: arns }).tasks : [];
};
const ipOf = (t: { attachments: { details: { name: string; value: string }[] }[] }) => t.attachments[0].details.find((d) => d.name === "privateIPv4Address")!.value;

describe("services behind a target group", () => {
  it("checks loadBalancers as ECS does", () => {
    const { sb, tgArn, subnets } = world();
    const create = (lb: object, extra: object = {}) => failureOf(() => sb.call("CreateService", {
      cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 1, ...fargate(subnets), loadBalancers: [lb], ...extra,
    }));
    const invalid = (message: string) => ({ code: "InvalidParameterException", message });
    const missing = tgArn.replace(/[0-9a-f]{16}$/, "0123456789abcdef");
    expect(create({ targetGroupArn: missing, containerName: "web", containerPort: 80 })).toEqual(invalid(
      "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions."));
    expect(create({ targetGroupArn: tgArn, containerName: "api", containerPort: 80 })).toEqual(invalid("The container api does not exist in the task definition."));
    expect(create({ targetGroupArn: tgArn, containerName: "web", containerPort: 8080 })).toEqual(invalid("The container web did not have a container port 8080 defined."));
    expect(create({ targetGroupArn: tgArn, containerPort: 80 })).toEqual(invalid("Container Name can not be blank."));

    const other = world({ targetType: "instance" });
    other.sb.call("RegisterTaskDefinition", {
      family: "vpc", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }] }],
    });
    expect(failureOf(() => other.sb.call("CreateService", {
      cluster: "c", serviceName: "s", taskDefinition: "vpc", desiredCount: 1, ...fargate(other.subnets),
      loadBalancers: [{ targetGroupArn: other.tgArn, containerName: "web", containerPort: 80 }],
    }))).toEqual(invalid(`The provided target group ${other.tgArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`));

    service(sb, tgArn, subnets, { desiredCount: 0 });
    sb.call("RegisterTaskDefinition", {
      family: "api", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: "api", image: "api", portMappings: [{ containerPort: 80 }] }],
    });
    expect(failureOf(() => sb.call("UpdateService", { cluster: "c", service: "s", taskDefinition: "api" })))
      .toEqual(invalid("The container web does not exist in the task definition."));
    expect(describeSvc(sb).taskDefinition).toMatch(/:task-definition\/web:1$/);
    sb.call("DeleteService", { cluster: "c", service: "s" });

    const unattached = world({ listener: false });
    expect(failureOf(() => service(unattached.sb, unattached.tgArn, unattached.subnets)))
      .toEqual(invalid(`The target group with targetGroupArn ${unattached.tgArn} does not have an associated load balancer.`));
  });

  it("registers RUNNING tasks by ENI address and container port, initial until two passing checks, then healthy and steady", () => {
    const { sb, tgArn, subnets } = world();
    service(sb, tgArn, subnets);
    sb.step(5); // provisioning 1 s + pull 3 s + activating 1 s
    const tasks = tasksOf(sb);
    expect(tasks.map((t: { lastStatus: string }) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
    const initial = health(sb, tgArn);
    expect(initial.map((h) => h.Target.Id).sort()).toEqual(tasks.map(ipOf).sort());
    for (const ip of tasks.map(ipOf)) expect(ip).toMatch(/^172\.31\.(\d|[1-3]\d|4[0-7])\.\d+$/); // the default subnets of the VPC
    expect(initial.map((h) => [h.Target.Port, h.TargetHealth])).toEqual([
      [80, { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" }],
      [80, { State: "initial", Reason: "Elb.RegistrationInProgress", Description: "Target registration is in progress" }],
    ]);
    sb.step(10);
    expect(health(sb, tgArn).map((h) => h.TargetHealth.Reason)).toEqual(["Elb.InitialHealthChecking", "Elb.InitialHealthChecking"]);
    expect(describeSvc(sb).events.some((e: Event) => e.message === "(service s) has reached a steady state.")).toBe(false);
    sb.step(10);
    expect(health(sb, tgArn).map((h) => h.TargetHealth)).toEqual([{ State: "healthy" }, { State: "healthy" }]);
    expect(describeSvc(sb).events[0].message).toBe("(service s) has reached a steady state.");
  });

  it("replaces a task whose container fails the group's checks: event, deregistered and draining, then stopped", () => {
    const { sb, tgArn, subnets } = world();
    service(sb, tgArn, subnets);
    sb.step(30);
    const [sick] = tasksOf(sb);
    sb.control({ action: "failHealthCheck", region: "eu-west-1", cluster: "c", task: sick.taskArn });
    sb.step(10);
    expect(health(sb, tgArn).find((h) => h.Target.Id === ipOf(sick))!.TargetHealth.State).toBe("healthy");
    sb.step(10);
    const id = sick.taskArn.split("/").pop();
    const events = describeSvc(sb).events.map((e: Event) => e.message);
    expect(events).toContain(`(service s) (task ${id}) (port 80) is unhealthy in (target-group ${tgArn}) due to (reason Health checks failed with these codes: [503]).`);
    const stopping = sb.call("DescribeTasks", { cluster: "c", tasks: [sick.taskArn] }).tasks[0];
    expect(stopping).toMatchObject({
      desiredStatus: "STOPPED", lastStatus: "DEACTIVATING", stopCode: "ServiceSchedulerInitiated",
      stoppedReason: `Task failed ELB health checks in (target-group ${tgArn})`,
    });
    expect(health(sb, tgArn).find((h) => h.Target.Id === ipOf(sick))!.TargetHealth)
      .toEqual({ State: "draining", Reason: "Target.DeregistrationInProgress", Description: "Target deregistration is in progress" });
    expect(tasksOf(sb)).toHaveLength(2); // the replacement, started at once
    sb.step(299);
    expect(sb.call("DescribeTasks", { cluster: "c", tasks: [sick.taskArn] }).tasks[0].lastStatus).toBe("DEACTIVATING");
    sb.step(10);
    expect(sb.call("DescribeTasks", { cluster: "c", tasks: [sick.taskArn] }).tasks[0].lastStatus).toBe("STOPPED");
    const after = health(sb, tgArn);
    expect(after).toHaveLength(2);
    expect(after.map((h) => h.TargetHealth.State)).toEqual(["healthy", "healthy"]);
    expect(describeSvc(sb).runningCount).toBe(2);
  });

  it("waits out healthCheckGracePeriodSeconds before acting on an unhealthy target, and counts the task unhealthy meanwhile", () => {
    const { sb, tgArn, subnets } = world();
    sb.control({ action: "failHealthCheck", region: "eu-west-1", image: "nginx" });
    service(sb, tgArn, subnets, { desiredCount: 1, healthCheckGracePeriodSeconds: 60 });
    sb.step(30); // running at 5 s, unhealthy after 2 × 10 s
    expect(health(sb, tgArn).map((h) => h.TargetHealth.State)).toEqual(["unhealthy"]);
    expect(describeSvc(sb).events.some((e: Event) => /is unhealthy in/.test(e.message))).toBe(false);
    expect(describeSvc(sb).deployments[0].rolloutState).toBe("IN_PROGRESS");
    sb.step(34); // 64 s: still within the 60 s after the task started at 5 s
    expect(describeSvc(sb).events.some((e: Event) => /is unhealthy in/.test(e.message))).toBe(false);
    sb.step(1);
    expect(describeSvc(sb).events.some((e: Event) => /is unhealthy in/.test(e.message))).toBe(true);
  });

  it("rolls a deployment forward only as the new tasks turn healthy in the target group", () => {
    const { sb, tgArn, subnets } = world();
    service(sb, tgArn, subnets, { deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } });
    sb.step(30);
    const old = tasksOf(sb).map((t: { taskArn: string }) => t.taskArn);
    sb.call("UpdateService", { cluster: "c", service: "s", forceNewDeployment: true });
    sb.step(10); // the new tasks run, their targets are still initial: the old ones keep serving
    expect(tasksOf(sb)).toHaveLength(4);
    expect(health(sb, tgArn).map((h) => h.TargetHealth.State).sort()).toEqual(["healthy", "healthy", "initial", "initial"]);
    sb.step(20);
    const stopping = sb.call("DescribeTasks", { cluster: "c", tasks: old }).tasks;
    expect(stopping.map((t: { desiredStatus: string; lastStatus: string }) => [t.desiredStatus, t.lastStatus])).toEqual([["STOPPED", "DEACTIVATING"], ["STOPPED", "DEACTIVATING"]]);
    expect(health(sb, tgArn).map((h) => h.TargetHealth.State).sort()).toEqual(["draining", "draining", "healthy", "healthy"]);
    expect(describeSvc(sb).deployments).toHaveLength(2);
    sb.step(310);
    expect(describeSvc(sb).deployments).toMatchObject([{ status: "PRIMARY", rolloutState: "COMPLETED", runningCount: 2 }]);
  });

  it("registers EC2 tasks as their instance and host port, names the instance when one fails, and deregisters them when the service scales in", () => {
    const { sb, tgArn } = world({ targetType: "instance" });
    const [instance] = sb.control({ action: "addInstances", region: "eu-west-1", cluster: "c", count: 1 }).containerInstances;
    sb.call("CreateService", {
      cluster: "c", serviceName: "s", taskDefinition: "web", desiredCount: 1,
      loadBalancers: [{ targetGroupArn: tgArn, containerName: "web", containerPort: 80 }],
    });
    sb.step(30);
    const [task] = tasksOf(sb);
    const hostPort = task.containers[0].networkBindings[0].hostPort;
    expect(health(sb, tgArn)).toEqual([{ Target: { Id: instance.ec2InstanceId, Port: hostPort }, HealthCheckPort: String(hostPort), TargetHealth: { State: "healthy" } }]);
    sb.control({ action: "failHealthCheck", region: "eu-west-1", cluster: "c", task: task.taskArn });
    sb.step(20);
    expect(describeSvc(sb).events.map((e: Event) => e.message)).toContain(
      `(service s) (task ${task.taskArn.split("/").pop()}) (instance ${instance.ec2InstanceId}) (port ${hostPort}) is unhealthy in (target-group ${tgArn}) due to (reason Health checks failed with these codes: [503]).`);
    sb.call("UpdateService", { cluster: "c", service: "s", desiredCount: 0 });
    expect(health(sb, tgArn).map((h) => h.TargetHealth.State)).toEqual(["draining"]);
    sb.step(301);
    expect(health(sb, tgArn)).toEqual([]);
  });
});

describe("listenerTraffic", () => {
  it("splits a listener's requests by the weights of the rule that takes them", () => {
    const { sb, tgArn, lbArn } = world();
    const vpcId = sb.ec2("DescribeVpcs").vpcSet[0].vpcId;
    const green = sb.elbv2("CreateTargetGroup", { Name: "green", Protocol: "HTTP", Port: 80, VpcId: vpcId, TargetType: "ip" }).TargetGroups[0].TargetGroupArn;
    const listenerArn = sb.elbv2("DescribeListeners", { LoadBalancerArn: lbArn }).Listeners[0].ListenerArn;
    const rule = sb.elbv2("CreateRule", {
      ListenerArn: listenerArn, Priority: 10, Conditions: [{ Field: "path-pattern", Values: ["/api/*"] }],
      Actions: [{ Type: "forward", ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 90 }, { TargetGroupArn: green, Weight: 10 }] } }],
    }).Rules[0];
    expect(listenerTraffic(sb.world(), listenerArn, { path: "/api/orders" })).toEqual({
      ruleArn: rule.RuleArn, shares: [{ targetGroupArn: tgArn, weight: 90, share: 0.9 }, { targetGroupArn: green, weight: 10, share: 0.1 }],
    });
    const fallback = listenerTraffic(sb.world(), listenerArn, { path: "/index.html" });
    expect(fallback?.shares).toEqual([{ targetGroupArn: tgArn, weight: 1, share: 1 }]);
    expect(listenerTraffic(sb.world(), listenerArn)?.ruleArn).toBe(fallback?.ruleArn);
    expect(listenerTraffic(sb.world(), `${listenerArn}0`)).toBeUndefined();
  });
});
