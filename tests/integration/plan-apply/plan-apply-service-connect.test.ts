import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscoverInstancesCommand, ListNamespacesCommand, ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import type { Design } from "@/lib/domain/design";
import { clientConfig } from "@/lib/aws/client-config";
import { applyPlan, planAgainstAccount } from "@/lib/server/plan";
import { resolveAlias } from "@/lib/sandbox/ecs/service-connect";
import { startPlanSandbox } from "./sandbox";

// A two-service Service Connect design applied to the sandbox through the app's apply runner:
// the cluster's default namespace is a new name, so ECS creates it (an HTTP namespace) with the
// cluster; api offers api:8080, web is a client; once the tasks run, web's tasks resolve
// api:8080 to api's two tasks.

let sb: Awaited<ReturnType<typeof startPlanSandbox>>;
beforeEach(async () => { sb = await startPlanSandbox(); });
afterEach(async () => { await sb.close(); });

function shopDesign(subnets: string[]): Design {
  const td = (family: string, port: number) => ({
    id: `td-${family}`, family, networkMode: "awsvpc" as const, requiresCompatibilities: ["FARGATE" as const], cpu: "256", memory: "512",
    containerDefinitions: [{ name: family, image: `shop/${family}:1`, essential: true, portMappings: [{ name: family, containerPort: port, appProtocol: "http" as const }] }],
  });
  const net = { launchType: "FARGATE" as const, networkConfiguration: { awsvpcConfiguration: { subnets } } };
  return {
    schemaVersion: 1, layout: {},
    clusters: [{ id: "cl-shop", clusterName: "shop", serviceConnectDefaults: { namespace: "shop" } }],
    taskDefinitions: [td("api", 8080), td("web", 80)],
    services: [
      { id: "svc-api", serviceName: "api", cluster: "shop", taskDefinition: "api", desiredCount: 2, ...net,
        serviceConnectConfiguration: { enabled: true, services: [{ portName: "api", clientAliases: [{ port: 8080, dnsName: "api" }] }] } },
      { id: "svc-web", serviceName: "web", cluster: "shop", taskDefinition: "web", desiredCount: 1, ...net, serviceConnectConfiguration: { enabled: true } },
    ],
  };
}

describe("applying a Service Connect design to the sandbox", () => {
  it("creates the cluster's namespace, registers api's tasks, and web's tasks resolve api:8080 to them", async () => {
    const ec2 = sb.aws.ec2({ region: sb.region });
    const subnets = (await ec2.describeSubnets()).map((s) => s.SubnetId!);
    ec2.destroy();
    const design = shopDesign(subnets);
    const { plan } = await planAgainstAccount(sb.ecs, design, { designId: "d-shop" });
    expect(plan.steps.map((s) => `${s.action} ${s.key}`)).toEqual([
      "create cluster:shop", "create task-definition:api", "create task-definition:web", "create service:shop/api", "create service:shop/web",
    ]);
    const applied = await applyPlan(sb.ecs, plan);
    expect(applied).toEqual({ ok: true, done: plan.steps.map((s) => s.key) });

    const sd = new ServiceDiscoveryClient({ ...clientConfig(sb.target({ region: sb.region }, "/sandbox/aws")), disableHostPrefix: true });
    try {
      const { Namespaces } = await sd.send(new ListNamespacesCommand({}));
      expect(Namespaces!.map((n) => [n.Name, n.Type, n.ServiceCount])).toEqual([["shop", "HTTP", 1]]);

      await sb.control({ action: "step", seconds: 30 });
      const all = (await sb.ecs.describeTasks({ cluster: "shop", tasks: await sb.ecs.listTasks({ cluster: "shop", desiredStatus: "RUNNING" }) })).tasks;
      const webTasks = all.filter((t) => t.group === "service:web").map((t) => t.taskArn!);
      const apiTasks = all.filter((t) => t.group === "service:api");
      expect(apiTasks.map((t) => t.lastStatus)).toEqual(["RUNNING", "RUNNING"]);
      const apiIps = apiTasks.map((t) => t.attachments![0].details!.find((d) => d.name === "privateIPv4Address")!.value!).sort();

      const state = (await sb.deps.store.load())!;
      const endpoints = resolveAlias(state.worlds[sb.region], webTasks[0], "api:8080");
      expect(endpoints.map((e) => e.ip).sort()).toEqual(apiIps);
      expect(endpoints.every((e) => e.port === 8080)).toBe(true);
      // The same through Cloud Map's API, as a client on AWS would look.
      const found = await sd.send(new DiscoverInstancesCommand({ NamespaceName: "shop", ServiceName: "api" }));
      expect(found.Instances!.map((i) => i.Attributes!.AWS_INSTANCE_IPV4).sort()).toEqual(apiIps);
    } finally {
      sd.destroy();
    }
    // Planned again, the design has converged.
    expect((await planAgainstAccount(sb.ecs, design, { designId: "d-shop" })).plan.empty).toBe(true);
  });
});
