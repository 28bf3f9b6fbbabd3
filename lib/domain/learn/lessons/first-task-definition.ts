import { catalogEntry } from "../catalog";
import { requiresFargate } from "../../ecs-facts/task-definition";
import { containers, done, errorsOf, notYet } from "../helpers";
import type { Lesson } from "../types";
import { NGINX, starterDesign } from "./starters";

export const firstTaskDefinition: Lesson = {
  ...catalogEntry("first-task-definition"),
  summary: "Describe one container — image, port, memory — and let Stevedore check it the way ECS would.",
  recap: [
    "A task definition is the blueprint ECS starts tasks from: it names each container's image, the ports it listens on and the memory it may use.",
    "A port mapping lets traffic reach a port inside the container, and memory is set for the whole task or as a hard limit on the container.",
    "Fargate takes a task definition only if it requires FARGATE, uses network mode awsvpc and sets a task cpu and memory pair Fargate offers.",
  ],
  concepts: ["images-and-layers", "registries", "ecs-building-blocks"],
  starter: starterDesign({ clusters: [{ id: "cl-learn-first", clusterName: "learn-first" }] }),
  steps: [
    {
      id: "add-container",
      title: "Add a task definition with a container",
      goal: "Add a task definition (family “hello”) holding one container that runs the image public.ecr.aws/nginx/nginx:1.27.",
      hints: ["On the canvas, drag “Task definition” from the palette, then give its container an image: the registry address, repository and tag."],
      check: {
        kind: "design",
        check(design) {
          if (design.taskDefinitions.length === 0) return notYet("The design has no task definition yet. Add one from the canvas palette.");
          const withImage = design.taskDefinitions.some((td) => containers(td).some((c) => c.image.trim() !== ""));
          return withImage ? done() : notYet("Your task definition has no container with an image. A container definition must name the image to run.");
        },
        solve(design) {
          if (design.taskDefinitions.length > 0) {
            return { ...design, taskDefinitions: design.taskDefinitions.map((td, i) => i > 0 ? td : {
              ...td, containerDefinitions: [{ name: "web", image: NGINX, essential: true }, ...containers(td).filter((c) => c.name !== "web")],
            }) };
          }
          return { ...design, taskDefinitions: [{ id: "td-hello", family: "hello", containerDefinitions: [{ name: "web", image: NGINX, essential: true }] }] };
        },
      },
    },
    {
      id: "port-and-memory",
      title: "Open a port and give it memory",
      goal: "Let the container accept traffic on port 80 (a port mapping) and give it memory: 512 MiB at task level, or a hard limit on the container.",
      hints: ["Select the container and add a port mapping with container port 80; then set the task's memory to 512."],
      check: {
        kind: "design",
        check(design) {
          const ok = design.taskDefinitions.some((td) => containers(td).some((c) =>
            (c.portMappings ?? []).some((p) => p.containerPort === 80) && (td.memory !== undefined || c.memory !== undefined || c.memoryReservation !== undefined)));
          if (ok) return done();
          const hasPort = design.taskDefinitions.some((td) => containers(td).some((c) => (c.portMappings ?? []).some((p) => p.containerPort === 80)));
          return notYet(hasPort
            ? "Port 80 is mapped, but neither the task nor the container says how much memory it may use. ECS needs one of them."
            : "No container maps container port 80 yet. Without a port mapping nothing outside the container can reach nginx.");
        },
        solve(design) {
          return { ...design, taskDefinitions: design.taskDefinitions.map((td, i) => i > 0 ? td : {
            ...td, memory: td.memory ?? "512",
            containerDefinitions: containers(td).map((c, j) => j > 0 ? c : { ...c, portMappings: [{ containerPort: 80, protocol: "tcp" as const }] }),
          }) };
        },
      },
    },
    {
      id: "no-errors",
      title: "Make it valid for Fargate",
      goal: "Make the task definition Fargate-compatible — requires FARGATE, network mode awsvpc, cpu 256 with memory 512 — and fix every error the Problems panel reports.",
      hints: ["Fargate needs network mode awsvpc and a task size from its table: cpu 256 goes with 512, 1024 or 2048 MiB."],
      check: {
        kind: "design",
        check(design, findings) {
          const fargate = design.taskDefinitions.filter(requiresFargate);
          if (fargate.length === 0) return notYet("No task definition requires FARGATE yet: set its compatibilities to FARGATE.");
          const errors = errorsOf(findings);
          if (errors.length > 0) return notYet(`${errors.length} error${errors.length === 1 ? "" : "s"} left. First: ${errors[0].message}`);
          return done();
        },
        solve(design) {
          return { ...design, taskDefinitions: design.taskDefinitions.map((td) => ({
            ...td, requiresCompatibilities: ["FARGATE" as const], networkMode: "awsvpc" as const, cpu: "256", memory: "512",
          })) };
        },
      },
    },
  ],
};
