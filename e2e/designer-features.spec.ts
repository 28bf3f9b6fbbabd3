import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createDesign, dragConnect, fixture, inspectorOf, openSampleCanvas, screenshot, storedDocument, uniqueName, waitSaved } from "./helpers";

// The designer's second round: the sample design, service → load balancer by dragging, list
// fields and findings in the inspector, the JSON tab, container edge kinds, import/export,
// copy/paste between designs, and both themes.

const problems = (page: Page) => page.getByRole("region", { name: "Problems" });


test("sample design, service → load balancer, list fields, findings on fields and the JSON tab", async ({ page }) => {
  const url = await openSampleCanvas(page, uniqueName("Sample"), "designer-empty");
  await expect(page.getByTestId("task-definition-node")).toHaveCount(2);
  await expect(page.getByTestId("target-group-node")).toHaveCount(1);
  await expect(page.getByTestId("empty-canvas")).toHaveCount(0);
  await expect(problems(page).locator('[data-testid="finding"]').filter({ has: page.locator("text=/error/i") })).toHaveCount(0);
  // One undo step takes the whole sample away, redo brings it back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("service-node")).toHaveCount(0);
  await expect(page.getByTestId("empty-canvas")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByTestId("service-node")).toHaveCount(2);
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await screenshot(page, "designer-sample");

  // Drag orders-api → the load balancer: it registers its only mapped port, api:8080.
  const orders = page.getByTestId("service-node").filter({ hasText: "orders-api" });
  const lb = page.getByTestId("target-group-node");
  await dragConnect(page, orders.locator(".react-flow__handle-right"), lb);
  await expect(page.locator(".react-flow__edge").filter({ hasText: "api:8080" })).toHaveCount(1);
  await orders.click();
  const inspector = inspectorOf(page);
  // The inspector says where to learn what a service is.
  await expect(inspector.getByTestId("kind-concept-link")).toHaveAttribute("href", "/learn/concepts#ecs-building-blocks");
  await inspector.getByText("What is this?").click();
  await expect(inspector.getByTestId("kind-help")).toContainText("keeps a desired number of tasks");
  await expect(inspector.getByTestId("kind-help").getByRole("link", { name: "Lesson: Let a service keep two copies alive" })).toHaveAttribute("href", "/learn/service-self-healing");
  await screenshot(page, "inspector-what-is-this");
  await inspector.getByText("What is this?").click();
  const lbItem = inspector.getByRole("group", { name: "Load balancer 1" });
  await expect(lbItem.getByLabel("Container", { exact: true })).toHaveValue("api");
  await expect(lbItem.getByLabel("Container port")).toHaveValue("8080");
  await expect(lbItem.getByLabel("Target group", { exact: true })).toHaveValue("targetgroup/storefront-tg");
  await screenshot(page, "designer-service-lb");

  // Lists in the container form: add an environment variable and a port mapping.
  await page.getByTestId("container-node").filter({ hasText: "web" }).click();
  await expect(inspector.getByLabel("Image")).toHaveValue("public.ecr.aws/nginx/nginx:1.27");
  await expect(inspector.getByText("When an essential container stops", { exact: false })).toBeVisible();
  // Under a field's help: the concept that explains it and the lesson that practises it, in a new tab.
  const essentialLearn = inspector.locator('[data-field-path$=".essential"]').getByTestId("field-concept-link");
  await expect(essentialLearn.getByRole("link", { name: "Learn about Container definition, task definition, service, cluster", exact: true }))
    .toHaveAttribute("href", "/learn/concepts#ecs-building-blocks");
  const essentialLesson = essentialLearn.getByRole("link", { name: "Lesson: An essential sidecar takes the task down", exact: true });
  await expect(essentialLesson).toHaveAttribute("href", "/learn/essential-sidecar");
  await expect(essentialLesson).toHaveAttribute("target", "_blank");
  await inspector.getByRole("button", { name: "Add variable" }).click();
  const variable = inspector.getByRole("group", { name: "Variable 2" });
  await variable.getByLabel("Name").fill("LOG_LEVEL");
  await variable.getByLabel("Value").fill("debug");
  await inspector.getByRole("button", { name: "Add port mapping" }).click();
  await expect(inspector.getByRole("group", { name: "Port mapping 2" }).getByLabel("Container port")).toHaveValue("8080");
  await screenshot(page, "designer-inspector-lists");
  await waitSaved(page);
  const doc = await storedDocument(page, url);
  const web = doc.taskDefinitions.find((t: { family: string }) => t.family === "storefront").containerDefinitions[0];
  expect(web.environment).toEqual([{ name: "ORDERS_URL", value: "http://orders-api.shop.local:8080" }, { name: "LOG_LEVEL", value: "debug" }]);
  expect(web.portMappings[1]).toEqual({ containerPort: 8080, protocol: "tcp" });
  expect(doc.services.find((s: { serviceName: string }) => s.serviceName === "orders-api").loadBalancers)
    .toEqual([{ targetGroupArn: "targetgroup/storefront-tg", containerName: "api", containerPort: 8080 }]);

  // A finding lands on its field; clicking it in Problems focuses that field.
  const storefront = page.getByTestId("task-definition-node").filter({ hasText: "storefront" });
  await storefront.getByText("Task definition", { exact: true }).click();
  await expect(inspector.locator('[data-field-path$=".networkMode"]').getByRole("link", { name: "Learn about Network modes" }))
    .toHaveAttribute("href", "/learn/concepts#network-modes");
  await inspector.getByLabel("Task memory (MiB)").fill("5000");
  const sizeFinding = problems(page).locator('[data-rule="fargate-task-size"]');
  await expect(sizeFinding).toHaveCount(1);
  const memoryField = inspector.locator('[data-field-path="taskDefinitions.0.memory"]');
  await expect(memoryField).toHaveAttribute("data-invalid", "true");
  await expect(memoryField.getByTestId("field-findings")).toBeVisible();
  await page.getByTestId("container-node").filter({ hasText: "api" }).click();
  await sizeFinding.getByRole("button", { name: /storefront/ }).click();
  await expect(inspector.getByLabel("Task memory (MiB)")).toBeFocused();
  await screenshot(page, "designer-field-finding");
  await sizeFinding.getByRole("button", { name: /^Fix:/ }).click();
  await expect(sizeFinding).toHaveCount(0);

  // JSON tab: a bad edit is refused with the field, a good one applies as one undo step.
  await inspector.getByRole("tab", { name: "JSON" }).click();
  const json = inspector.getByLabel("Task definition JSON");
  const text = await json.inputValue();
  expect(JSON.parse(text)).toMatchObject({ family: "storefront", cpu: "512" });
  await json.fill(text.replace('"cpu": "512"', '"cpu": 512'));
  await inspector.getByRole("button", { name: "Apply" }).click();
  await expect(inspector.getByTestId("json-error")).toContainText("cpu");
  await screenshot(page, "designer-json-refused");
  await json.fill(text.replace(/"memory": "\d+"/, '"memory": "2048"'));
  await inspector.getByRole("button", { name: "Apply" }).click();
  await expect(inspector.getByRole("status")).toHaveText("Applied.");
  await expect(storefront).toContainText("0.5 vCPU · 2 GB");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(storefront).not.toContainText("0.5 vCPU · 2 GB");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(storefront).toContainText("0.5 vCPU · 2 GB");
});

