import { describe, expect, it } from "vitest";
import type { RevisionJson, TaskDefinitionJson } from "./deployments";
import { revisionDiff } from "./revision-diff";

const td = (revision: number, over: Partial<TaskDefinitionJson> = {}): TaskDefinitionJson => ({
  taskDefinitionArn: `arn:aws:ecs:us-east-1:111122223333:task-definition/web:${revision}`, family: "web", revision, cpu: "256", memory: "512", networkMode: "awsvpc",
  containerDefinitions: [{ name: "app", image: "nginx:1.27", essential: true, environment: [{ name: "MODE", value: "a" }], portMappings: [{ containerPort: 80, protocol: "tcp", name: "http" }] }],
  ...over,
});
const rev = (n: number, over: Partial<RevisionJson> = {}): RevisionJson => ({
  serviceRevisionArn: `arn:aws:ecs:us-east-1:111122223333:service-revision/prod/web/${n}`, taskDefinition: `arn:aws:ecs:us-east-1:111122223333:task-definition/web:${n}`,
  launchType: "FARGATE", platformVersion: "1.4.0",
  loadBalancers: [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-blue/abc", containerName: "app", containerPort: 80 }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1"], securityGroups: ["sg-1"], assignPublicIp: "DISABLED" } },
  containerImages: [{ containerName: "app", image: "nginx:1.27", imageDigest: "sha256:aaa" }],
  ...over,
});

describe("revision diff", () => {
  it("names what changed in the task definition: image, cpu/memory, environment names (not values), ports", () => {
    const changes = revisionDiff({ revision: rev(1), taskDefinition: td(1) }, {
      revision: rev(2),
      taskDefinition: td(2, { cpu: "512", memory: "1024", containerDefinitions: [{ name: "app", image: "nginx:1.28", environment: [{ name: "MODE", value: "b" }, { name: "FLAG", value: "1" }], portMappings: [{ containerPort: 8080, protocol: "tcp", name: "http" }] }] }),
    });
    expect(changes).toEqual([
      { area: "task definition", what: "revision", from: "web:1", to: "web:2" },
      { area: "task definition", what: "cpu", from: "256", to: "512" },
      { area: "task definition", what: "memory", from: "512", to: "1024" },
      { area: "container", what: "app image", from: "nginx:1.27", to: "nginx:1.28" },
      { area: "container", what: "app environment names", from: "MODE", to: "FLAG, MODE" },
      { area: "container", what: "app ports", from: "80/tcp (http)", to: "8080/tcp (http)" },
    ]);
    expect(JSON.stringify(changes)).not.toContain("\"b\"");
  });

  it("names revision-level changes: load balancer targets, network, Service Connect, capacity", () => {
    const changes = revisionDiff({ revision: rev(1) }, {
      revision: rev(1, {
        loadBalancers: [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web-green/def", containerName: "app", containerPort: 80 }],
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-1", "subnet-2"], securityGroups: ["sg-1"], assignPublicIp: "DISABLED" } },
        serviceConnectConfiguration: { enabled: true, namespace: "shop", services: [{ portName: "http", clientAliases: [{ port: 80, dnsName: "web" }] }] },
        launchType: null, capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }],
      }),
    });
    expect(changes.map((c) => `${c.area}: ${c.what}`)).toEqual([
      "load balancer: targets", "service connect: configuration", "network: subnets", "capacity: launch type or capacity providers",
    ]);
    expect(changes.find((c) => c.area === "service connect")?.to).toBe("shop: http as web:80");
  });

  it("a forced new deployment of the same revision changes nothing; without task definitions the resolved images still compare", () => {
    expect(revisionDiff({ revision: rev(1), taskDefinition: td(1) }, { revision: rev(1), taskDefinition: td(1) })).toEqual([]);
    expect(revisionDiff({ revision: rev(1) }, { revision: rev(1, { containerImages: [{ containerName: "app", image: "nginx:1.28" }] }) }))
      .toEqual([{ area: "container", what: "app image", from: "nginx:1.27", to: "nginx:1.28" }]);
  });
});
