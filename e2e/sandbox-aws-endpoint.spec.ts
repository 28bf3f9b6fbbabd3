import { expect, test } from "@playwright/test";
import { createSandboxKey } from "./helpers";
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, StartLiveTailCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import {
  CreateLoadBalancerCommand, DeleteLoadBalancerCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client, LoadBalancerNotFoundException,
} from "@aws-sdk/client-elastic-load-balancing-v2";

// The one endpoint as users reach it: the unchanged SDK clients of three services against the
// running app's /sandbox/aws route (integration tests cover the handlers; this covers Next's
// routing in front of them, e.g. the trailing slash the query protocols add to the path).
// Every call is signed with the editor's own sandbox access key, made on their profile page.
test("ECS, ELBv2 and EC2 clients share the app's /sandbox/aws endpoint", async ({ baseURL, page }) => {
  const credentials = await createSandboxKey(page, "profile-access-key");
  const config = { endpoint: `${baseURL}/sandbox/aws`, region: "eu-west-1", credentials, maxAttempts: 1 };
  const ec2 = new EC2Client(config);
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  const ecs = new ECSClient(config);

  const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }))).Vpcs![0];
  const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.VpcId!] }] }))).Subnets!;
  expect(subnets.map((s) => s.CidrBlock)).toEqual(["172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20"]);

  const name = `e2e-${Date.now() % 1_000_000}`;
  const lb = (await elbv2.send(new CreateLoadBalancerCommand({ Name: name, Subnets: subnets.map((s) => s.SubnetId!) }))).LoadBalancers![0];
  expect(lb).toMatchObject({ LoadBalancerName: name, VpcId: vpc.VpcId, State: { Code: "active" } });
  await elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }));
  await expect(elbv2.send(new DescribeLoadBalancersCommand({ Names: [name] }))).rejects.toBeInstanceOf(LoadBalancerNotFoundException);

  expect((await ecs.send(new ListClustersCommand({}))).clusterArns).toBeDefined();
  // The right key with another secret: AWS's answer to a signature that does not match.
  const wrong = new ECSClient({ ...config, credentials: { ...credentials, secretAccessKey: "not-the-secret-of-this-key-0000000000000" } });
  await expect(wrong.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: "InvalidSignatureException" });
  for (const c of [ec2, elbv2, ecs, wrong]) c.destroy();

  // Revoked on the profile page, the key is refused at once, as AWS refuses a deleted key.
  await page.goto("/profile");
  await page.getByRole("button", { name: `Revoke ${credentials.accessKeyId}` }).click();
  await expect(page.getByTestId("access-key")).toHaveCount(0);
  const revoked = new ECSClient(config);
  await expect(revoked.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: "UnrecognizedClientException", message: "The security token included in the request is invalid." });
  revoked.destroy();
});

// StartLiveTail through Next's route: the event stream is written as it comes, not buffered.
test("a CloudWatch Logs Live Tail session streams through the app's /sandbox/aws route", async ({ baseURL, page }) => {
  const credentials = await createSandboxKey(page);
  const logs = new CloudWatchLogsClient({ endpoint: `${baseURL}/sandbox/aws`, region: "eu-west-1", credentials, maxAttempts: 1, disableHostPrefix: true });
  const group = `/e2e/live-${Date.now() % 1_000_000}`;
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: "app/1" }));
  const abort = new AbortController();
  const out = await logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [group] }), { abortSignal: abort.signal });
  const events = out.responseStream![Symbol.asyncIterator]();
  expect((await events.next()).value.sessionStart.logGroupIdentifiers).toEqual([group]);
  const put = await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: "app/1", logEvents: [{ timestamp: Date.now(), message: "through the route" }] }));
  expect(put.rejectedLogEventsInfo).toBeUndefined();
  const messages: string[] = [];
  while (messages.length === 0) messages.push(...((await events.next()).value.sessionUpdate?.sessionResults ?? []).map((e: { message?: string }) => e.message!));
  expect(messages).toEqual(["through the route"]);
  abort.abort();
  logs.destroy();
});
