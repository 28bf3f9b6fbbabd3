import {
  AddTagsCommand, CreateListenerCommand, CreateLoadBalancerCommand, CreateRuleCommand, CreateTargetGroupCommand, DeleteListenerCommand,
  DeleteLoadBalancerCommand, DeleteRuleCommand, DeleteTargetGroupCommand, DescribeListenersCommand, DescribeLoadBalancersCommand,
  DescribeRulesCommand, DescribeTagsCommand, DescribeTargetGroupAttributesCommand, ModifyTargetGroupAttributesCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client,
  ModifyListenerCommand, ModifyRuleCommand, ModifyTargetGroupCommand, RemoveTagsCommand, SetSecurityGroupsCommand, SetSubnetsCommand,
  type Listener, type LoadBalancer, type Rule, type TagDescription, type TargetGroup,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { ELBV2_LIMITS, type Elbv2Operation } from "../domain/aws-limits";
import { allPages, chunk, defineAwsPort, type InputOf, type OutputOf } from "./port";

const COMMANDS = {
  DescribeLoadBalancers: DescribeLoadBalancersCommand, CreateLoadBalancer: CreateLoadBalancerCommand, DeleteLoadBalancer: DeleteLoadBalancerCommand,
  SetSubnets: SetSubnetsCommand, SetSecurityGroups: SetSecurityGroupsCommand,
  DescribeTargetGroups: DescribeTargetGroupsCommand, CreateTargetGroup: CreateTargetGroupCommand, ModifyTargetGroup: ModifyTargetGroupCommand,
  DeleteTargetGroup: DeleteTargetGroupCommand, DescribeListeners: DescribeListenersCommand, CreateListener: CreateListenerCommand,
  ModifyListener: ModifyListenerCommand, DeleteListener: DeleteListenerCommand, DescribeRules: DescribeRulesCommand, CreateRule: CreateRuleCommand,
  ModifyRule: ModifyRuleCommand, DeleteRule: DeleteRuleCommand, DescribeTargetHealth: DescribeTargetHealthCommand, DescribeTags: DescribeTagsCommand,
  AddTags: AddTagsCommand, RemoveTags: RemoveTagsCommand,
  DescribeTargetGroupAttributes: DescribeTargetGroupAttributesCommand, ModifyTargetGroupAttributes: ModifyTargetGroupAttributesCommand,
} satisfies Record<Elbv2Operation, unknown>;

type Elbv2Commands = typeof COMMANDS;
type In<K extends Elbv2Operation> = InputOf<Elbv2Commands[K]>;
type Out<K extends Elbv2Operation> = Promise<OutputOf<Elbv2Commands[K]>>;

/** Names or ARNs ELBv2 does not know: a describe of several answers NotFound for the whole call, so the port asks one at a time then. */
const NOT_FOUND = new Set(["LoadBalancerNotFoundException", "LoadBalancerNotFound", "TargetGroupNotFoundException", "TargetGroupNotFound"]);

/**
 * The Elastic Load Balancing (v2) calls Stevedore makes, paced in the buckets of ELBV2_LIMITS.
 * Lists follow every page (Marker / NextMarker); describes by name or ARN take any number, in
 * calls of ELBv2's batch size, and leave out the ones that do not exist instead of failing.
 */
export interface Elbv2Port {
  /** Every load balancer of the account and Region, or the named / given ones that exist. */
  describeLoadBalancers(input?: { names?: string[]; arns?: string[] }): Promise<LoadBalancer[]>;
  createLoadBalancer(input: In<"CreateLoadBalancer">): Out<"CreateLoadBalancer">;
  deleteLoadBalancer(input: In<"DeleteLoadBalancer">): Out<"DeleteLoadBalancer">;
  setSubnets(input: In<"SetSubnets">): Out<"SetSubnets">;
  setSecurityGroups(input: In<"SetSecurityGroups">): Out<"SetSecurityGroups">;
  /** Every target group, those of one load balancer, or the named / given ones that exist. */
  describeTargetGroups(input?: { loadBalancerArn?: string; names?: string[]; arns?: string[] }): Promise<TargetGroup[]>;
  createTargetGroup(input: In<"CreateTargetGroup">): Out<"CreateTargetGroup">;
  modifyTargetGroup(input: In<"ModifyTargetGroup">): Out<"ModifyTargetGroup">;
  deleteTargetGroup(input: In<"DeleteTargetGroup">): Out<"DeleteTargetGroup">;
  /** Every listener of a load balancer. */
  describeListeners(input: { loadBalancerArn: string }): Promise<Listener[]>;
  createListener(input: In<"CreateListener">): Out<"CreateListener">;
  modifyListener(input: In<"ModifyListener">): Out<"ModifyListener">;
  deleteListener(input: In<"DeleteListener">): Out<"DeleteListener">;
  /** Every rule of a listener, its default rule last. */
  describeRules(input: { listenerArn: string }): Promise<Rule[]>;
  createRule(input: In<"CreateRule">): Out<"CreateRule">;
  modifyRule(input: In<"ModifyRule">): Out<"ModifyRule">;
  deleteRule(input: In<"DeleteRule">): Out<"DeleteRule">;
  describeTargetHealth(input: In<"DescribeTargetHealth">): Out<"DescribeTargetHealth">;
  /** The tags of any number of resources (load balancers, target groups, listeners, rules). */
  describeTags(input: { resourceArns: string[] }): Promise<TagDescription[]>;
  addTags(input: In<"AddTags">): Out<"AddTags">;
  removeTags(input: In<"RemoveTags">): Out<"RemoveTags">;
  /** A target group's attributes (deregistration_delay.timeout_seconds, stickiness, …). */
  describeTargetGroupAttributes(input: In<"DescribeTargetGroupAttributes">): Out<"DescribeTargetGroupAttributes">;
  modifyTargetGroupAttributes(input: In<"ModifyTargetGroupAttributes">): Out<"ModifyTargetGroupAttributes">;
  destroy(): void;
}

const { operations: ops } = ELBV2_LIMITS;

/** Every page of an ELBv2 list, following NextMarker. */
function allMarkerPages<T>(page: (marker: string | undefined) => Promise<{ items?: T[]; next?: string }>): Promise<T[]> {
  return allPages(async (marker) => {
    const r = await page(marker);
    return { items: r.items, nextToken: r.next };
  });
}

/** A describe by names or ARNs in batches; a batch ELBv2 refuses as not found is asked again one by one, keeping those that exist. */
async function describeSome<T>(ids: string[], size: number, call: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const batch of chunk(ids, size)) {
    try {
      out.push(...(await call(batch)));
    } catch (err) {
      if (!NOT_FOUND.has((err as Error).name)) throw err;
      for (const id of batch) {
        try {
          out.push(...(await call([id])));
        } catch (one) {
          if (!NOT_FOUND.has((one as Error).name)) throw one;
        }
      }
    }
  }
  return out;
}

