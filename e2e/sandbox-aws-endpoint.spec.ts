import { expect, test } from "@playwright/test";
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient, ListClustersCommand } from "@aws-sdk/client-ecs";
import {
  CreateLoadBalancerCommand, DeleteLoadBalancerCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client, LoadBalancerNotFoundException,
} from "@aws-sdk/client-elastic-load-balancing-v2";

// The one endpoint as users reach it: the unchanged SDK clients of three services against the
// running app's /sandbox/aws route (integration tests cover the handlers; this covers Next's
// routing in front of them, e.g. the trailing slash the query protocols add to the path).
test("ECS, ELBv2 and EC2 clients share the app's /sandbox/aws endpoint", async ({ baseURL }) => {
  const config = { endpoint: `${baseURL}/sandbox/aws`, region: "eu-west-1", credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" }, maxAttempts: 1 };
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
  for (const c of [ec2, elbv2, ecs]) c.destroy();
});
