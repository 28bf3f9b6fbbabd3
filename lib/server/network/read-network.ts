import type { Listener, LoadBalancer, Rule, RuleCondition } from "@aws-sdk/client-elastic-load-balancing-v2";
import { z } from "zod";
import { rolesForTasks, trustedServices, type EnvironmentNetwork } from "@/lib/domain/designer";
import type { Elbv2Port } from "@/lib/aws";
import { withAws } from "../aws-ports";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";

export const EnvironmentNetworkInputSchema = z.object({ environmentId: z.uuid() });

/**
 * What the inspector's pickers offer from an environment: its VPCs, subnets and security groups
 * (EC2), its target groups, load balancers, their listeners and the Application Load Balancers'
 * listener rules (ELBv2), its roles (IAM), its Cloud Map namespaces and its Auto Scaling groups
 * (EC2 Auto Scaling), every page of each, in one answer.
 */
export async function readEnvironmentNetwork({ ctx, input }: { ctx: AppContext; input: z.infer<typeof EnvironmentNetworkInputSchema> }): Promise<EnvironmentNetwork> {
  const env = await loadEnvironmentRow(ctx, input.environmentId);
  // Five services, read side by side: a picker waits for the slowest, not for the sum.
  const [[vpcs, subnets, securityGroups], [targetGroups, { loadBalancers, listeners, rules }], roles, namespaces, groups] = await Promise.all([
    withAws(ctx, env, "ec2", (ec2) => Promise.all([ec2.describeVpcs(), ec2.describeSubnets(), ec2.describeSecurityGroups()])),
    withAws(ctx, env, "elbv2", (elb) => Promise.all([elb.describeTargetGroups(), readListeners(elb)])),
    withAws(ctx, env, "iam", (iam) => iam.listRoles()),
    withAws(ctx, env, "servicediscovery", (sd) => sd.listNamespaces()),
    withAws(ctx, env, "ec2AutoScaling", (asg) => asg.describeAutoScalingGroups()),
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
    listeners: listeners.map((l) => ({ arn: l.ListenerArn ?? "", loadBalancerArn: l.LoadBalancerArn ?? "", protocol: l.Protocol ?? "", port: l.Port ?? 0 })),
    listenerRules: rules.map(({ listenerArn, rule }) => ({
      arn: rule.RuleArn ?? "", listenerArn,
      priority: rule.IsDefault || rule.Priority === "default" ? "default" as const : Number(rule.Priority),
      conditions: (rule.Conditions ?? []).map(conditionOf),
    })),
    roles: rolesForTasks(roles.map((r) => ({ arn: r.Arn ?? "", name: r.RoleName ?? "", trustedServices: trustedServices(r.AssumeRolePolicyDocument) }))),
    namespaces: byName(namespaces.map((n) => ({ arn: n.Arn ?? "", name: n.Name ?? "", type: n.Type ?? "HTTP" }))),
    autoScalingGroups: byName(groups.map((g) => ({
      arn: g.AutoScalingGroupARN ?? "", name: g.AutoScalingGroupName ?? "", minSize: g.MinSize ?? 0, maxSize: g.MaxSize ?? 0, desiredCapacity: g.DesiredCapacity ?? 0,
    }))),
  };
}

/**
 * Every load balancer, its listeners, and the rules of each Application Load Balancer's listener
 * (a Network Load Balancer's listener is what ECS takes in place of a rule). Each describe follows
 * its pages through the port, paced within ELBv2's limits; the load balancers' reads run side by side.
 */
async function readListeners(elb: Elbv2Port): Promise<{ loadBalancers: LoadBalancer[]; listeners: Listener[]; rules: { listenerArn: string; rule: Rule }[] }> {
  const loadBalancers = await elb.describeLoadBalancers();
  const perLb = await Promise.all(loadBalancers.map(async (lb) => {
    const listeners = lb.LoadBalancerArn ? await elb.describeListeners({ loadBalancerArn: lb.LoadBalancerArn }) : [];
    const rules = lb.Type === "application"
      ? (await Promise.all(listeners.map(async (l) => (l.ListenerArn ? (await elb.describeRules({ listenerArn: l.ListenerArn })).map((rule) => ({ listenerArn: l.ListenerArn!, rule })) : [])))).flat()
      : [];
    return { listeners, rules };
  }));
  return { loadBalancers, listeners: perLb.flatMap((x) => x.listeners), rules: perLb.flatMap((x) => x.rules) };
}

/** A rule condition's field and values, from the legacy Values or from the field's own config. */
function conditionOf(c: RuleCondition): { field: string; values: string[] } {
  const field = c.Field ?? "";
  const values = c.HostHeaderConfig?.Values ?? c.PathPatternConfig?.Values ?? c.HttpRequestMethodConfig?.Values ?? c.SourceIpConfig?.Values
    ?? (c.HttpHeaderConfig ? (c.HttpHeaderConfig.Values ?? []).map((v) => `${c.HttpHeaderConfig!.HttpHeaderName ?? ""}: ${v}`) : undefined)
    ?? (c.QueryStringConfig ? (c.QueryStringConfig.Values ?? []).map((kv) => (kv.Key ? `${kv.Key}=${kv.Value ?? ""}` : kv.Value ?? "")) : undefined)
    ?? c.Values ?? [];
  return { field, values };
}
