import { expect, test, type Page } from "@playwright/test";
import { dragConnect, fitView, inspectorOf, openSampleCanvas, storedDocument, uniqueName, waitSaved } from "./helpers";

// Capacity providers on the canvas: one dragged from the palette, its Auto Scaling group's ARN
// filled in the inspector (the rule's finding goes), a cluster associating it and a service's
// strategy naming it, both by dragging an edge, and the cluster's default strategy picking it.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/capacity-${name}.png` });
const ASG_ARN = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:0b4f7c2e-1a2b-4c3d-9e8f-123456789abc:autoScalingGroupName/shop-ec2";

test("drag a capacity provider onto the canvas, fill its inspector, connect a cluster and a service to it", async ({ page }) => {
  const url = await openSampleCanvas(page, uniqueName("Capacity"));
  const flow = page.getByTestId("designer-flow");

  await expect(page.getByTestId("palette-capacityProvider")).toContainText("Capacity provider");
  await page.getByTestId("palette-capacityProvider").dragTo(flow, { targetPosition: { x: 160, y: 60 } });
  const provider = page.getByTestId("capacity-provider-node");
  await expect(provider).toHaveCount(1);
  await expect(provider).toContainText("ec2-capacity");
  await expect(provider).toContainText("Auto Scaling group");
  await expect(provider).toContainText("target 100%");
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole("heading", { name: "Capacity provider" })).toBeVisible();
  // No Auto Scaling group yet: the rule says so on the node and in the inspector.
  await expect(provider.getByTestId("finding-badge")).toBeVisible();
  await expect(inspector.getByLabel("Problems of this resource")).toContainText("autoScalingGroupArn must be an Auto Scaling group's full ARN");
  await shot(page, "new-provider");

  await inspector.getByLabel("Auto Scaling group ARN").fill(ASG_ARN);
  await inspector.getByLabel("Auto Scaling group ARN").press("Tab");
  await inspector.getByLabel("Target capacity (%)").fill("80");
  await inspector.getByLabel("Target capacity (%)").press("Tab");
  await inspector.getByLabel("Managed termination protection").selectOption("ENABLED");
  await expect(provider).toContainText("target 80%");
  await expect(provider.getByTestId("finding-badge")).toHaveCount(0);
  await expect(inspector.getByLabel("Problems of this resource")).toHaveCount(0);
  // An out-of-range target capacity is refused with ECS's range.
  await inspector.getByLabel("Target capacity (%)").fill("120");
  await inspector.getByLabel("Target capacity (%)").press("Tab");
  await expect(inspector.getByLabel("Problems of this resource")).toContainText("must be between 1 and 100");
  await inspector.getByLabel("Target capacity (%)").fill("80");
  await inspector.getByLabel("Target capacity (%)").press("Tab");
  await expect(provider.getByTestId("finding-badge")).toHaveCount(0);
  await shot(page, "provider-filled");

  // Cluster → provider associates it; service → provider puts it in the service's strategy.
  const cluster = page.getByTestId("cluster-node");
  await fitView(page, provider);
  await dragConnect(page, cluster.locator(".react-flow__handle-right"), provider);
  await expect(page.locator(".react-flow__edge").filter({ hasText: "capacity" })).toHaveCount(1);
  const orders = page.getByTestId("service-node").filter({ hasText: "orders-api" });
  await dragConnect(page, orders.locator(".react-flow__handle-right"), provider);
  await expect(page.locator(".react-flow__edge").filter({ hasText: "weight 1" })).toHaveCount(1);
  await shot(page, "edges");

  await provider.getByText("Capacity provider", { exact: true }).click();
  await expect(inspector.getByTestId("capacity-provider-users")).toContainText("Clusters: shop.");
  await expect(inspector.getByTestId("capacity-provider-users")).toContainText("Strategies of orders-api name it.");

  // The service's strategy editor shows the provider, offered beside FARGATE and FARGATE_SPOT.
  await orders.getByText("Service", { exact: true }).click();
  const item = inspector.getByRole("group", { name: "Capacity provider 1" });
  await expect(item.getByLabel("Provider", { exact: true })).toHaveValue("ec2-capacity");
  await expect(item.locator("datalist option[value='FARGATE_SPOT']")).toHaveCount(1);
  await shot(page, "service-strategy");

  // Renaming the provider follows into the cluster and the strategy.
  await provider.getByText("Capacity provider", { exact: true }).click();
  await inspector.getByLabel("Name", { exact: true }).fill("shop-ec2");
  await inspector.getByLabel("Name", { exact: true }).press("Enter");
  await expect(provider).toContainText("shop-ec2");
  await waitSaved(page);
  const doc = await storedDocument(page, url);
  expect(doc.capacityProviders).toEqual([expect.objectContaining({
    name: "shop-ec2",
    autoScalingGroupProvider: expect.objectContaining({ autoScalingGroupArn: ASG_ARN, managedTerminationProtection: "ENABLED", managedScaling: expect.objectContaining({ status: "ENABLED", targetCapacity: 80 }) }),
  })]);
  expect(doc.clusters[0].capacityProviders).toContain("shop-ec2");
  const svc = doc.services.find((s: { serviceName: string }) => s.serviceName === "orders-api");
  expect(svc.capacityProviderStrategy).toEqual([{ capacityProvider: "shop-ec2", weight: 1 }]);
  expect(svc.launchType).toBeUndefined();

  // Switched to Managed Instances, the form asks for what that kind needs.
  await inspector.getByLabel("Kind", { exact: true }).selectOption("Managed Instances");
  await expect(provider).toContainText("Managed Instances");
  await expect(inspector.getByLabel("Infrastructure role ARN")).toBeVisible();
  await expect(inspector.getByLabel("Auto Scaling group ARN")).toHaveCount(0);
  await expect(inspector.getByLabel("Problems of this resource")).toContainText("infrastructureRoleArn must be an IAM role ARN");
  await inspector.getByLabel("Cluster", { exact: true }).selectOption("shop");
  await inspector.getByLabel("Infrastructure role ARN").fill("arn:aws:iam::123456789012:role/ecsInfrastructureRole");
  await inspector.getByLabel("Infrastructure role ARN").press("Tab");
  await expect(inspector.getByLabel("Problems of this resource")).not.toContainText("infrastructureRoleArn");
  await shot(page, "managed-instances");
});
