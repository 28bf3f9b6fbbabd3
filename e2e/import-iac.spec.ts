import { expect, test } from "@playwright/test";
import { createDesign, fixture, screenshot, uniqueName } from "./helpers";

// Issue 16: a team's existing Terraform (two files) and a CloudFormation template with
// short-form intrinsics open in the canvas through the import dialog; what the design cannot
// hold is listed before anything is added.

test("imports Terraform files and a CloudFormation template through the import dialog, notes first", async ({ page }) => {
  const url = await createDesign(page, uniqueName("Import IaC"));
  await page.goto(`${url}/canvas`);
  await expect(page.getByTestId("empty-canvas")).toBeVisible();

  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import into this design" });
  // A broken file: the parser's error on its line.
  await dialog.getByLabel("Or paste").fill('resource "aws_ecs_cluster" "a" {\n  name =\n}\n');
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(dialog.getByTestId("import-issues")).toContainText("pasted.tf:2");
  await screenshot(page, "import-iac-error");

  await dialog.getByLabel("Files").setInputFiles([fixture("terraform/main.tf"), fixture("terraform/variables.tf")]);
  await expect(dialog.getByText("2 files: main.tf, variables.tf")).toBeVisible();
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  const review = dialog.getByTestId("import-review");
  await expect(review).toContainText("The Terraform holds 1 cluster, 1 task definition, 1 service, 1 target group, 1 load balancer.");
  const notes = dialog.getByTestId("import-notes");
  await expect(notes).toContainText("data.aws_vpc.default");
  await expect(notes).toContainText("var.execution_role_arn has no default");
  await expect(notes).toContainText("aws_lb_target_group.api.vpc_id");
  await screenshot(page, "import-iac-terraform-notes");
  await dialog.getByRole("button", { name: "Add to design" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("cluster-node").filter({ hasText: "payments" })).toHaveCount(1);
  await expect(page.getByTestId("service-node").filter({ hasText: "payments-api" })).toHaveCount(1);
  await expect(page.getByTestId("task-definition-node").filter({ hasText: "payments-api" })).toHaveCount(1);
  await screenshot(page, "import-iac-terraform-canvas");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await dialog.getByLabel("Files").setInputFiles(fixture("stack.yaml"));
  await dialog.getByRole("button", { name: "Import", exact: true }).click();
  await expect(review).toContainText("The CloudFormation template holds 1 cluster, 1 task definition, 1 service.");
  await expect(notes).toContainText("AWS::Logs::LogGroup is not a resource a design holds");
  await expect(notes).toContainText("Worker.ContainerDefinitions[0].Image");
  await screenshot(page, "import-iac-cloudformation-notes");
  await dialog.getByRole("button", { name: "Add to design" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("cluster-node").filter({ hasText: "staging-orders" })).toHaveCount(1);
  await expect(page.getByTestId("service-node").filter({ hasText: "orders-worker" })).toHaveCount(1);
  await screenshot(page, "import-iac-canvas");
});
