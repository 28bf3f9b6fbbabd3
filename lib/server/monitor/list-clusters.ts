import type { AppContext } from "../context";
import { loadEnvironmentRow } from "../environments";
import type { EnvRef } from "./schemas";

import type { ClusterList } from "@/lib/domain/monitor";

export type { ClusterList };

const cache = new Map<string, { at: number; list: ClusterList }>();
const TTL_MS = 10_000;

/** The environment's clusters (cached for 10 s: clusters come and go rarely). */
export async function listClusters({ ctx, input }: { ctx: AppContext; input: EnvRef }): Promise<ClusterList> {
  const hit = cache.get(input.envId);
  const now = ctx.clock.now().getTime();
  if (hit && now - hit.at < TTL_MS) return hit.list;
  const env = await loadEnvironmentRow(ctx, input.envId);
  const base = { envId: env.id, name: env.name, region: env.region, kind: env.kind };
  let list: ClusterList;
  try {
    const arns = await ctx.aws.ecs(env).listClusters();
    list = { ...base, clusters: arns.map((a) => a.slice(a.lastIndexOf("/") + 1)).sort() };
  } catch (err) {
    return { ...base, clusters: hit?.list.clusters ?? [], error: err instanceof Error ? err.message : String(err) };
  }
  cache.set(input.envId, { at: now, list });
  return list;
}
