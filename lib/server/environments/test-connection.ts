import { accountOfArn, toAwsFailure } from "@/lib/aws";
import { clusterNameOf } from "@/lib/domain/design";
import type { AppContext } from "../context";
import { loadEnvironmentRow } from "./environment-record";
import type { EnvironmentRef } from "./schemas";
import type { ConnectionTest } from "./types";

/**
 * One harmless call (ListClusters): it proves the credentials and the Region work, and the
 * account shows in the ARNs it returns (STS is not a dependency, so an empty account says "unknown").
 */
export async function testConnection({ ctx, input }: { ctx: AppContext; input: EnvironmentRef }): Promise<ConnectionTest> {
  const env = await loadEnvironmentRow(ctx, input.id);
  try {
    const arns = await ctx.aws.ecs(env).listClusters();
    const account = arns.map(accountOfArn).find(Boolean);
    return {
      ok: true, region: env.region, clusterCount: arns.length, clusters: arns.slice(0, 10).map(clusterNameOf),
      answeredBy: env.kind === "sandbox" ? "the built-in sandbox" : env.endpoint ?? `ecs.${env.region}.amazonaws.com`,
      ...(account ? { account } : {}),
    };
  } catch (err) {
    return { ok: false, region: env.region, error: toAwsFailure(err) };
  }
}
