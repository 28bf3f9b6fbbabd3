import { expect, test } from "@playwright/test";
import { fixture, screenshot, uniqueName } from "./helpers";

test("imports a Fargate task definition through the file chooser and shows its finding with a fix", async ({ page }) => {
  const name = uniqueName("Imported checkout-api");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });

  const chooserOpened = page.waitForEvent("filechooser");
  await dialog.getByLabel("File").click();
  const chooser = await chooserOpened;
  await chooser.setFiles(fixture("fargate-bad-size.json"));
  await expect(dialog.getByLabel("Text")).toHaveValue(/"family": "checkout-api"/);
  await dialog.getByLabel("Design name").fill(name);
  await screenshot(page, "import-dialog");

  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("import-notes")).toBeVisible();

  const finding = page.getByTestId("finding").filter({ has: page.getByText("fargate-task-size", { exact: true }) });
  await expect(finding).toBeVisible();
  await expect(finding).toHaveAttribute("data-severity", "error");
  await expect(finding).toContainText("taskDefinitions[0].memory");
  await expect(finding).toContainText(/Fix:\s*Use memory "2048"/);
  // Each finding says where to learn why: the concept, and the lesson that practises it.
  await expect(finding.getByRole("link", { name: "EC2 and Fargate" })).toHaveAttribute("href", "/learn/concepts#launch-types");
  await expect(finding.getByRole("link", { name: "try the lesson" })).toHaveAttribute("href", "/learn/fargate-awsvpc");

  const card = page.getByTestId("task-definition-card").filter({ hasText: "checkout-api" });
  await expect(card).toContainText("FARGATE");
  await expect(card).toContainText("awsvpc");
  await expect(card).toContainText("public.ecr.aws/nginx/nginx:1.27");
  await expect(card).toContainText("8080/tcp");
  await expect(page.getByTestId("summary-strip")).toContainText("Errors");

  // The severity filter narrows the list to one kind.
  await page.getByRole("group", { name: "Filter by severity" }).getByRole("button", { name: /^Warnings/ }).click();
  await expect(page.getByTestId("finding").and(page.locator("[data-severity=error]"))).toHaveCount(0);
  await page.getByRole("group", { name: "Filter by severity" }).getByRole("button", { name: /^Errors/ }).click();
  await expect(finding).toBeVisible();
  await page.getByRole("group", { name: "Filter by severity" }).getByRole("button", { name: /^All/ }).click();

  await screenshot(page, "design-with-findings");

  await page.goto("/");
  await expect(page.getByTestId("design-row").filter({ hasText: name })).toContainText(/\d+ errors?/);
});

test("imports a Docker Compose file", async ({ page }) => {
  const name = uniqueName("Compose shop");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("File").setInputFiles(fixture("compose.yaml"));
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();

  await expect(page).toHaveURL(/\/designs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const containers = page.getByTestId("container");
  await expect(containers.filter({ hasText: "nginx:1.27" })).toBeVisible();
  await expect(containers.filter({ hasText: "ghcr.io/example/shop-api:2.3.1" })).toBeVisible();
  await expect(page.getByTestId("service-card").first()).toBeVisible();
});

test("explains why text cannot be imported, with its line", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("Text").fill('{\n  "family": "web",\n  "containerDefinitions": [\n}');
  await dialog.getByRole("button", { name: "Import" }).click();

  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Could not import");
  await expect(alert).toContainText(/line 4/);
  await expect(page).toHaveURL(/\/$/);
});

test("imports a Stevedore design JSON with clusters, task definitions and services", async ({ page }) => {
  const name = uniqueName("Web shop");
  await page.goto("/");
  await page.getByRole("button", { name: "Import" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Import a design" });
  await dialog.getByLabel("File").setInputFiles(fixture("shop-design.json"));
  await dialog.getByLabel("Design name").fill(name);
  await dialog.getByRole("button", { name: "Import" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("cluster-card")).toHaveCount(2);
  await expect(page.getByTestId("cluster-card").filter({ hasText: "shop-prod" })).toContainText("FARGATE_SPOT (weight 3)");
  await expect(page.getByTestId("cluster-card").filter({ hasText: "batch-ec2" })).toContainText("m6i.large");
  await expect(page.getByTestId("task-definition-card")).toHaveCount(3);
  await expect(page.getByTestId("service-card")).toHaveCount(3);
  await expect(page.getByTestId("service-card").filter({ hasText: "image-worker" })).toContainText("EC2");
  await expect(page.getByTestId("finding").filter({ hasText: "fargate-task-size" })).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("import-notes")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Open canvas" })).toHaveAttribute("href", /\/designs\/[0-9a-f-]{36}\/canvas$/);
  await screenshot(page, "design-page");

  await page.goto("/");
  await expect(page.getByTestId("design-row").filter({ hasText: name })).toContainText("3 services");
  await screenshot(page, "designs-list-full");
});
