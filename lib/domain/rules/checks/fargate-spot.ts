import type { CapacityProviderStrategyItem } from "../../design";
import type { PathSegment, RuleFinding, ServiceRule } from "../types";
import { nonEmpty } from "./service-util";

// Fargate Spot runs Linux tasks on X86_64 only, from platform version 1.3.0 (the ECS Developer
// Guide, "AWS Fargate capacity providers": "Windows containers on Fargate don't support the
// Fargate Spot capacity provider", "Fargate Spot only supports Linux tasks with the X86_64
// architecture", "your task must use platform version 1.3.0 or later (for Linux)").

const SPOT = "FARGATE_SPOT";

function olderThan130(version: string): boolean {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) return false;
  const [maj, min] = [Number(m[1]), Number(m[2])];
  return maj < 1 || (maj === 1 && min < 3);
}

export const fargateSpot: ServiceRule = {
  id: "fargate-spot",
  title: "Fargate Spot runs only Linux X86_64 tasks on platform version 1.3.0 or later",
  severity: "error",
  scope: "service",
  check(service, { taskDefinition: td, cluster }) {
    const own = nonEmpty(service.capacityProviderStrategy);
    const strategy: readonly CapacityProviderStrategyItem[] | undefined = own
      ? service.capacityProviderStrategy
      : !service.launchType && nonEmpty(cluster?.defaultCapacityProviderStrategy) ? cluster!.defaultCapacityProviderStrategy : undefined;
    const index = strategy?.findIndex((i) => i.capacityProvider === SPOT) ?? -1;
    if (!strategy || index < 0) return [];
    const where: PathSegment[] = own ? ["capacityProviderStrategy", index, "capacityProvider"] : ["capacityProviderStrategy"];
    const whose = own ? "Its capacity provider strategy" : `The default capacity provider strategy of cluster ${cluster?.clusterName ?? ""}`;
    // Only the Spot item can go; a strategy of Spot alone falls back to FARGATE.
    const fix = (why: string) => ({
      description: strategy.length > 1 ? `Remove FARGATE_SPOT from the strategy (${why}).` : `Run on FARGATE instead (${why}).`,
      ...(own ? { edits: [{ path: ["capacityProviderStrategy"], value: strategy.length > 1 ? strategy.filter((_, i) => i !== index) : [{ ...strategy[0], capacityProvider: "FARGATE" }] }] } : {}),
    });
    const out: RuleFinding[] = [];
    const platform = td?.runtimePlatform;
    if (platform?.operatingSystemFamily && platform.operatingSystemFamily !== "LINUX") {
      out.push({
        path: where,
        message: `${whose} uses FARGATE_SPOT, but task definition ${td!.family} runs ${platform.operatingSystemFamily}: Fargate Spot does not run Windows containers.`,
        fix: fix("Windows tasks run on FARGATE only"),
      });
    } else if (platform?.cpuArchitecture === "ARM64") {
      out.push({
        path: where,
        message: `${whose} uses FARGATE_SPOT, but task definition ${td!.family} is ARM64: Fargate Spot runs only Linux tasks on X86_64.`,
        fix: fix("or build the image for X86_64"),
      });
    }
    if (service.platformVersion && olderThan130(service.platformVersion)) {
      out.push({
        path: ["platformVersion"],
        message: `${whose} uses FARGATE_SPOT, which needs platform version 1.3.0 or later; ${service.platformVersion} is older.`,
        fix: { description: 'Use platform version "LATEST".', edits: [{ path: ["platformVersion"], value: "LATEST" }] },
      });
    }
    return out;
  },
};