test("container connections: pick dependsOn or link, switch on the edge, and a refused connection says why", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Links"));
  await page.goto(`${url}/canvas`);
  await page.getByTestId("palette-taskDefinition").focus();
  await page.keyboard.press("Enter");
  const td = page.getByTestId("task-definition-node");
  await expect(td).toHaveCount(1);
  await td.getByText("Task definition", { exact: true }).click();
  const inspector = inspectorOf(page);
  await inspector.getByLabel("Network mode").selectOption("bridge");
  await page.getByTestId("palette-container").focus();
  await page.keyboard.press("Enter");
  const containers = page.getByTestId("container-node");
  await expect(containers).toHaveCount(2);

  // web-2 → web in bridge mode: the menu asks what the edge means.
  const web = containers.filter({ hasText: /^.*web(?!-2)/ }).first();
  const web2 = containers.filter({ hasText: "web-2" });
  await dragConnect(page, web2.locator(".react-flow__handle-right"), web);
  const menu = page.getByRole("menu", { name: "Connect web-2 to web" });
  await expect(menu).toBeVisible();
  await screenshot(page, "designer-link-choice");
  await menu.getByRole("menuitem", { name: /^Link/ }).click();
  const linkEdge = page.locator(".react-flow__edge").filter({ hasText: "link" });
  await expect(linkEdge).toHaveCount(1);

  // The edge's kind can be switched in the inspector.
  // The label sits on an SVG path React Flow keeps re-measuring; a click event on the edge selects it.
  await linkEdge.dispatchEvent("click");
  await inspector.getByLabel("Connection kind").selectOption("dependsOn:HEALTHY");
  await expect(page.locator(".react-flow__edge").filter({ hasText: "HEALTHY" })).toHaveCount(1);
  await expect(page.locator(".react-flow__edge").filter({ hasText: "link" })).toHaveCount(0);
  await waitSaved(page);
  const doc = await storedDocument(page, url);
  expect(doc.taskDefinitions[0].containerDefinitions[1]).toMatchObject({ name: "web-2", dependsOn: [{ containerName: "web", condition: "HEALTHY" }] });
  expect(doc.taskDefinitions[0].containerDefinitions[1]).not.toHaveProperty("links");

  // web → web-2 now would make them wait for each other: refused, with the reason.
  await dragConnect(page, web.locator(".react-flow__handle-right"), web2);
  await expect(page.getByTestId("designer-notice")).toContainText("cycle");
  await screenshot(page, "designer-connect-refused");
});

