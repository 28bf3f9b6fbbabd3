import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Design } from "../design";
import { exportCloudFormation } from "./cloudformation";
import { importCloudFormation } from "./import-cloudformation";
import { everythingDesign, fixtureDesigns } from "./test-designs";

type Json = Record<string, unknown>;

/** A design without what an export does not carry: ids, layout, and empty values. */
function comparable(d: Design): unknown {
  const strip = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.length ? v.map((x) => strip(x, depth + 1)) : undefined;
    if (typeof v !== "object" || v === null) return v;
    const out = Object.fromEntries(Object.entries(v).filter(([k]) => !(k === "id" && depth <= 2) && k !== "layout")
      .map(([k, x]) => [k, strip(x, depth + 1)]).filter(([, x]) => x !== undefined));
    return Object.keys(out).length ? out : undefined;
  };
  return strip(d, 0);
}

describe("importCloudFormation", () => {
  for (const { name, design } of fixtureDesigns().filter((f) => exportCloudFormation(f.design).unexpressed.length === 0)) {
    it(`round-trips design → template (YAML) → design: ${name}`, () => {
      const back = importCloudFormation(parse(exportCloudFormation(design).yaml));
      expect(comparable(back.design)).toEqual(comparable(design));
    });
  }

  it("brings back references, parameters' defaults and the fields the template holds of a rich design", () => {
    const { design, notes } = importCloudFormation(exportCloudFormation(everythingDesign()).template);
    const svc = design.services[0];
    expect(svc.cluster).toBe("prod");
    expect(svc.taskDefinition).toBe("api");
    expect(svc.loadBalancers?.[0].advancedConfiguration).toEqual({
      alternateTargetGroupArn: "targetgroup/api-green", productionListenerRule: "listener-rule/api-alb/443/10", roleArn: "arn:aws:iam::111122223333:role/ecs-lb",
    });
    expect(svc.networkConfiguration?.awsvpcConfiguration.subnets).toEqual(["subnet-a"]);
    expect(svc.deploymentConfiguration?.canaryConfiguration).toEqual({ canaryPercent: 10.5, canaryBakeTimeInMinutes: 3 });
    expect(design.clusters[0].capacityProviders).toEqual(["FARGATE"]);
    const lb = design.loadBalancers![0];
    expect(lb.listeners?.[0].certificateArn).toMatch(/certificate\/x$/);
    expect(lb.listeners?.[0].rules?.[0]).toEqual(everythingDesign().loadBalancers![0].listeners![0].rules![0]);
    expect(design.targetGroups?.[0]).toMatchObject({ name: "api-blue", deregistrationDelaySeconds: 30, healthCheck: { path: "/health", matcher: "200-299" } });
    expect(design.taskDefinitions[0].proxyConfiguration).toEqual(everythingDesign().taskDefinitions[0].proxyConfiguration);
    expect(notes).toEqual([]);
  });

  it("notes what a design cannot hold: other resource types, intrinsics, parameters without defaults", () => {
    const { design, notes } = importCloudFormation({
      Parameters: { Vpc: { Type: "AWS::EC2::VPC::Id" } },
      Resources: {
        Bucket: { Type: "AWS::S3::Bucket" },
        Tg: { Type: "AWS::ElasticLoadBalancingV2::TargetGroup", Properties: { Name: { "Fn::Sub": "${AWS::StackName}-tg" }, TargetType: "ip", VpcId: { Ref: "Vpc" } } },
      },
    });
    expect(design.targetGroups).toEqual([{ id: "Tg", targetType: "ip" }] as Json[]);
    expect(notes.map((n) => n.path)).toEqual(["Bucket", "Tg.Name", "Tg.VpcId"]);
  });
});
