import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import {
  CreateClusterCommand, CreateServiceCommand, DescribeClustersCommand, DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand,
  RegisterTaskDefinitionCommand, StopTaskCommand, UpdateClusterCommand, type ECSServiceException,
} from "@aws-sdk/client-ecs";
import { DeleteNamespaceCommand, DiscoverInstancesCommand, GetNamespaceCommand, ListInstancesCommand, ListNamespacesCommand, ListServicesCommand } from "@aws-sdk/client-servicediscovery";
import { rejection as failed, startSandbox } from "./server";

// ECS's Service Connect on the sandbox's Cloud Map, through the real SDK clients: a cluster's
// default namespace (created by ECS when it is a new name), the Cloud Map service of each
// services[] entry, and its instances following the service's RUNNING tasks.

let sb: Awaited<ReturnType<typeof startSandbox>>;
let subnets: string[];
const rejection = (call: Promise<unknown>) => failed<ECSServiceException>(call);

beforeAll(async () => {
  sb = await startSandbox("eu-west-1");
  subnets = (await sb.aws.ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
  for (const family of ["api", "web"]) {
    await sb.aws.ecs.send(new RegisterTaskDefinitionCommand({
      family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: family, image: `shop/${family}:1`, essential: true, portMappings: [{ name: family, containerPort: family === "api" ? 8080 : 80, appProtocol: "http" }] }],
    }));
  }
});
afterAll(async () => { await sb.close(); });

const runningTasks = async (serviceName: string) => {
  const { taskArns } = await sb.aws.ecs.send(new ListTasksCommand({ cluster: "shop", serviceName, desiredStatus: "RUNNING" }));
  return taskArns!.length ? (await sb.aws.ecs.send(new DescribeTasksCommand({ cluster: "shop", tasks: taskArns }))).tasks! : [];
};

