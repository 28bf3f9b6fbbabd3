import { z } from "zod";
import { rolesForTasks, trustedServices, type EnvironmentNetwork } from "@/lib/domain/designer";
import { withAws } from "../aws-ports";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";

export const EnvironmentNetworkInputSchema = z.object({ environmentId: z.uuid() });

/**
 * What the inspector's pickers offer from an environment: its VPCs, subnets and security groups
 * (EC2), its target groups and load balancers (ELBv2), its roles (IAM) and its Cloud Map namespaces, every page of each, in one answer.
 */
export async function readEnvironmentNetwork({ ctx, input }: { ctx: AppContext; input: z.infer<typeof EnvironmentNetworkInputSchema> }): Promise<EnvironmentNetwork> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  // Four services, read side by side: a picker waits for the slowest, not for the sum.
  const [[vpcs, subnets, securityGroups], [targetGroups, loadBalancers], roles, namespaces] = await Promise.all([
    withAws(ctx, env, "ec2", (ec2) => Promise.all([ec2.describeVpcs(), ec2.describeSubnets(), ec2.describeSecurityGroups()])),
    withAws(ctx, env, "elbv2", (elb) => Promise.all([elb.describeTargetGroups(), elb.describeLoadBalancers()])),
    withAws(ctx, env, "iam", (iam) => iam.listRoles()),
    withAws(ctx, env, "servicediscovery", (sd) => sd.listNamespaces()),
  ]);
  const byName = <T extends { name: string }>(list: T[]) => list.sort((a, b) => a.name.localeCompare(b.name));
  return {
    vpcs: vpcs.map((v) => ({ id: v.VpcId ?? "", cidr: v.CidrBlock ?? "", isDefault: v.IsDefault === true })),
    subnets: subnets.map((s) => ({ id: s.SubnetId ?? "", vpcId: s.VpcId ?? "", zone: s.AvailabilityZone ?? "", cidr: s.CidrBlock ?? "", defaultForAz: s.DefaultForAz === true }))
      .sort((a, b) => a.zone.localeCompare(b.zone) || a.id.localeCompare(b.id)),
    securityGroups: byName(securityGroups.map((g) => ({ id: g.GroupId ?? "", name: g.GroupName ?? "", vpcId: g.VpcId ?? "" }))),
    targetGroups: byName(targetGroups.map((t) => ({
      arn: t.TargetGroupArn ?? "", name: t.TargetGroupName ?? "", targetType: t.TargetType ?? "instance",
      ...(t.Protocol ? { protocol: t.Protocol } : {}), ...(t.Port !== undefined ? { port: t.Port } : {}), ...(t.VpcId ? { vpcId: t.VpcId } : {}),
    }))),
    loadBalancers: byName(loadBalancers.map((l) => ({
      arn: l.LoadBalancerArn ?? "", name: l.LoadBalancerName ?? "", type: l.Type ?? "application",
      ...(l.Scheme ? { scheme: l.Scheme } : {}), ...(l.VpcId ? { vpcId: l.VpcId } : {}),
    }))),
    roles: rolesForTasks(roles.map((r) => ({ arn: r.Arn ?? "", name: r.RoleName ?? "", trustedServices: trustedServices(r.AssumeRolePolicyDocument) }))),
    namespaces: byName(namespaces.map((n) => ({ arn: n.Arn ?? "", name: n.Name ?? "", type: n.Type ?? "HTTP" }))),
  };
}
