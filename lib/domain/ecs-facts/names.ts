// Names ECS accepts for task definition families, containers, clusters and services
// (RegisterTaskDefinition, ContainerDefinition, CreateCluster, CreateService).

/** 1–255 letters (upper and lower case), digits, hyphens and underscores. */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;
export const MAX_NAME_LENGTH = 255;

/** The name ECS would accept closest to `name` (other characters become hyphens), or undefined when nothing is left. */
export function toEcsName(name: string): string | undefined {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, MAX_NAME_LENGTH);
  return cleaned.length > 0 ? cleaned : undefined;
}
