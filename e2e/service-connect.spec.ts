import { expect, test } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { createSandboxKey, screenshot } from "./helpers";

// Service Connect in the app's own sandbox, set up with the AWS SDK: a cluster whose default
// namespace ECS creates, api serving api:8080 from two tasks, web a client. The service page's
// scene counts the endpoints that answer each alias.

const SANDBOX_ENV = "00000000-0000-4000-8000-00000000ec50";

test("the service page's scene counts the endpoints behind a Service Connect alias", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const ecs = new ECSClient({ endpoint: `${baseURL}/sandbox/ecs`, region: "eu-west-1", credentials: await createSandboxKey(page), maxAttempts: 2 });
  const stamp = Date.now();
  const cluster = `sc-${stamp}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster, serviceConnectDefaults: { namespace: `shop-${stamp}` } }));
  for (const [family, port] of [["api", 8080], ["web", 80]] as const) {
    await ecs.send(new RegisterTaskDefinitionCommand({
      family: `${cluster}-${family}`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512",
      containerDefinitions: [{ name: family, image: `shop/${family}:1`, essential: true, portMappings: [{ name: family, containerPort: port, appProtocol: "http" }] }],
    }));
  }
  const net = { launchType: "FARGATE" as const, networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } } };
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "api", taskDefinition: `${cluster}-api`, desiredCount: 2, ...net,
    serviceConnectConfiguration: { enabled: true, services: [{ portName: "api", clientAliases: [{ port: 8080, dnsName: "api" }] }] },
  }));
  await ecs.send(new CreateServiceCommand({ cluster, serviceName: "web", taskDefinition: `${cluster}-web`, desiredCount: 1, ...net, serviceConnectConfiguration: { enabled: true } }));

  await page.goto(`/monitor/${SANDBOX_ENV}/${cluster}/api`);
  const scene = page.getByTestId("service-scene");
  const alias = scene.getByTestId("scene-service").and(page.locator('[data-service="api"]')).getByTestId("scene-endpoints").locator('[data-alias="api:8080"]');
  await expect(alias).toHaveText("api:8080 · 2 endpoints", { timeout: 60_000 });
  await alias.scrollIntoViewIfNeeded();
  await screenshot(page, "service-connect-endpoints");
  ecs.destroy();
});