test("export and import: task definition JSON download, import merges with renaming, copy/paste between designs", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const urlA = await openSampleCanvas(page, uniqueName("Export A"));

  // Download the selected task definition as RegisterTaskDefinition input.
  await page.getByTestId("task-definition-node").filter({ hasText: "orders-api" }).getByText("Task definition", { exact: true }).click();
  await page.getByRole("button", { name: "Export ▾" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /Task definition JSON/ }).click()]);
  expect(download.suggestedFilename()).toBe("orders-api.task-definition.json");
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ family: "orders-api", cpu: "1024" });
  expect(exported).not.toHaveProperty("id");

  // And the selected service as CreateService input.
  await page.getByTestId("service-node").filter({ hasText: "storefront" }).click();
  await page.getByRole("button", { name: "Export ▾" }).click();
  const [svcDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: /Service JSON/ }).click()]);
  expect(svcDownload.suggestedFilename()).toBe("storefront.service.json");
  const svc = JSON.parse(await readFile((await svcDownload.path())!, "utf8"));
  expect(svc).toMatchObject({ serviceName: "storefront", cluster: "shop", taskDefinition: "storefront", desiredCount: 2 });

  // Import a task definition whose family is taken elsewhere, and the exported one: renamed on collision.
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog", { name: "Import into this design" });
  await dialog.getByLabel("Or paste").fill("{ not json");
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByTestId("import-issues")).toContainText("Malformed JSON");
  await dialog.getByLabel("Or paste").fill(JSON.stringify(exported));
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("task-definition-node").filter({ hasText: "orders-api-2" })).toHaveCount(1);
  await page.getByRole("button", { name: "Import" }).click();
  await dialog.getByLabel("File").setInputFiles(fixture("fargate-bad-size.json"));
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("task-definition-node").filter({ hasText: "checkout-api" })).toHaveCount(1);
  await expect(problems(page).locator('[data-rule="fargate-task-size"]')).toHaveCount(1);

  // Copy the cluster (it brings its services) and paste it into another design.
  await page.getByTestId("cluster-node").getByText("Cluster", { exact: true }).click();
  await page.keyboard.press("ControlOrMeta+c");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toMatchObject({ kind: "stevedore/designer-selection" });
  // Pasting back into the same design renames what collides.
  await page.getByRole("button", { name: "Zoom to fit" }).focus();
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("cluster-node")).toHaveCount(2);
  await expect(page.getByTestId("cluster-node").filter({ hasText: "shop-2" })).toHaveCount(1);
  await waitSaved(page);

  const urlB = await createDesign(page, uniqueName("Export B"));
  await page.goto(`${urlB}/canvas`);
  await expect(page.getByTestId("empty-canvas")).toBeVisible();
  await page.getByRole("button", { name: "Zoom to fit" }).focus();
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("cluster-node")).toHaveCount(1);
  await expect(page.getByTestId("service-node")).toHaveCount(2);
  await waitSaved(page);
  const doc = await storedDocument(page, urlB);
  expect(doc.clusters.map((c: { clusterName: string }) => c.clusterName)).toEqual(["shop"]);
  expect(doc.services.map((s: { serviceName: string }) => s.serviceName)).toEqual(["storefront", "orders-api"]);
  expect(urlA).not.toBe(urlB);
});

test("light and dark themes: toggle in the header, kept after reload", async ({ page }) => {
  await openSampleCanvas(page, uniqueName("Themes"));
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await page.getByTestId("service-node").filter({ hasText: "storefront" }).click();
  await screenshot(page, "designer-theme-light");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  // The sample must be stored before the reload brings the page back from the server.
  await waitSaved(page);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.getByRole("button", { name: "Switch to light theme" })).toBeVisible();
  await page.getByTestId("service-node").filter({ hasText: "storefront" }).click();
  await screenshot(page, "designer-theme-dark");
  await page.getByTestId("container-node").filter({ hasText: "web" }).click();
  await screenshot(page, "designer-inspector-dark");
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "designer-home-dark");
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});
