import { toAwsFailure } from "@/lib/aws";
import { ecsResourceId } from "@/lib/domain/ecs-facts/auto-scaling";
import type { ScalingActivitiesView } from "@/lib/domain/monitor";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments/environment-record";
import type { ServiceRef } from "./schemas";

/** How many activities the page shows (newest first). */
const SHOWN = 20;

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

/**
 * Why the service's desired count changed, from Application Auto Scaling: its scalable target's
 * range and its scaling activities (DescribeScalableTargets, DescribeScalingActivities). AAS's
 * refusal (no permission, say) is shown as its error instead of failing the page.
 */
export async function getScalingActivities({ ctx, input }: { ctx: AppContext; input: ServiceRef }): Promise<ScalingActivitiesView> {
  const env = await loadEnvironmentRow(ctx, input.envId);
  const fetchedAt = ctx.clock.now().toISOString();
  const resourceId = ecsResourceId(input.cluster, input.service);
  try {
    const aas = ctx.aws.autoscaling(env);
    const [target] = await aas.describeScalableTargets([resourceId]);
    const activities = await aas.describeScalingActivities(resourceId, SHOWN);
    return {
      scaled: Boolean(target), ...(target ? { minCapacity: target.MinCapacity, maxCapacity: target.MaxCapacity } : {}), fetchedAt,
      activities: activities.map((a) => ({
        id: a.ActivityId ?? "", at: iso(a.StartTime), description: a.Description ?? "", cause: a.Cause ?? "", status: a.StatusCode ?? "",
        ...(a.StatusMessage ? { statusMessage: a.StatusMessage } : {}),
      })),
    };
  } catch (err) {
    const f = toAwsFailure(err);
    return { scaled: false, activities: [], error: `${f.name}: ${f.message}`, fetchedAt };
  }
}
