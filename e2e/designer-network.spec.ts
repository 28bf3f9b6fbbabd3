import { expect, test } from "@playwright/test";
import { inspectorOf, openSampleCanvas, screenshot, uniqueName, waitSaved } from "./helpers";

// The inspector offers the picked environment's subnets and security groups (the sandbox's
// default VPC here), and a service without subnets is fixed in one click with the default VPC.


test("subnets come from the environment, and 'Use default VPC' fixes a service without them", async ({ page }) => {
  await openSampleCanvas(page, uniqueName("Network pickers"));
  await page.getByTestId("service-node").filter({ hasText: "storefront" }).click();
  const inspector = inspectorOf(page);
  // Suggestions come from the built-in sandbox unless another environment is picked.
  await expect(inspector.getByLabel("Suggestions from")).toHaveValue("00000000-0000-4000-8000-00000000ec50");
  const subnets = inspector.getByRole("group", { name: "Subnets" });
  // The sample's made-up subnets go; the service then has none, which ECS refuses.
  await subnets.getByRole("button", { name: "Remove subnet 2" }).click();
  await subnets.getByRole("button", { name: "Remove subnet 1" }).click();
  const problems = page.getByRole("region", { name: "Problems" });
  const finding = problems.getByTestId("finding").filter({ hasText: "needs at least one subnet" });
  await expect(finding).toHaveCount(1);

  // The picker lists the sandbox's three default subnets, one per zone, as suggestions.
  await subnets.getByRole("button", { name: "Add subnet" }).click();
  const options = subnets.getByTestId("suggest-subnet").locator("option");
  await expect(options).toHaveCount(3);
  await expect(options.first()).toHaveAttribute("label", /a · 172\.31\.0\.0\/20 · default VPC/);
  await subnets.getByRole("button", { name: "Remove subnet 1" }).click();
  await screenshot(page, "designer-network-finding");

  await finding.getByRole("button", { name: "Fix: use the default VPC" }).click();
  await expect(finding).toHaveCount(0);
  const values = await subnets.locator("input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect(values).toHaveLength(3);
  for (const v of values) expect(v).toMatch(/^subnet-[0-9a-f]{17}$/);
  // The sample's own security group stays.
  await expect(inspector.getByRole("group", { name: "Security groups" }).locator("input")).toHaveValue("sg-0a1b2c3d4e5f60003");
  await waitSaved(page);
  await screenshot(page, "designer-network-fixed");

  // A task definition's role fields suggest the environment's IAM roles the same way.
  await page.getByTestId("task-definition-node").first().click({ position: { x: 12, y: 12 } });
  await expect(inspector.getByLabel("Suggestions from")).toBeVisible();
  await expect(inspector.getByLabel("Execution role ARN")).toHaveAttribute("list", /suggest-/);
  await expect(inspector.getByTestId("suggest-role").first()).toBeAttached();
});
