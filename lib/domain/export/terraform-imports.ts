import { clusterNameOf, type Design } from "../design";
import type { LiveState } from "../plan";
import { terraformAddresses } from "./terraform";

/**
 * An `import {}` block for each resource of the Terraform export that already exists in the
 * account (as read for a plan): the configuration then adopts what Stevedore (or anyone) applied
 * instead of creating it again, and `terraform plan` shows only real differences. The ids are
 * those the hashicorp/aws provider's import documents for each resource:
 * - aws_ecs_cluster: the cluster's name; aws_ecs_service: `<cluster name>/<service name>`;
 * - aws_ecs_task_definition, aws_ecs_capacity_provider, aws_lb, aws_lb_target_group,
 *   aws_lb_listener, aws_lb_listener_rule: the ARN;
 * - aws_scheduler_schedule_group: its name; aws_scheduler_schedule: `<group>/<name>`.
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs, each resource's "Import".)
 */
export function terraformImportsFor(design: Design, live: LiveState, designId?: string): { address: string; id: string }[] {
  const out: { address: string; id: string }[] = [];
  for (const a of terraformAddresses(design, designId)) {
    const id = liveIdOf(a, live);
    if (id) out.push({ address: a.address, id });
  }
  return out;
}

function liveIdOf(a: { kind: string; name: string; cluster?: string }, live: LiveState): string | undefined {
  switch (a.kind) {
    case "cluster": return live.clusters[a.name] ? a.name : undefined;
    case "capacityProvider": return live.capacityProviders?.[a.name]?.capacityProviderArn;
    case "taskDefinition": return live.taskDefinitions[a.name]?.taskDefinition.taskDefinitionArn;
    case "service": {
      const cluster = a.cluster ? clusterNameOf(a.cluster) : undefined;
      const s = live.services.find((x) => x.serviceName === a.name && x.clusterArn !== undefined && clusterNameOf(x.clusterArn) === cluster);
      return s ? `${cluster}/${a.name}` : undefined;
    }
    case "targetGroup": return live.targetGroups?.[a.name]?.targetGroup.TargetGroupArn;
    case "loadBalancer": return live.loadBalancers?.[a.name]?.loadBalancer.LoadBalancerArn;
    case "listener": return listenerOf(live, a.name)?.listener.ListenerArn;
    case "rule": {
      const [listener, priority] = a.name.split("#");
      return listenerOf(live, listener)?.rules.find((r) => r.Priority === priority)?.RuleArn;
    }
    case "scheduleGroup": return live.schedules?.groups[a.name] ? a.name : undefined;
    case "scheduledTask": return live.schedules?.byKey[a.name] ? a.name : undefined;
    default: return undefined;
  }
}

/** The live listener `<load balancer name>:<port>`. */
function listenerOf(live: LiveState, name: string) {
  const at = name.lastIndexOf(":");
  return live.loadBalancers?.[name.slice(0, at)]?.listeners.find((l) => l.listener.Port === Number(name.slice(at + 1)));
}
