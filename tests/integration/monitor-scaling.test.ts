import { describe, expect, it } from "vitest";
import type { AppContext } from "@/lib/server/context";
import { createEnvironment } from "@/lib/server/environments";
import { getScalingActivities } from "@/lib/server/monitor";
import { withDbAndSandbox, type PlanSandbox } from "./helpers/db-and-sandbox";

// The service page's "why the desired count changed": the server reads Application Auto Scaling
// (the real client over HTTP against the sandbox) for the service's range and its activities.

let sb: PlanSandbox;
let ctx: AppContext;
withDbAndSandbox(async (t) => {
  ({ sb, ctx } = t);
  await sb.ecs.createCluster({ clusterName: "shop" });
  await sb.control({ action: "addInstances", cluster: "shop", count: 1, instanceType: "m5.large" });
  await sb.ecs.registerTaskDefinition({ family: "web", containerDefinitions: [{ name: "app", image: "nginx:1.27", memory: 128 }] });
  await sb.ecs.createService({ cluster: "shop", serviceName: "web", taskDefinition: "web", desiredCount: 1 });
  await sb.ecs.createService({ cluster: "shop", serviceName: "plain", taskDefinition: "web", desiredCount: 1 });
});

describe("the service page's scaling activity", () => {
  it("shows the range and why the desired count changed, newest first; an unscaled service says so", async () => {
    const e = await createEnvironment({ ctx, input: { name: "sb-scaling", kind: "sandbox", region: "eu-west-1", readOnly: false } });
    const aas = sb.aws.autoscaling({ region: "eu-west-1" });
    try {
      const target = { ServiceNamespace: "ecs" as const, ResourceId: "service/shop/web", ScalableDimension: "ecs:service:DesiredCount" as const };
      await aas.registerScalableTarget({ ...target, MinCapacity: 2, MaxCapacity: 5 });
      await aas.putScheduledAction({ ...target, ScheduledActionName: "peak", Schedule: "rate(5 minutes)", ScalableTargetAction: { MinCapacity: 3 } });
      await sb.control({ action: "step", seconds: 6 * 60 });
    } finally {
      aas.destroy();
    }
    const v = await getScalingActivities({ ctx, input: { envId: e.id, cluster: "shop", service: "web" } });
    expect(v).toMatchObject({ scaled: true, minCapacity: 3, maxCapacity: 5 });
    expect(v.activities.map((a) => a.description)).toEqual(["Setting desired count to 3.", "Setting min capacity to 3", "Setting desired count to 2."]);
    expect(v.activities[1]).toMatchObject({ cause: "scheduled action name peak was triggered", status: "Successful" });
    expect(v.activities[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const plain = await getScalingActivities({ ctx, input: { envId: e.id, cluster: "shop", service: "plain" } });
    expect(plain).toMatchObject({ scaled: false, activities: [] });
  });
});
