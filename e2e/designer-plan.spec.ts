import { expect, test } from "@playwright/test";
import { openSampleCanvas, screenshot, uniqueName, waitSaved } from "./helpers";

// The canvas marks each node with what applying the saved design to the sandbox would do.
test("the plan overlay marks nodes with their plan action", async ({ page }) => {
  await openSampleCanvas(page, uniqueName("Plan overlay"));
  await waitSaved(page);

  await expect(page.getByTestId("plan-mark")).toHaveCount(0);
  await page.getByRole("button", { name: "Show plan against the sandbox" }).click();
  // Services, task definitions, their containers, the cluster, the load balancer and its target group each get a mark.
  for (const testId of ["service-node", "task-definition-node", "cluster-node", "load-balancer-node", "target-group-node"]) {
    for (const node of await page.getByTestId(testId).all()) {
      await expect(node.getByTestId("plan-mark").first()).toHaveAttribute("data-plan-action", /^(create|update|replace|no-change)$/);
    }
  }
  // The sample's ALB and group exist nowhere yet: applying creates them.
  await expect(page.getByTestId("load-balancer-node").getByTestId("plan-mark").first()).toHaveAttribute("data-plan-action", /^(create|no-change)$/);
  await expect(page.getByRole("link", { name: "Full plan" })).toBeVisible();
  await screenshot(page, "designer-plan-overlay");

  await page.getByRole("button", { name: "Show plan against the sandbox" }).click();
  await expect(page.getByTestId("plan-mark")).toHaveCount(0);
});
