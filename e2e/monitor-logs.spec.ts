import { expect, test, type APIRequestContext } from "@playwright/test";
import { CreateClusterCommand, CreateServiceCommand, ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand } from "@aws-sdk/client-ecs";
import { createSandboxKey, screenshot } from "./helpers";

// Container logs on the monitor's service page (issue 15): a service in the app's own sandbox
// whose containers log with awslogs; what they print is in CloudWatch Logs (the sandbox's), a
// crash's last lines sit next to its stop reason, and a live tail shows a new line within 2 s.

const SANDBOX_ENV = "00000000-0000-4000-8000-00000000ec50";
const EXECUTION_ROLE = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";

async function control(request: APIRequestContext, body: object) {
  const res = await request.post("/sandbox/control", { data: { region: "eu-west-1", ...body } });
  expect(res.ok()).toBe(true);
  return res.json();
}

const awslogs = (group: string, create = true) => ({
  logDriver: "awslogs" as const,
  options: { "awslogs-group": group, "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "shop", ...(create ? { "awslogs-create-group": "true" } : {}) },
});

test("a crashing container's last lines are next to its stop reason, and a live tail shows a new line within 2 s", async ({ page, baseURL, request }) => {
  test.setTimeout(180_000);
  const ecs = new ECSClient({ endpoint: `${baseURL}/sandbox/ecs`, region: "eu-west-1", credentials: await createSandboxKey(page), maxAttempts: 2 });
  const cluster = `logs-${Date.now()}`;
  const group = `/ecs/${cluster}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: `${cluster}-web`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [
      { name: "app", image: "shop:1", essential: true, portMappings: [{ containerPort: 8080 }], logConfiguration: awslogs(group) },
      { name: "agent", image: "agent:1", essential: false, logConfiguration: awslogs(group) },
      { name: "log-router", image: "fluent-bit:1", essential: false, firelensConfiguration: { type: "fluentbit" } },
    ],
  }));
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "web", taskDefinition: `${cluster}-web`, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } },
  }));

  await page.goto(`/monitor/${SANDBOX_ENV}/${cluster}/web`);
  await expect(page.getByTestId("service-counts")).toContainText("1 running of 1 desired", { timeout: 40_000 });
  const logs = page.getByTestId("log-view");
  // The page was opened before the task started: look again for its start-up lines.
  await expect(async () => {
    await logs.getByRole("button", { name: "Search" }).click();
    await expect(logs.getByTestId("log-line").filter({ hasText: "Starting app (shop:1)" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(logs.getByTestId("log-line").filter({ hasText: "Starting agent (agent:1)" })).toBeVisible();
  await expect(logs.getByTestId("log-no-logs")).toContainText('"log-router" has no log driver');
  await screenshot(page, "monitor-logs-startup");

  // Simulated load: the app prints an access line per request (a sample above one per 5 s), written as each simulated minute ends.
  await control(request, { action: "setLoad", cluster, service: "web", load: { kind: "constant", rps: 2 } });
  await control(request, { action: "step", seconds: 120 });
  await logs.getByTestId("log-search").fill("GET");
  await logs.getByRole("button", { name: "Search" }).click();
  await expect(logs.getByTestId("log-line").filter({ hasText: /GET \/\S* 200 \d+ms/ }).first()).toBeVisible({ timeout: 10_000 });
  await screenshot(page, "monitor-logs-requests");
  await control(request, { action: "setLoad", cluster, service: "web", load: { kind: "off" } });
  await logs.getByTestId("log-search").fill("");
  await logs.getByRole("button", { name: "Search" }).click();

  // Live tail: the agent (not essential) fails; its error shows within 2 s while the task runs on.
  await logs.getByTestId("log-live").check();
  // The server holds one CloudWatch Logs Live Tail session for the stream set and says so.
  await expect(logs.getByTestId("log-tail-mode")).toHaveText("(streaming)", { timeout: 10_000 });
  const [taskArn] = (await ecs.send(new ListTasksCommand({ cluster, serviceName: "web" }))).taskArns!;
  await control(request, { action: "crashTask", cluster, task: taskArn, container: "agent", exitCode: 2, reason: "agent lost its upstream connection" });
  await expect(logs.getByTestId("log-line").filter({ hasText: "Error: agent lost its upstream connection" })).toBeVisible({ timeout: 2_000 });
  await screenshot(page, "monitor-logs-live-tail");
  await logs.getByTestId("log-live").uncheck();

  // The app crashes: the stop reason, and "Logs when it stopped" shows its last lines, the stack trace.
  await control(request, { action: "crashTask", cluster, task: taskArn, container: "app", exitCode: 1, reason: "TypeError: Cannot read properties of undefined (reading 'price')" });
  const why = page.getByTestId("why-stopped").getByRole("listitem").filter({ hasText: taskArn.split("/").pop()!.slice(0, 12) });
  await expect(why).toContainText("EssentialContainerExited", { timeout: 40_000 });
  await why.getByTestId("show-stop-logs").click();
  await expect(logs.getByTestId("log-range")).toBeVisible();
  const last = logs.getByTestId("log-line").filter({ hasText: "app exited with code 1" });
  await expect(last).toBeVisible({ timeout: 10_000 });
  await expect(logs.getByTestId("log-line").filter({ hasText: "Error: TypeError: Cannot read properties of undefined (reading 'price')" })).toBeVisible();
  await expect(logs.getByTestId("log-task")).toHaveValue(taskArn.split("/").pop()!);
  await screenshot(page, "monitor-logs-crash");

  // The chart marks the stop and the starts-and-stops bars count it: one list of tasks, one window.
  const utilisation = page.getByTestId("utilisation");
  await expect(utilisation.getByTestId("metrics-marks-summary")).toContainText("task stops (1)", { timeout: 30_000 });
  await expect(utilisation.getByTestId("starts-stops")).toContainText("stopped (1)");
  await utilisation.scrollIntoViewIfNeeded();
  await screenshot(page, "monitor-metrics-stops");

  // Download as text.
  const download = page.waitForEvent("download");
  await logs.getByTestId("log-download").click();
  expect((await download).suggestedFilename()).toMatch(/^web-[0-9a-f]{12}-logs\.txt$/);

  // Empty and error states: nothing matches; a pattern CloudWatch Logs refuses.
  await logs.getByTestId("log-search").fill("NO_SUCH_WORD_ANYWHERE");
  await logs.getByRole("button", { name: "Search" }).click();
  await expect(logs.getByTestId("log-empty")).toContainText("No line matches NO_SUCH_WORD_ANYWHERE");
  await screenshot(page, "monitor-logs-empty");
  await logs.getByTestId("log-search").fill("{ $.level = }");
  await logs.getByRole("button", { name: "Search" }).click();
  await expect(logs.getByRole("alert")).toContainText("Invalid filter pattern");
  await screenshot(page, "monitor-logs-error");
});

test("a service whose log group does not exist: the stop reason and the log view say so", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const ecs = new ECSClient({ endpoint: `${baseURL}/sandbox/ecs`, region: "eu-west-1", credentials: await createSandboxKey(page), maxAttempts: 2 });
  const cluster = `nolog-${Date.now()}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  await ecs.send(new RegisterTaskDefinitionCommand({
    family: `${cluster}-api`, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "512", executionRoleArn: EXECUTION_ROLE,
    containerDefinitions: [{ name: "api", image: "api:1", essential: true, logConfiguration: awslogs(`/ecs/${cluster}`, false) }],
  }));
  await ecs.send(new CreateServiceCommand({
    cluster, serviceName: "api", taskDefinition: `${cluster}-api`, desiredCount: 1, launchType: "FARGATE",
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a1b2c3d"] } },
  }));
  await page.goto(`/monitor/${SANDBOX_ENV}/${cluster}/api`);
  await expect(page.getByTestId("why-stopped")).toContainText("ResourceInitializationError: failed to validate logger args", { timeout: 40_000 });
  await expect(page.getByTestId("log-view").getByTestId("log-no-logs")).toContainText(`The log group /ecs/${cluster} does not exist`);
  await screenshot(page, "monitor-logs-no-group");
  // No task ever ran: no datapoints, said so, while the failed starts are counted as stops.
  const utilisation = page.getByTestId("utilisation");
  await expect(utilisation.getByTestId("metrics-empty")).toContainText("No datapoints yet");
  await expect(utilisation.getByTestId("starts-stops")).toContainText(/stopped \([1-9]\d*\)/);
  await utilisation.scrollIntoViewIfNeeded();
  await screenshot(page, "monitor-metrics-empty");
});
