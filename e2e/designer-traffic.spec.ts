import { expect, test, type Page } from "@playwright/test";
import { dragConnect, fitView, inspectorOf, openSampleCanvas, storedDocument, uniqueName, waitSaved } from "./helpers";

// The traffic path on the canvas: an Application Load Balancer dragged from the palette gets a
// listener, forwards to target groups (split by weight), a target group registers a service,
// and the service deploys with a canary strategy over the load balancer's listener rule.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/traffic-${name}.png` });

const edge = (page: Page, label: string) => page.locator(".react-flow__edge").filter({ hasText: label });

test("drag an ALB from the palette, add a listener, forward to target groups, register a service and deploy it as a canary", async ({ page }) => {
  const url = await openSampleCanvas(page, uniqueName("Traffic"));
  const flow = page.getByTestId("designer-flow");
  // The sample's own ALB goes (its target group stays): this test builds the traffic path itself.
  await page.getByTestId("load-balancer-node").filter({ hasText: "storefront-alb" }).getByText("Load balancer", { exact: true }).click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("load-balancer-node")).toHaveCount(0);
  await expect(page.getByTestId("target-group-node")).toHaveCount(1);

  // The palette names both: load balancers and the target groups they forward to.
  await expect(page.getByTestId("palette-loadBalancer")).toContainText("Load balancer");
  await expect(page.getByTestId("palette-targetGroup")).toContainText("Target group");
  await page.getByTestId("palette-loadBalancer").dragTo(flow, { targetPosition: { x: 150, y: 90 } });
  const alb = page.getByTestId("load-balancer-node");
  await expect(alb).toHaveCount(1);
  await expect(alb).toContainText("web-alb");
  await expect(alb).toContainText("ALB");
  await expect(alb).toContainText("No listener yet");
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole("heading", { name: "Load balancer" })).toBeVisible();
  // What the validator says about a fresh ALB shows on its node and in its inspector.
  await expect(alb.getByTestId("finding-badge")).toBeVisible();
  await expect(inspector.getByLabel("Problems of this resource")).toContainText("names no subnets, so apply puts it in the default subnets");

  await inspector.getByRole("button", { name: "Add listener" }).click();
  const listener = inspector.getByRole("group", { name: "Listener 1" });
  await expect(listener.getByLabel("Port", { exact: true })).toHaveValue("80");
  await expect(listener.getByLabel("Protocol", { exact: true })).toHaveValue("HTTP");
  await expect(alb.getByTestId("listener-row")).toHaveText(/HTTP:80.*no target group yet/);
  await shot(page, "alb-listener");

  // A second target group from the palette, then listener → both groups: the traffic splits.
  await page.getByTestId("palette-targetGroup").dragTo(flow, { targetPosition: { x: 620, y: 80 } });
  const tgs = page.getByTestId("target-group-node");
  await expect(tgs).toHaveCount(2);
  const webTg = tgs.filter({ hasText: "web-tg" });
  const storefrontTg = tgs.filter({ hasText: "storefront-tg" });
  await fitView(page, webTg);
  await dragConnect(page, alb.locator('[data-handleid="listener-0"]'), webTg);
  await expect(edge(page, "HTTP:80")).toHaveCount(1);
  await dragConnect(page, alb.locator('[data-handleid="listener-0"]'), storefrontTg);
  await expect(edge(page, "HTTP:80 · 50%")).toHaveCount(2);
  await expect(alb.getByTestId("listener-row")).toHaveText(/HTTP:80.*web-tg 50%, storefront-tg 50%/);

  // Target group → service: orders-api registers its only mapped port.
  const orders = page.getByTestId("service-node").filter({ hasText: "orders-api" });
  await dragConnect(page, webTg.locator(".react-flow__handle-right"), orders);
  await expect(edge(page, "api:8080")).toHaveCount(1);
  await shot(page, "edges");

  // A forward edge's weight splits the traffic: 9 to 1.
  await edge(page, "HTTP:80 · 50%").first().locator(".react-flow__edge-textwrapper").click();
  const edgePanel = inspector.getByTestId("edge-panel");
  await expect(edgePanel).toContainText("web-alb HTTP:80 →");
  await edgePanel.getByLabel("Weight").fill("9");
  await expect(edge(page, "HTTP:80 · 90%")).toHaveCount(1);
  await expect(edge(page, "HTTP:80 · 10%")).toHaveCount(1);
  await shot(page, "forward-weight");

  // The service deploys as a canary: 10 % to the green group first, over the ALB's listener rule.
  await orders.getByText("Service", { exact: true }).click();
  await expect(inspector.getByRole("heading", { name: "Service" })).toBeVisible();
  await inspector.getByLabel("Strategy", { exact: true }).selectOption("CANARY");
  await inspector.getByLabel("Canary traffic %").fill("10");
  await inspector.getByLabel("Canary bake (minutes)").fill("5");
  await inspector.getByLabel("Bake time (minutes)", { exact: true }).fill("10");
  const entry = inspector.getByRole("group", { name: "Load balancer 1" });
  await expect(entry.getByLabel("Target group", { exact: true })).toHaveValue("targetgroup/web-tg");
  // The design's own groups and listener rules are offered beside the environment's.
  await expect(entry.locator("datalist option[value='targetgroup/storefront-tg']").first()).toHaveAttribute("label", /storefront-tg/);
  await expect(entry.locator("datalist option[value='listener-rule/web-alb/80/default']")).toHaveCount(2);
  await entry.getByLabel("Alternate target group (green)").fill("targetgroup/storefront-tg");
  await entry.getByLabel("Production listener rule").fill("listener-rule/web-alb/80/default");
  await entry.getByLabel("Role for ELB changes").fill("arn:aws:iam::123456789012:role/ecsInfrastructureRole");
  await shot(page, "service-canary");
  await waitSaved(page);

  const doc = await storedDocument(page, url);
  expect(doc.loadBalancers).toEqual([expect.objectContaining({
    name: "web-alb", type: "application",
  })]);
  const [listener80] = doc.loadBalancers[0].listeners;
  expect(listener80).toMatchObject({ port: 80, protocol: "HTTP", defaultAction: { type: "forward" } });
  const forward = listener80.defaultAction.targetGroups as { targetGroupArn: string; weight?: number }[];
  expect(forward.map((g) => g.targetGroupArn)).toEqual(["targetgroup/web-tg", "targetgroup/storefront-tg"]);
  expect(forward.map((g) => g.weight ?? 1).sort()).toEqual([1, 9]);
  const svc = doc.services.find((s: { serviceName: string }) => s.serviceName === "orders-api");
  expect(svc.deploymentConfiguration).toMatchObject({ strategy: "CANARY", bakeTimeInMinutes: 10, canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } });
  expect(svc.loadBalancers).toEqual([{
    targetGroupArn: "targetgroup/web-tg", containerName: "api", containerPort: 8080,
    advancedConfiguration: {
      alternateTargetGroupArn: "targetgroup/storefront-tg", productionListenerRule: "listener-rule/web-alb/80/default",
      roleArn: "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
    },
  }]);

  // Renaming the ALB keeps the service's listener rule pointing at it; undo takes the rename back.
  await alb.getByText("Load balancer", { exact: true }).click();
  await inspector.getByLabel("Name", { exact: true }).fill("shop-alb");
  await inspector.getByLabel("Name", { exact: true }).press("Enter");
  await expect(alb).toContainText("shop-alb");
  await orders.getByText("Service", { exact: true }).click();
  await expect(inspector.getByRole("group", { name: "Load balancer 1" }).getByLabel("Production listener rule")).toHaveValue("listener-rule/shop-alb/80/default");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(alb).toContainText("web-alb");

  // A new listener port carries the rule along too; the role fields offer the environment's roles.
  await expect(inspector.getByRole("group", { name: "Load balancer 1" }).getByLabel("Role for ELB changes")).toHaveAttribute("list", /.+/);
  await alb.getByText("Load balancer", { exact: true }).click();
  await inspector.getByRole("group", { name: "Listener 1" }).getByLabel("Port", { exact: true }).fill("8080");
  await expect(alb.getByTestId("listener-row")).toHaveText(/HTTP:8080/);
  await orders.getByText("Service", { exact: true }).click();
  await expect(inspector.getByRole("group", { name: "Load balancer 1" }).getByLabel("Production listener rule")).toHaveValue("listener-rule/web-alb/8080/default");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(alb.getByTestId("listener-row")).toHaveText(/HTTP:80\b/);
  await orders.getByText("Service", { exact: true }).click();
  await expect(inspector.getByRole("group", { name: "Load balancer 1" }).getByLabel("Production listener rule")).toHaveValue("listener-rule/web-alb/80/default");

  // Deleting web-tg takes its forward and the service's entry with it.
  await webTg.getByText("Target group", { exact: true }).click();
  await page.keyboard.press("Delete");
  await expect(tgs).toHaveCount(1);
  await expect(edge(page, "api:8080")).toHaveCount(0);
  await expect(edge(page, "HTTP:80")).toHaveCount(1);
  await fitView(page, alb);
  await shot(page, "after-delete");

  // The same canvas in the dark theme (the system's preference): nodes, edges and labels readable.
  await waitSaved(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(alb).toBeVisible();
  await orders.getByText("Service", { exact: true }).click();
  await fitView(page, alb);
  await shot(page, "after-delete-dark");
});
