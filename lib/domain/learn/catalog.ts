// The course: every lesson's id and title, in the order the index suggests them. Light on
// purpose: client code (the inspector's concept links, the lesson bar) reads it without pulling
// in the lessons' checks and starter designs. Each lesson takes its id and title from here.

export const LESSON_CATALOG = [
  { id: "first-task-definition", title: "Build your first task definition" },
  { id: "service-self-healing", title: "Let a service keep two copies alive" },
  { id: "fargate-awsvpc", title: "Why Fargate needs awsvpc and fixed sizes" },
  { id: "bridge-ports", title: "Host ports in bridge mode, and why awsvpc avoids them" },
  { id: "rolling-deployment", title: "Watch a rolling deployment, step by step" },
  { id: "placement-strategies", title: "Binpack or spread: where tasks land" },
  { id: "essential-sidecar", title: "An essential sidecar takes the task down" },
  { id: "task-role", title: "A role instead of keys in the environment" },
  { id: "blue-green-canary", title: "Blue/green and canary: pause, continue, roll back" },
  { id: "fargate-spot", title: "Fargate Spot: cheaper capacity AWS can take back" },
  { id: "layers-build-cache", title: "Layers and the build cache" },
  { id: "dockerfile-order", title: "Order a Dockerfile for fast rebuilds" },
  { id: "multi-stage-builds", title: "Multi-stage builds and image size" },
  { id: "tags-vs-digests", title: "Tags vs digests, and why ECS pins a digest" },
  { id: "target-tracking", title: "Target-tracking auto scaling in the sandbox" },
  { id: "target-tracking-ec2", title: "Target tracking on EC2: tasks and the instances under them" },
] as const;

export type LessonId = (typeof LESSON_CATALOG)[number]["id"];

/** A lesson's id and title, for its definition (lessons/*.ts). */
export function catalogEntry(id: LessonId): { id: LessonId; title: string } {
  const e = LESSON_CATALOG.find((l) => l.id === id)!;
  return { id: e.id, title: e.title };
}

export function lessonTitle(id: string): string | undefined {
  return LESSON_CATALOG.find((l) => l.id === id)?.title;
}
