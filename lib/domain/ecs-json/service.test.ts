import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exportCluster, exportDesignAsEcs, exportService, importService, importText } from ".";

const fixture = fileURLToPath(new URL("../../../fixtures/ecs/services/describe-my-http-service.json", import.meta.url));

describe("importService / exportService", () => {
  it("imports a DescribeServices answer: read-only keys stripped, clusterArn becomes the cluster name", () => {
    const r = importText(readFileSync(fixture, "utf8"), { fileName: fixture });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.format).toBe("service");
    expect(r.design.clusters).toEqual([{ id: "cl-default", clusterName: "default" }]);
    expect(exportDesignAsEcs(r.design).services).toEqual([{
      serviceName: "my-http-service",
      cluster: "default",
      taskDefinition: "arn:aws:ecs:us-west-2:123456789012:task-definition/amazon-ecs-sample:1",
      desiredCount: 10,
      loadBalancers: [],
    }]);
    for (const key of ["serviceArn", "status", "runningCount", "pendingCount", "deployments", "events", "createdAt"]) {
      expect(r.notes.some((n) => n.path === `services[0].${key}`)).toBe(true);
    }
  });

  it("round-trips a CreateService input, unknown keys included", () => {
    const input = {
      serviceName: "web", cluster: "main", taskDefinition: "web:3", desiredCount: 2, launchType: "FARGATE",
      networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1"], assignPublicIp: "DISABLED" } },
      serviceConnectConfiguration: { enabled: true, namespace: "shop" },
      availabilityZoneRebalancing: "ENABLED",
    };
    const r = importService(input);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.service.id).toBe("svc-web");
    expect(exportService(r.service)).toEqual(input);
    expect(r.notes.map((n) => n.path)).toEqual(["availabilityZoneRebalancing"]);
  });

  it("maps roleArn to role and defaults the cluster", () => {
    const r = importService({ serviceName: "old", taskDefinition: "old", roleArn: "arn:aws:iam::1:role/ecsServiceRole" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(exportService(r.service)).toEqual({ serviceName: "old", taskDefinition: "old", cluster: "default", role: "arn:aws:iam::1:role/ecsServiceRole" });
  });

  it("reports wrong shapes with paths", () => {
    const r = importService({ serviceName: "x", taskDefinition: "x", desiredCount: "two" });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(["desiredCount"]);
  });

  it("exports clusters without ids and designed instances", () => {
    expect(exportCluster({ id: "cl-1", clusterName: "main", instances: [{ id: "i-1", cpu: 2048, memory: 4096 }], settings: [{ name: "containerInsights", value: "enabled" }] }))
      .toEqual({ clusterName: "main", settings: [{ name: "containerInsights", value: "enabled" }] });
  });
});
