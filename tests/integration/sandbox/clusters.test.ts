import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ClientException, ClusterContainsContainerInstancesException, ClusterContainsServicesException, ClusterContainsTasksException,
  ClusterNotFoundException, CreateClusterCommand, CreateServiceCommand, DeleteClusterCommand, DeleteServiceCommand,
  DeregisterContainerInstanceCommand, DescribeClustersCommand, ECSClient, InvalidParameterException, ListClustersCommand,
  PutClusterCapacityProvidersCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, UpdateClusterCommand,
  paginateListClusters,
} from "@aws-sdk/client-ecs";
import { startSandbox } from "./server";

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox(); });
afterAll(async () => { await sb.close(); });

const raw = (target: string, body: string) =>
  sb.signedFetch("/", { service: "ecs", body, headers: { "x-amz-target": target, "content-type": "application/x-amz-json-1.1" } });

describe("clusters over the ECS wire protocol", () => {
  it("creates, describes, updates and lists clusters with pagination", async () => {
    for (let i = 0; i < 5; i++) await sb.ecs.send(new CreateClusterCommand({ clusterName: `c${i}`, tags: [{ key: "n", value: String(i) }] }));
    const again = await sb.ecs.send(new CreateClusterCommand({ clusterName: "c0" }));
    expect(again.cluster?.clusterArn).toBe("arn:aws:ecs:us-east-1:000000000000:cluster/c0");
    const page1 = await sb.ecs.send(new ListClustersCommand({ maxResults: 2 }));
    expect(page1.clusterArns).toHaveLength(2);
    expect(page1.nextToken).toBeDefined();
    const all: string[] = [];
    for await (const page of paginateListClusters({ client: sb.ecs, pageSize: 2 }, {})) all.push(...(page.clusterArns ?? []));
    expect(all).toHaveLength(5);
    await expect(sb.ecs.send(new ListClustersCommand({ maxResults: 101 }))).rejects.toBeInstanceOf(InvalidParameterException);

    const d = await sb.ecs.send(new DescribeClustersCommand({ clusters: ["c1", "missing"], include: ["TAGS"] }));
    expect(d.clusters?.[0]).toMatchObject({ clusterName: "c1", status: "ACTIVE", tags: [{ key: "n", value: "1" }], runningTasksCount: 0 });
    expect(d.failures).toEqual([{ arn: "arn:aws:ecs:us-east-1:000000000000:cluster/missing", reason: "MISSING" }]);
    await expect(sb.ecs.send(new DescribeClustersCommand({ clusters: Array.from({ length: 101 }, (_, i) => `x${i}`) })))
      .rejects.toBeInstanceOf(InvalidParameterException);

    const u = await sb.ecs.send(new UpdateClusterCommand({ cluster: "c1", settings: [{ name: "containerInsights", value: "enabled" }] }));
    expect(u.cluster?.settings).toEqual([{ name: "containerInsights", value: "enabled" }]);
    const p = await sb.ecs.send(new PutClusterCapacityProvidersCommand({
      cluster: "c1", capacityProviders: ["FARGATE", "FARGATE_SPOT"], defaultCapacityProviderStrategy: [{ capacityProvider: "FARGATE", weight: 1, base: 1 }],
    }));
    expect(p.cluster?.capacityProviders).toEqual(["FARGATE", "FARGATE_SPOT"]);
    await expect(sb.ecs.send(new PutClusterCapacityProvidersCommand({ cluster: "c1", capacityProviders: ["my-asg"], defaultCapacityProviderStrategy: [] })))
      .rejects.toBeInstanceOf(InvalidParameterException);
  });

  it("refuses to delete a cluster that still has instances, services or tasks", async () => {
    await sb.ecs.send(new CreateClusterCommand({ clusterName: "busy" }));
    const { containerInstances } = await sb.control({ action: "addInstances", cluster: "busy", count: 1 });
    await expect(sb.ecs.send(new DeleteClusterCommand({ cluster: "busy" }))).rejects.toBeInstanceOf(ClusterContainsContainerInstancesException);
    await sb.ecs.send(new RegisterTaskDefinitionCommand({ family: "t", containerDefinitions: [{ name: "a", image: "busybox", memory: 64 }] }));
    const run = await sb.ecs.send(new RunTaskCommand({ cluster: "busy", taskDefinition: "t" }));
    await sb.ecs.send(new CreateServiceCommand({ cluster: "busy", serviceName: "s", taskDefinition: "t", desiredCount: 0 }));
    await sb.ecs.send(new DeregisterContainerInstanceCommand({ cluster: "busy", containerInstance: containerInstances[0].containerInstanceArn, force: true }));
    await expect(sb.ecs.send(new DeleteClusterCommand({ cluster: "busy" }))).rejects.toBeInstanceOf(ClusterContainsServicesException);
    await sb.ecs.send(new DeleteServiceCommand({ cluster: "busy", service: "s" }));
    await sb.step(1);
    // The forced deregistration stops the task; it is still on its way down.
    await sb.ecs.send(new StopTaskCommand({ cluster: "busy", task: run.tasks![0].taskArn! }));
    await expect(sb.ecs.send(new DeleteClusterCommand({ cluster: "busy" }))).rejects.toBeInstanceOf(ClusterContainsTasksException);
    await sb.step(30);
    const del = await sb.ecs.send(new DeleteClusterCommand({ cluster: "busy" }));
    expect(del.cluster?.status).toBe("INACTIVE");
    await expect(sb.ecs.send(new RunTaskCommand({ cluster: "busy", taskDefinition: "t" }))).rejects.toBeInstanceOf(ClusterNotFoundException);
  });

  it("takes the region from the SigV4 credential scope", async () => {
    const eu = new ECSClient({ endpoint: sb.url, region: "eu-west-1", maxAttempts: 1, credentials: sb.credentials });
    const out = await eu.send(new CreateClusterCommand({ clusterName: "eu" }));
    expect(out.cluster?.clusterArn).toBe("arn:aws:ecs:eu-west-1:000000000000:cluster/eu");
    const us = await sb.ecs.send(new DescribeClustersCommand({ clusters: ["eu"] }));
    expect(us.failures?.[0].reason).toBe("MISSING");
    eu.destroy();
  });

  it("answers protocol errors like ECS", async () => {
    const unknown = await raw("AmazonEC2ContainerServiceV20141113.MakeCoffee", "{}");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: "UnknownOperationException" });
    const bad = await raw("AmazonEC2ContainerServiceV20141113.ListClusters", "{not json");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ __type: "ClientException" });
    const big = await raw("AmazonEC2ContainerServiceV20141113.ListClusters", JSON.stringify({ x: "y".repeat(1024 * 1024 + 1) }));
    expect(big.status).toBe(413);
    await expect(sb.ecs.send(new CreateClusterCommand({ clusterName: "bad name!" }))).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sb.ecs.send(new RegisterTaskDefinitionCommand({ family: "x", containerDefinitions: [] }))).rejects.toBeInstanceOf(ClientException);
  });
});
