import { ALL_RULES } from "../rules";
import { CONCEPTS, conceptHref, type ConceptId } from "./concepts";

// Where to learn why a rule or a resource kind matters: the concepts page's sections
// (app/learn/concepts, one anchor each) and, where one exists, the hands-on lesson.

export type ConceptLink = { concept: ConceptId; title: string; href: string; lesson?: { id: string; href: string } };

type Target = { concept: ConceptId; lesson?: string };

/** Every rule of the validator names the concept it is about (a unit test keeps this complete). */
export const RULE_CONCEPTS: Record<string, Target> = {
  "fargate-task-size": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "fargate-network-mode": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "fargate-limits": { concept: "launch-types", lesson: "fargate-awsvpc" },
  "platform-version": { concept: "launch-types" },
  "launch-type-compatibility": { concept: "launch-types" },
  "launch-type-xor-strategy": { concept: "launch-types" },
  "cluster-capacity-providers": { concept: "launch-types" },
  capacity: { concept: "launch-types", lesson: "placement-strategies" },
  placement: { concept: "launch-types", lesson: "placement-strategies" },
  gpu: { concept: "launch-types" },
  "awsvpc-host-port": { concept: "network-modes", lesson: "bridge-ports" },
  "port-conflict": { concept: "network-modes", lesson: "bridge-ports" },
  "port-range": { concept: "network-modes", lesson: "bridge-ports" },
  links: { concept: "network-modes", lesson: "bridge-ports" },
  "service-network": { concept: "network-modes", lesson: "fargate-awsvpc" },
  "load-balancers": { concept: "network-modes" },
  "execution-role": { concept: "iam-roles", lesson: "task-role" },
  "credentials-in-environment": { concept: "iam-roles", lesson: "task-role" },
  "log-configuration": { concept: "iam-roles" },
  "image-reference": { concept: "registries" },
  essential: { concept: "ecs-building-blocks", lesson: "essential-sidecar" },
  "depends-on": { concept: "ecs-building-blocks", lesson: "essential-sidecar" },
  "health-check": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "deployment-configuration": { concept: "ecs-building-blocks", lesson: "rolling-deployment" },
  "scheduling-strategy": { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  "container-memory": { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "container-count": { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "container-timeouts": { concept: "ecs-building-blocks" },
  "mount-points": { concept: "images-and-layers" },
  ulimits: { concept: "containers-vs-vms" },
  names: { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  "design-names": { concept: "ecs-building-blocks" },
  "service-references": { concept: "ecs-building-blocks" },
  "task-definition-size": { concept: "ecs-building-blocks" },
  tags: { concept: "ecs-building-blocks" },
};

/** What each canvas node kind is, in the concepts page. */
export const KIND_CONCEPTS: Record<string, Target> = {
  cluster: { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  service: { concept: "ecs-building-blocks", lesson: "service-self-healing" },
  taskDefinition: { concept: "ecs-building-blocks", lesson: "first-task-definition" },
  container: { concept: "containers-vs-vms", lesson: "first-task-definition" },
  targetGroup: { concept: "network-modes" },
};

function link(t: Target | undefined): ConceptLink | undefined {
  if (!t) return undefined;
  return {
    concept: t.concept,
    title: CONCEPTS[t.concept].title,
    href: conceptHref(t.concept),
    ...(t.lesson ? { lesson: { id: t.lesson, href: `/learn/${t.lesson}` } } : {}),
  };
}

export const conceptForRule = (ruleId: string) => link(RULE_CONCEPTS[ruleId]);
export const conceptForKind = (kind: string) => link(KIND_CONCEPTS[kind]);

/** Rule ids without a concept (should be none). */
export function rulesWithoutConcept(): string[] {
  return ALL_RULES.map((r) => r.id).filter((id) => !(id in RULE_CONCEPTS));
}