/** ELBv2 of an AWS account (or any implementation at `endpoint`), or the app's own sandbox in-process. */
export const { over: elbv2PortOver, create: createElbv2Port, inProcess: createInProcessElbv2Port } = defineAwsPort<Elbv2Port>()({
  Client: ElasticLoadBalancingV2Client, commands: COMMANDS, limits: ELBV2_LIMITS, sandboxPath: "/sandbox/aws",
  build: ({ send, plainCalls }) => ({
    describeLoadBalancers({ names, arns } = {}) {
      if (names) return describeSome(names, ops.DescribeLoadBalancers.batch, async (Names) => (await send("DescribeLoadBalancers", { Names })).LoadBalancers ?? []);
      if (arns) return describeSome(arns, ops.DescribeLoadBalancers.batch, async (LoadBalancerArns) => (await send("DescribeLoadBalancers", { LoadBalancerArns })).LoadBalancers ?? []);
      return allMarkerPages(async (Marker) => {
        const r = await send("DescribeLoadBalancers", { PageSize: ops.DescribeLoadBalancers.page, Marker });
        return { items: r.LoadBalancers, next: r.NextMarker };
      });
    },
    describeTargetGroups({ loadBalancerArn, names, arns } = {}) {
      const batch = ops.DescribeTargetGroups.batch;
      if (names) return describeSome(names, batch, async (Names) => (await send("DescribeTargetGroups", { Names })).TargetGroups ?? []);
      if (arns) return describeSome(arns, batch, async (TargetGroupArns) => (await send("DescribeTargetGroups", { TargetGroupArns })).TargetGroups ?? []);
      return allMarkerPages(async (Marker) => {
        const r = await send("DescribeTargetGroups", { PageSize: ops.DescribeTargetGroups.page, Marker, ...(loadBalancerArn ? { LoadBalancerArn: loadBalancerArn } : {}) });
        return { items: r.TargetGroups, next: r.NextMarker };
      });
    },
    describeListeners: ({ loadBalancerArn }) => allMarkerPages(async (Marker) => {
      const r = await send("DescribeListeners", { LoadBalancerArn: loadBalancerArn, PageSize: ops.DescribeListeners.page, Marker });
      return { items: r.Listeners, next: r.NextMarker };
    }),
    describeRules: ({ listenerArn }) => allMarkerPages(async (Marker) => {
      const r = await send("DescribeRules", { ListenerArn: listenerArn, PageSize: ops.DescribeRules.page, Marker });
      return { items: r.Rules, next: r.NextMarker };
    }),
    async describeTags({ resourceArns }) {
      const out: TagDescription[] = [];
      for (const batch of chunk(resourceArns, ops.DescribeTags.batch)) out.push(...((await send("DescribeTags", { ResourceArns: batch })).TagDescriptions ?? []));
      return out;
    },
    ...plainCalls(
      "CreateLoadBalancer", "DeleteLoadBalancer", "SetSubnets", "SetSecurityGroups", "CreateTargetGroup",
      "ModifyTargetGroup", "DeleteTargetGroup", "CreateListener", "ModifyListener", "DeleteListener", "CreateRule",
      "ModifyRule", "DeleteRule", "DescribeTargetHealth", "AddTags", "RemoveTags", "DescribeTargetGroupAttributes",
      "ModifyTargetGroupAttributes"
    ),
  }),
});
