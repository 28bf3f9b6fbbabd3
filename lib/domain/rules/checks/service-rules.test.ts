import { describe, expect, it } from "vitest";
import { validateDesign } from "../index";
import { SERVICE_AND_DESIGN_RULES } from "./service-rules";
import type { Design } from "../../design";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const logs = (group: string) => ({
  logDriver: "awslogs" as const,
  options: { "awslogs-group": group, "awslogs-region": REGION, "awslogs-stream-prefix": "ecs" },
});

/** A Fargate web service behind a load balancer and an EC2 worker on two designed instances. */
function goodDesign(): Design {
  return {
    schemaVersion: 1,
    clusters: [{
      id: "cl-prod",
      clusterName: "prod",
      capacityProviders: ["FARGATE", "FARGATE_SPOT"],
      settings: [{ name: "containerInsights", value: "enabled" }],
      tags: [{ key: "env", value: "prod" }],
      instances: [
        { id: "i-a", instanceType: "t3.medium", cpu: 2048, memory: 3904, availabilityZone: `${REGION}a` },
        { id: "i-b", instanceType: "t3.medium", cpu: 2048, memory: 3904, availabilityZone: `${REGION}b` },
      ],
    }],
    taskDefinitions: [
      {
        id: "td-web",
        family: "web",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "512",
        memory: "1024",
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/web-task`,
        runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
        containerDefinitions: [{
          name: "web",
          image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web:1.8.2`,
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: "tcp" }],
          logConfiguration: logs("/ecs/web"),
          healthCheck: { command: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
        }],
        tags: [{ key: "team", value: "storefront" }],
      },
      {
        id: "td-worker",
        family: "worker",
        networkMode: "bridge",
        requiresCompatibilities: ["EC2"],
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/worker-task`,
        containerDefinitions: [{
          name: "worker",
          image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/worker:2.3.1`,
          essential: true,
          cpu: 512,
          memory: 1024,
          memoryReservation: 768,
          logConfiguration: logs("/ecs/worker"),
        }],
      },
    ],
    services: [
      {
        id: "svc-web",
        serviceName: "web",
        cluster: "prod",
        taskDefinition: "web",
        desiredCount: 2,
        launchType: "FARGATE",
        platformVersion: "LATEST",
        networkConfiguration: {
          awsvpcConfiguration: { subnets: ["subnet-0a1", "subnet-0b2"], securityGroups: ["sg-0web"], assignPublicIp: "DISABLED" },
        },
        loadBalancers: [{
          targetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`,
          containerName: "web",
          containerPort: 8080,
        }],
        healthCheckGracePeriodSeconds: 30,
        deploymentConfiguration: {
          minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true },
        },
        deploymentController: { type: "ECS" },
        propagateTags: "SERVICE",
        tags: [{ key: "team", value: "storefront" }],
      },
      {
        id: "svc-worker",
        serviceName: "worker",
        cluster: "prod",
        taskDefinition: "worker",
        desiredCount: 3,
        launchType: "EC2",
        placementStrategy: [{ type: "spread", field: "attribute:ecs.availability-zone" }, { type: "binpack", field: "memory" }],
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
      },
    ],
    layout: {},
  };
}

const OWN = new Set(SERVICE_AND_DESIGN_RULES.map((r) => r.id));

describe("service, cluster and design rules together", () => {
  it("pass a realistic design with no errors or warnings", () => {
    const findings = validateDesign(goodDesign());
    const problems = findings.filter((f) => f.severity !== "info");
    expect(problems).toEqual([]);
  });

  it("report many problems of a broken design at once", () => {
    const d = goodDesign();
    const [web, worker] = d.services;
    d.clusters.push({ ...d.clusters[0], id: "cl-prod-2", instances: [] });
    d.services = [
      {
        ...web,
        capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }, { capacityProvider: "my-asg", weight: 1 }],
        networkConfiguration: undefined,
        loadBalancers: [{ ...web.loadBalancers![0], containerPort: 80 }],
        placementConstraints: [{ type: "distinctInstance" }],
        tags: [{ key: "aws:team", value: "x" }],
      },
      {
        ...worker,
        desiredCount: 9,
        platformVersion: "LATEST",
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 },
        placementStrategy: [{ type: "binpack", field: "disk" }],
      },
      { ...worker, id: "svc-worker-2", taskDefinition: "missing", schedulingStrategy: "DAEMON", desiredCount: 1 },
    ];
    const findings = validateDesign(d);
    const ids = new Set(findings.filter((f) => OWN.has(f.ruleId)).map((f) => f.ruleId));
    expect([...ids].sort()).toEqual([
      "capacity", "deployment-configuration", "design-names", "launch-type-compatibility", "launch-type-xor-strategy",
      "load-balancers", "placement", "platform-version", "scheduling-strategy", "service-network", "service-references", "tags",
    ]);
    // Paths are absolute from the design root.
    expect(findings.find((f) => f.ruleId === "load-balancers")?.path).toEqual(["services", 0, "loadBalancers", 0, "containerPort"]);
    expect(findings.find((f) => f.ruleId === "capacity")?.path).toEqual(["clusters", 0, "instances"]);
  });

  it("validate a 1,000-resource design quickly", () => {
    const base = goodDesign();
    const d: Design = { ...base, clusters: [], taskDefinitions: [], services: [] };
    for (let i = 0; i < 100; i++) {
      d.clusters.push({ ...base.clusters[0], id: `cl-${i}`, clusterName: `prod-${i}` });
      for (const [k, t] of base.taskDefinitions.entries()) {
        for (let j = 0; j < 2; j++) d.taskDefinitions.push({ ...t, id: `td-${i}-${k}-${j}`, family: `${t.family}-${i}-${j}` });
      }
      for (const [k, s] of base.services.entries()) {
        for (let j = 0; j < 2; j++) {
          d.services.push({
            ...s, id: `svc-${i}-${k}-${j}`, serviceName: `${s.serviceName}-${j}`, cluster: `prod-${i}`,
            taskDefinition: `${base.taskDefinitions[k].family}-${i}-${j}`, desiredCount: 1,
          });
        }
      }
    }
    expect(d.clusters.length + d.taskDefinitions.length + d.services.length).toBe(900);
    // Speed is measured by `npm run bench`, not asserted here; this guards correctness at scale.
    expect(validateDesign(d).filter((f) => f.severity === "error")).toEqual([]);
  });
});
