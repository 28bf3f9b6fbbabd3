import type { Service as EcsService } from "@aws-sdk/client-ecs";
import type { Service } from "../design";
import { CANARY_PERCENT, LINEAR_STEP_PERCENT } from "../ecs-facts/service";

export type DeploymentStrategy = "ROLLING" | "BLUE_GREEN" | "LINEAR" | "CANARY";
type Strategy = DeploymentStrategy;

const minutes = (n: number) => `${Math.round(n * 10) / 10} min`;

/**
 * Which deployment strategy an UpdateService that deploys will use and how long it takes at
 * least: its bake times (BLUE_GREEN: bakeTimeInMinutes; LINEAR: one stepBakeTimeInMinutes per
 * traffic step, then bakeTimeInMinutes; CANARY: canaryBakeTimeInMinutes, then bakeTimeInMinutes).
 * Waiting for tasks to start and pass health checks comes on top.
 */
export function deploymentNote(s: Service, live: EcsService | undefined): string {
  const cfg = s.deploymentConfiguration;
  const liveCfg = live?.deploymentConfiguration as (typeof cfg & Record<string, unknown>) | undefined;
  const strategy = (cfg?.strategy ?? liveCfg?.strategy ?? "ROLLING") as Strategy;
  const bake = cfg?.bakeTimeInMinutes ?? liveCfg?.bakeTimeInMinutes;
  const bakeText = bake === undefined ? "bakeTimeInMinutes not set (0)" : `a bake of ${minutes(bake)}`;
  const b = bake ?? 0;
  switch (strategy) {
    case "ROLLING":
      return "deploys with the ROLLING strategy (tasks replaced within minimumHealthyPercent/maximumPercent): no bake time";
    case "BLUE_GREEN":
      return `deploys with the BLUE_GREEN strategy: all traffic moves to the new revision at once, then ${bakeText}: at least ${minutes(b)}`;
    case "LINEAR": {
      const l = cfg?.linearConfiguration ?? liveCfg?.linearConfiguration;
      const step = l?.stepPercent ?? LINEAR_STEP_PERCENT.default;
      const stepBake = l?.stepBakeTimeInMinutes ?? LINEAR_STEP_PERCENT.bakeDefault;
      const steps = Math.ceil(100 / step);
      return `deploys with the LINEAR strategy: ${steps} steps of ${step}% of traffic, ${minutes(stepBake)} each, then ${bakeText}: at least ${minutes(steps * stepBake + b)}`;
    }
    case "CANARY": {
      const c = cfg?.canaryConfiguration ?? liveCfg?.canaryConfiguration;
      const pct = c?.canaryPercent ?? CANARY_PERCENT.default;
      const canaryBake = c?.canaryBakeTimeInMinutes ?? CANARY_PERCENT.bakeDefault;
      return `deploys with the CANARY strategy: ${pct}% of traffic for ${minutes(canaryBake)}, then all of it, then ${bakeText}: at least ${minutes(canaryBake + b)}`;
    }
  }
}

/**
 * The strategy and the least time (minutes) a deployment's bake times take, as deploymentNote
 * states them (ROLLING has none). Starting tasks and passing health checks comes on top.
 */
export function deploymentTiming(s: Service, live: EcsService | undefined): { strategy: DeploymentStrategy; bakeMinutes: number; maximumPercent: number } {
  const cfg = s.deploymentConfiguration;
  const liveCfg = live?.deploymentConfiguration as (typeof cfg & Record<string, unknown>) | undefined;
  const strategy = (cfg?.strategy ?? liveCfg?.strategy ?? "ROLLING") as Strategy;
  const b = cfg?.bakeTimeInMinutes ?? liveCfg?.bakeTimeInMinutes ?? 0;
  const maximumPercent = cfg?.maximumPercent ?? liveCfg?.maximumPercent ?? 200;
  switch (strategy) {
    case "ROLLING":
      return { strategy, bakeMinutes: 0, maximumPercent };
    case "BLUE_GREEN":
      return { strategy, bakeMinutes: b, maximumPercent };
    case "LINEAR": {
      const l = cfg?.linearConfiguration ?? liveCfg?.linearConfiguration;
      const step = l?.stepPercent ?? LINEAR_STEP_PERCENT.default;
      const stepBake = l?.stepBakeTimeInMinutes ?? LINEAR_STEP_PERCENT.bakeDefault;
      return { strategy, bakeMinutes: Math.ceil(100 / step) * stepBake + b, maximumPercent };
    }
    case "CANARY": {
      const c = cfg?.canaryConfiguration ?? liveCfg?.canaryConfiguration;
      return { strategy, bakeMinutes: (c?.canaryBakeTimeInMinutes ?? CANARY_PERCENT.bakeDefault) + b, maximumPercent };
    }
  }
}
