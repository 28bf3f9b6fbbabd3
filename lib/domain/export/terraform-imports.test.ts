import { describe, expect, it } from "vitest";
import type { Service as EcsService } from "@aws-sdk/client-ecs";
import { emptyLiveState } from "../plan";
import { terraformAddresses } from "./terraform";
import { terraformImportsFor } from "./terraform-imports";
import { everythingDesign } from "./test-designs";

describe("import blocks for what already exists", () => {
  it("writes none when nothing of the export exists", () => {
    expect(terraformImportsFor(everythingDesign(), emptyLiveState(), "d1")).toEqual([]);
  });

  it("imports a service by cluster/name only where it runs in the design's cluster, and a task definition by its ARN", () => {
    const design = everythingDesign();
    const service = design.services[0];
    const cluster = service.cluster;
    const family = design.taskDefinitions.find((t) => t.family === service.taskDefinition.split(":")[0])?.family ?? design.taskDefinitions[0].family;
    const live = emptyLiveState();
    const arn = `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:7`;
    live.taskDefinitions[family] = { taskDefinition: { taskDefinitionArn: arn, family, containerDefinitions: [] }, tags: [] };
    live.services.push({ serviceName: service.serviceName, clusterArn: `arn:aws:ecs:eu-west-1:123456789012:cluster/elsewhere` } satisfies EcsService);
    const addressOf = (kind: string, name: string) => terraformAddresses(design, "d1").find((a) => a.kind === kind && a.name === name)!.address;

    expect(terraformImportsFor(design, live, "d1")).toEqual([{ address: addressOf("taskDefinition", family), id: arn }]);
    live.services.push({ serviceName: service.serviceName, clusterArn: `arn:aws:ecs:eu-west-1:123456789012:cluster/${cluster}` } satisfies EcsService);
    expect(terraformImportsFor(design, live, "d1")).toContainEqual({ address: addressOf("service", service.serviceName), id: `${cluster}/${service.serviceName}` });
  });
});
