// The concepts of /learn/concepts: anchors on that page and the ECS documentation they lean on.

export const CONCEPTS = {
  "containers-vs-vms": {
    title: "Containers and virtual machines",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/Welcome.html",
  },
  "images-and-layers": {
    title: "Images and layers",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/create-container-image.html",
  },
  registries: {
    title: "Registries, tags and digests",
    docs: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/what-is-ecr.html",
  },
  "ecs-building-blocks": {
    title: "Container definition, task definition, service, cluster",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definitions.html",
  },
  "launch-types": {
    title: "EC2 and Fargate",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html",
  },
  "network-modes": {
    title: "Network modes",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
  },
  "iam-roles": {
    title: "Task role and execution role",
    docs: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
  },
} as const;

export type ConceptId = keyof typeof CONCEPTS;

export const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[];

export function conceptHref(id: ConceptId): string {
  return `/learn/concepts#${id}`;
}
