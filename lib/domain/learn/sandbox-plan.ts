import type { Task as EcsTask } from "@aws-sdk/client-ecs";
import { familyOf, type Design } from "../design";
import { isRunning, revisionOf } from "./helpers";

// What a lesson's Apply adds to Plan & apply: the sandbox's simulated EC2 capacity, which no ECS
// call creates (on AWS an Auto Scaling group or a person registers instances). Deploying "a new
// revision" is a change to the design, as it is for a real team: the release number goes up.

/** The sandbox control calls that register the design's instances a cluster does not have yet. */
export function missingInstances(design: Design, registered: Record<string, number>, region: string): Record<string, unknown>[] {
  return design.clusters.flatMap((cluster) => (cluster.instances ?? []).slice(registered[cluster.clusterName] ?? 0).map((i) => ({
    action: "addInstances", region, cluster: cluster.clusterName, count: 1, cpu: i.cpu, memory: i.memory,
    ...(i.instanceType ? { instanceType: i.instanceType } : {}), ...(i.availabilityZone ? { availabilityZones: [i.availabilityZone] } : {}),
  })));
}

/** The variable a lesson's "Deploy new revision" raises, so the task definition changes and ECS rolls out a new revision. */
export const RELEASE_VARIABLE = "RELEASE";

/**
 * The design with the release number of every service's task definition raised by one (its
 * first container's RELEASE variable, 2 when it had none): a new revision to register and roll out.
 */
export function withNewRelease(design: Design): Design {
  const families = new Set(design.services.map((s) => familyOf(s.taskDefinition)));
  return {
    ...design,
    taskDefinitions: design.taskDefinitions.map((td) => {
      if (!families.has(td.family) || td.containerDefinitions.length === 0) return td;
      const [first, ...rest] = td.containerDefinitions;
      const env = first.environment ?? [];
      const current = Number(env.find((e) => e.name === RELEASE_VARIABLE)?.value ?? 1);
      const next = String((Number.isFinite(current) ? current : 1) + 1);
      const environment = [...env.filter((e) => e.name !== RELEASE_VARIABLE), { name: RELEASE_VARIABLE, value: next }];
      return { ...td, containerDefinitions: [{ ...first, environment }, ...rest] };
    }),
  };
}

/**
 * The service task a lesson's "Crash" button hits: a RUNNING one, the newest revision's first, so
 * that while a rollout overlaps old and new tasks the learner crashes what they just applied.
 */
export function taskToCrash(tasks: readonly EcsTask[]): EcsTask | undefined {
  return tasks
    .filter((t) => isRunning(t) && t.group?.startsWith("service:"))
    .sort((a, b) => revisionOf(b.taskDefinitionArn) - revisionOf(a.taskDefinitionArn) || (a.taskArn ?? "").localeCompare(b.taskArn ?? ""))[0];
}

/** The tag a failing release's image gets: the sandbox is told to fail health checks of exactly that image. */
export const FAILING_TAG = "broken";

/** A new release whose first container runs an image nothing else runs, so the sandbox can make it alone fail its health checks. */
export function withFailingRelease(design: Design): { design: Design; image: string } {
  const next = withNewRelease(design);
  const families = new Set(design.services.map((s) => familyOf(s.taskDefinition)));
  let image = "";
  const taskDefinitions = next.taskDefinitions.map((td) => {
    if (!families.has(td.family) || td.containerDefinitions.length === 0) return td;
    const [first, ...rest] = td.containerDefinitions;
    const base = first.image.replace(/:[^:/@]+$/, "");
    image = `${base}:${FAILING_TAG}`;
    return { ...td, containerDefinitions: [{ ...first, image }, ...rest] };
  });
  return { design: { ...next, taskDefinitions }, image };
}