describe("Service Connect", () => {
  it("CreateCluster with a new serviceConnectDefaults name creates an HTTP namespace of that name", async () => {
    const { cluster } = await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "shop", serviceConnectDefaults: { namespace: "shop" } }));
    const { Namespaces } = await sb.aws.servicediscovery.send(new ListNamespacesCommand({}));
    expect(Namespaces!.map((n) => [n.Name, n.Type])).toEqual([["shop", "HTTP"]]);
    expect(cluster!.serviceConnectDefaults).toEqual({ namespace: Namespaces![0].Arn });
    // An existing namespace is used, not created again.
    await sb.aws.ecs.send(new UpdateClusterCommand({ cluster: "shop", serviceConnectDefaults: { namespace: "shop" } }));
    expect((await sb.aws.servicediscovery.send(new ListNamespacesCommand({}))).Namespaces).toHaveLength(1);
    const missing = await rejection(sb.aws.ecs.send(new UpdateClusterCommand({ cluster: "shop", serviceConnectDefaults: { namespace: "arn:aws:servicediscovery:eu-west-1:000000000000:namespace/ns-0000000000000000" } })));
    expect(missing.name).toBe("NamespaceNotFoundException");
  });

  it("refuses a namespace that does not exist and a portName no port mapping has", async () => {
    const base = { cluster: "shop", taskDefinition: "api", desiredCount: 1, launchType: "FARGATE" as const, networkConfiguration: { awsvpcConfiguration: { subnets } } };
    const ns = await rejection(sb.aws.ecs.send(new CreateServiceCommand({ ...base, serviceName: "x", serviceConnectConfiguration: { enabled: true, namespace: "nowhere" } })));
    expect(ns.name).toBe("NamespaceNotFoundException");
    expect(ns.message).toBe("Failed to retrieve namespace for nowhere");
    const port = await rejection(sb.aws.ecs.send(new CreateServiceCommand({ ...base, serviceName: "x", serviceConnectConfiguration: { enabled: true, services: [{ portName: "http" }] } })));
    expect(port.name).toBe("InvalidParameterException");
    expect(port.message).toContain("http");
  });

  it("creates the Cloud Map service of each entry and registers each RUNNING task, which a client resolves", async () => {
    const net = { launchType: "FARGATE" as const, networkConfiguration: { awsvpcConfiguration: { subnets } } };
    await sb.aws.ecs.send(new CreateServiceCommand({
      cluster: "shop", serviceName: "api", taskDefinition: "api", desiredCount: 2, ...net,
      serviceConnectConfiguration: { enabled: true, services: [{ portName: "api", clientAliases: [{ port: 8080, dnsName: "api" }] }] },
    }));
    await sb.aws.ecs.send(new CreateServiceCommand({ cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1, ...net, serviceConnectConfiguration: { enabled: true } }));
    const { services } = await sb.aws.ecs.send(new DescribeServicesCommand({ cluster: "shop", services: ["api", "web"] }));
    const [api, web] = services!;
    const cm = (await sb.aws.servicediscovery.send(new ListServicesCommand({}))).Services!;
    expect(cm.map((s) => s.Name)).toEqual(["api"]);
    expect(api.deployments![0].serviceConnectResources).toEqual([{ discoveryName: "api", discoveryArn: cm[0].Arn }]);
    expect(api.deployments![0].serviceConnectConfiguration).toMatchObject({ enabled: true, services: [{ portName: "api" }] });
    expect(web.deployments![0].serviceConnectResources).toBeUndefined();
    // Nothing is registered before the tasks run.
    expect((await sb.aws.servicediscovery.send(new ListInstancesCommand({ ServiceId: cm[0].Id }))).Instances).toEqual([]);

    await sb.step(30);
    const tasks = await runningTasks("api");
    expect(tasks.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
    const ips = tasks.map((t) => t.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value).sort();
    const found = await sb.aws.servicediscovery.send(new DiscoverInstancesCommand({ NamespaceName: "shop", ServiceName: "api" }));
    expect(found.Instances!.map((i) => i.Attributes!.AWS_INSTANCE_IPV4).sort()).toEqual(ips);
    expect(found.Instances!.every((i) => i.HealthStatus === "HEALTHY" && i.Attributes!.AWS_INSTANCE_PORT === "8080" && i.Attributes!.ECS_SERVICE_NAME === "api")).toBe(true);
    expect(found.Instances!.map((i) => i.InstanceId).sort()).toEqual(tasks.map((t) => t.taskArn!.split("/").pop()).sort());

    // A stopped task is deregistered; its replacement registers once it runs.
    await sb.aws.ecs.send(new StopTaskCommand({ cluster: "shop", task: tasks[0].taskArn }));
    await sb.step(1);
    const after = await sb.aws.servicediscovery.send(new DiscoverInstancesCommand({ NamespaceName: "shop", ServiceName: "api" }));
    expect(after.Instances!.map((i) => i.InstanceId)).not.toContain(tasks[0].taskArn!.split("/").pop());
    expect(after.InstancesRevision).toBeGreaterThan(found.InstancesRevision!);
    await sb.step(30);
    expect((await sb.aws.servicediscovery.send(new DiscoverInstancesCommand({ NamespaceName: "shop", ServiceName: "api" }))).Instances).toHaveLength(2);
  });

  it("keeps a namespace with services from being deleted, and the cluster describes its default", async () => {
    const { Namespaces } = await sb.aws.servicediscovery.send(new ListNamespacesCommand({}));
    const inUse = await failed(sb.aws.servicediscovery.send(new DeleteNamespaceCommand({ Id: Namespaces![0].Id })));
    expect((inUse as Error).name).toBe("ResourceInUse");
    expect((await sb.aws.servicediscovery.send(new GetNamespaceCommand({ Id: Namespaces![0].Id }))).Namespace!.ServiceCount).toBe(1);
    const { clusters } = await sb.aws.ecs.send(new DescribeClustersCommand({ clusters: ["shop"] }));
    expect(clusters![0].serviceConnectDefaults!.namespace).toBe(Namespaces![0].Arn);
  });
});
