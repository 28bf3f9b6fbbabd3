import { createHash } from "node:crypto";
import { canonical, type LiveState, type Plan } from "@/lib/domain/plan";
import type { EnvironmentRow } from "../environments";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The live resources a plan read, by identity: their ARNs (which name the account and Region),
 * a service's task definition and each family's latest revision. Counts, events and deployments
 * change by the second and are left out; what they change in the plan is in its steps.
 */
function liveIdentity(live: LiveState) {
  return {
    clusters: Object.fromEntries(Object.entries(live.clusters).map(([name, c]) => [name, c.clusterArn ?? null])),
    services: live.services.map((s) => ({ arn: s.serviceArn ?? null, taskDefinition: s.taskDefinition ?? null, status: s.status ?? null })),
    taskDefinitions: Object.fromEntries(Object.entries(live.taskDefinitions).map(([family, t]) => [family, t.taskDefinition.taskDefinitionArn ?? null])),
    ownedClusters: Object.fromEntries(Object.entries(live.ownedClusters ?? {}).map(([name, c]) => [name, c.clusterArn ?? null])),
    ownedFamilies: Object.fromEntries(Object.entries(live.ownedFamilies ?? {}).map(([family, f]) => [family, f.revisionArns])),
  };
}

/** The environment's settings that decide where an apply lands and who must agree to it. */
function environmentSettings(env: EnvironmentRow) {
  return {
    id: env.id, kind: env.kind, region: env.region, profile: env.profile, roleArn: env.roleArn,
    // The sealed external id is a secret: only a hash of it goes into the hash.
    externalId: env.externalIdSecret ? sha256(env.externalIdSecret) : null,
    endpoint: env.endpoint, readOnly: env.readOnly, protected: env.protected,
    requiredApprovals: env.requiredApprovals, approvalExpiryMinutes: env.approvalExpiryMinutes,
  };
}

/**
 * What an approval is bound to: SHA-256 of the canonical JSON (sorted keys) of the plan's steps
 * (actions, field changes and exact calls), the design and its version, the environment's
 * settings and the live resources the plan read. Any difference (the design was saved, the
 * account or its resources changed, the environment was pointed elsewhere) is another hash.
 */
export function planHash(input: { plan: Plan; design: { id: string; version: number }; environment: EnvironmentRow; live: LiveState; allowErrors: boolean }): string {
  return sha256(canonical({
    design: { id: input.design.id, version: input.design.version },
    environment: environmentSettings(input.environment),
    steps: input.plan.steps.map((s) => ({ key: s.key, action: s.action, changes: s.changes, calls: s.calls })),
    allowErrors: input.allowErrors,
    live: liveIdentity(input.live),
  }));
}
