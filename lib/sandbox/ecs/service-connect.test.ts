import { describe, expect, it } from "vitest";
import { steppedSandbox } from "../testing";
import { aliasesInNamespace, resolveAlias, resolveForTask } from "./service-connect";

// What a task's Service Connect proxy resolves: the client aliases of its namespace's services,
// each to the healthy endpoints (RUNNING tasks) behind it.

function shop() {
  const sb = steppedSandbox(3);
  const subnets = (sb.ec2("DescribeSubnets", {}).subnetSet as { subnetId: string }[]).map((s) => s.subnetId);
  sb.call("CreateCluster", { clusterName: "shop", serviceConnectDefaults: { namespace: "shop" } });
  sb.cloudMap("CreateHttpNamespace", { Name: "other" });
  for (const [family, port] of [["api", 8080], ["web", 80], ["jobs", 9000]] as const) {
    sb.call("RegisterTaskDefinition", {
      family, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: family, image: `shop/${family}:1`, essential: true, portMappings: [{ name: family, containerPort: port }] }],
    });
  }
  const net = { cluster: "shop", launchType: "FARGATE", networkConfiguration: { awsvpcConfiguration: { subnets } } };
  sb.call("CreateService", { ...net, serviceName: "api", taskDefinition: "api", desiredCount: 2,
    serviceConnectConfiguration: { enabled: true, services: [{ portName: "api", clientAliases: [{ port: 8080, dnsName: "api" }] }] } });
  sb.call("CreateService", { ...net, serviceName: "web", taskDefinition: "web", desiredCount: 1, serviceConnectConfiguration: { enabled: true } });
  // In another namespace, and one without Service Connect at all.
  sb.call("CreateService", { ...net, serviceName: "jobs", taskDefinition: "jobs", desiredCount: 1,
    serviceConnectConfiguration: { enabled: true, namespace: "other", services: [{ portName: "jobs", clientAliases: [{ port: 9000 }] }] } });
  sb.call("CreateService", { ...net, serviceName: "plain", taskDefinition: "web", desiredCount: 1 });
  return sb;
}

const tasksOf = (sb: ReturnType<typeof shop>, service: string) => (sb.call("ListTasks", { cluster: "shop", serviceName: service }).taskArns as string[]);

describe("Service Connect resolution", () => {
  it("resolves a client alias to nothing before the serving tasks run, then to their addresses", () => {
    const sb = shop();
    const [web] = tasksOf(sb, "web");
    expect(resolveAlias(sb.world(), web, "api:8080")).toEqual([]);
    sb.step(30);
    const ips = (sb.call("DescribeTasks", { cluster: "shop", tasks: tasksOf(sb, "api") }).tasks as { attachments: { details: { name: string; value: string }[] }[] }[])
      .map((t) => t.attachments[0].details.find((d) => d.name === "privateIPv4Address")!.value);
    const endpoints = resolveAlias(sb.world(), tasksOf(sb, "web")[0], "api:8080");
    expect(endpoints.map((e) => e.ip).sort()).toEqual(ips.sort());
    expect(endpoints.every((e) => e.port === 8080)).toBe(true);
  });

  it("offers a client only its own namespace's aliases; the default dnsName is discoveryName.namespace", () => {
    const sb = shop();
    sb.step(30);
    const [web] = tasksOf(sb, "web");
    expect(resolveForTask(sb.world(), web).map((a) => `${a.service} ${a.alias} ${a.endpoints.length}`)).toEqual(["api api:8080 2"]);
    const [jobs] = tasksOf(sb, "jobs");
    expect(resolveForTask(sb.world(), jobs).map((a) => a.alias)).toEqual(["jobs.other:9000"]);
    expect(resolveAlias(sb.world(), jobs, "api:8080")).toEqual([]);
    // Not a Service Connect client: resolves nothing.
    const [plain] = tasksOf(sb, "plain");
    expect(resolveForTask(sb.world(), plain)).toEqual([]);
    expect(resolveForTask(sb.world(), "arn:aws:ecs:us-east-1:000000000000:task/shop/nothing")).toEqual([]);
  });

  it("drops a stopped task's endpoint at once and counts its replacement once it runs", () => {
    const sb = shop();
    sb.step(30);
    const [first] = tasksOf(sb, "api");
    sb.call("StopTask", { cluster: "shop", task: first });
    const ns = sb.world().services[Object.keys(sb.world().services).find((k) => k.endsWith("/api"))!].serviceConnectNamespaceId!;
    expect(aliasesInNamespace(sb.world(), ns)[0].endpoints).toHaveLength(1);
    sb.step(30);
    expect(aliasesInNamespace(sb.world(), ns)[0].endpoints).toHaveLength(2);
  });
});

describe("Service Connect turned off", () => {
  it("deregisters the service's tasks from the Cloud Map service it offered", () => {
    const sb = shop();
    sb.step(30);
    const listed = sb.cloudMap("ListServices", {}).Services as { Id: string; Name: string }[];
    const api = listed.find((s) => s.Name === "api")!;
    expect((sb.cloudMap("ListInstances", { ServiceId: api.Id }).Instances as unknown[]).length).toBe(2);
    sb.call("UpdateService", { cluster: "shop", service: "api", serviceConnectConfiguration: { enabled: false } });
    expect(sb.cloudMap("ListInstances", { ServiceId: api.Id }).Instances).toEqual([]);
    expect(resolveAlias(sb.world(), tasksOf(sb, "web")[0], "api:8080")).toEqual([]);
  });
});
