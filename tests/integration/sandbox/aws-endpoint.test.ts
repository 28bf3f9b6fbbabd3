import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateClusterCommand, ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import { DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { handleAwsRequest } from "@/lib/sandbox/http";
import { rejection, startSandbox, testAccessKey } from "./server";

// One endpoint for every sandboxed service: /sandbox/aws picks the service from the SigV4
// credential scope (the real SDK clients sign every request), or for an unsigned request from
// X-Amz-Target / the query form's Version. /sandbox/ecs (here: any other path) stays ECS.

let sb: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => { sb = await startSandbox("eu-west-1"); });
afterAll(async () => { await sb.close(); });

const signed = (service: string, body: string, headers: Record<string, string> = {}) => sb.signedFetch("/sandbox/aws", { service, region: "eu-west-1", body, headers });

describe("/sandbox/aws", () => {
  it("serves ECS, ELBv2 and EC2 to their SDK clients, sharing one world per region", async () => {
    await sb.aws.ecs.send(new CreateClusterCommand({ clusterName: "shared" }));
    expect((await sb.ecs.send(new ListClustersCommand({}))).clusterArns).toEqual(["arn:aws:ecs:eu-west-1:000000000000:cluster/shared"]);
    expect((await sb.aws.elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers).toEqual([]);
    expect((await sb.aws.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.[0]).toMatchObject({ IsDefault: true, CidrBlock: "172.31.0.0/16" });
  });

  it("dispatches in-process (unsigned) calls on X-Amz-Target or the query Version, and names what it does not serve", async () => {
    // The handler itself, as the app's own in-process ports call it: nothing signs those.
    const json = await handleAwsRequest({ headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters", "content-type": "application/x-amz-json-1.1" }, body: "{}" }, sb.deps);
    expect(json.status).toBe(200);
    expect(JSON.parse(json.body).clusterArns).toBeDefined();
    const query = await handleAwsRequest({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=DescribeLoadBalancers&Version=2015-12-01" }, sb.deps);
    expect(query.status).toBe(200);
    expect(query.body).toContain("<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">");
    const sqs = await signed("sqs", "Action=ListQueues&Version=2012-11-05");
    expect(sqs.status).toBe(400);
    expect(await sqs.json()).toEqual({ __type: "UnknownServiceException", message: "The sandbox does not serve 'sqs'; it serves ecs, elasticloadbalancing, ec2, iam, logs, servicediscovery, application-autoscaling, scheduler, monitoring, autoscaling, pricing." });
    const logs = await handleAwsRequest({ headers: { "x-amz-target": "Logs_20140328.DescribeLogGroups", "content-type": "application/x-amz-json-1.1" }, body: "{}" }, sb.deps);
    expect(JSON.parse(logs.body)).toEqual({ logGroups: [] });
  });

  it("refuses a call signed with an unknown key or a wrong secret the way each AWS service does, and one not signed at all", async () => {
    const as = (credentials: { accessKeyId: string; secretAccessKey: string }) => {
      const config = { endpoint: sb.aws.endpoint, region: "eu-west-1", maxAttempts: 1, credentials };
      return { ecs: new ECSClient(config), elbv2: new ElasticLoadBalancingV2Client(config), ec2: new EC2Client(config) };
    };
    const errorOf = async (call: Promise<unknown>) => {
      const e = await rejection<{ name: string; message: string; $metadata: { httpStatusCode?: number } }>(call);
      return `${e.name} ${e.$metadata.httpStatusCode}: ${e.message}`;
    };
    const stranger = as(testAccessKey());
    expect(await errorOf(stranger.ecs.send(new ListClustersCommand({})))).toBe("UnrecognizedClientException 400: The security token included in the request is invalid.");
    expect(await errorOf(stranger.elbv2.send(new DescribeLoadBalancersCommand({})))).toBe("InvalidClientTokenId 403: The security token included in the request is invalid.");
    expect(await errorOf(stranger.ec2.send(new DescribeVpcsCommand({})))).toBe("AuthFailure 401: AWS was not able to validate the provided access credentials");
    const wrongSecret = as({ accessKeyId: sb.credentials.accessKeyId, secretAccessKey: testAccessKey().secretAccessKey });
    expect(await errorOf(wrongSecret.ecs.send(new ListClustersCommand({})))).toMatch(/^InvalidSignatureException 400: The request signature we calculated does not match the signature you provided/);
    expect(await errorOf(wrongSecret.elbv2.send(new DescribeLoadBalancersCommand({})))).toMatch(/^SignatureDoesNotMatch 403: The request signature we calculated/);
    for (const c of [stranger, wrongSecret]) for (const client of Object.values(c)) client.destroy();
    const unsigned = await fetch(`${sb.url}/sandbox/aws`, { method: "POST", body: "{}", headers: { "x-amz-target": "AmazonEC2ContainerServiceV20141113.ListClusters", "content-type": "application/x-amz-json-1.1" } });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toEqual({ __type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" });
  });

  it("answers a query Action a service does not have with InvalidAction, in that service's error XML", async () => {
    const res = await signed("ec2", "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16");
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/<Response><Errors><Error><Code>InvalidAction<\/Code>.*<\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
  });

  const awsCli = spawnSync("aws", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!awsCli)("works for the AWS CLI through AWS_ENDPOINT_URL", async () => {
    // The machine's own AWS settings stay out: only the sandbox's endpoint and throwaway keys.
    const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
    Object.assign(env, {
      AWS_ENDPOINT_URL: sb.aws.endpoint, AWS_DEFAULT_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: sb.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: sb.credentials.secretAccessKey,
      AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    });
    const aws = (...args: string[]) => promisify(execFile)("aws", [...args, "--output", "json"], { env: env as NodeJS.ProcessEnv });
    const subnets = JSON.parse((await aws("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true")).stdout).Subnets;
    expect(subnets.map((s: { AvailabilityZone: string }) => s.AvailabilityZone)).toEqual(["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    const created = JSON.parse((await aws("elbv2", "create-load-balancer", "--name", "cli", "--subnets", subnets[0].SubnetId, subnets[1].SubnetId)).stdout);
    expect(created.LoadBalancers[0]).toMatchObject({ LoadBalancerName: "cli", Type: "application", State: { Code: "active" } });
    await expect(aws("elbv2", "describe-target-groups", "--names", "nope")).rejects.toMatchObject({
      stderr: expect.stringContaining("An error occurred (TargetGroupNotFound) when calling the DescribeTargetGroups operation: One or more target groups not found"),
    });
    expect(JSON.parse((await aws("ecs", "list-clusters")).stdout).clusterArns).toContain("arn:aws:ecs:eu-west-1:000000000000:cluster/shared");
    // EC2 Auto Scaling speaks awsQuery; CloudWatch's CLI sends whichever of its protocols it knows.
    await aws("autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", "cli-asg", "--min-size", "0", "--max-size", "2",
      "--launch-template", "LaunchTemplateName=ecs-node", "--vpc-zone-identifier", subnets[0].SubnetId);
    const groups = JSON.parse((await aws("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", "cli-asg")).stdout).AutoScalingGroups;
    expect(groups).toMatchObject([{ AutoScalingGroupName: "cli-asg", MinSize: 0, MaxSize: 2, AvailabilityZones: ["eu-west-1a"] }]);
    await aws("cloudwatch", "put-metric-data", "--namespace", "Cli", "--metric-name", "Hits", "--value", "1");
    expect(JSON.parse((await aws("cloudwatch", "list-metrics", "--namespace", "Cli")).stdout).Metrics).toEqual([{ Namespace: "Cli", MetricName: "Hits", Dimensions: [] }]);
  }, 120_000); // the CLI starts a Python interpreter per call
});
