import { catalogEntry } from "../catalog";
import { networkModeOf } from "../../ecs-facts/task-definition";
import { containers, done, findingsOf, mapTaskDefinition, notYet } from "../helpers";
import type { Lesson } from "../types";
import { NGINX, starterDesign } from "./starters";

const FAMILY = "ports-demo";
const isDemo = (td: { family: string }) => td.family === FAMILY;

export const bridgePorts: Lesson = {
  ...catalogEntry("bridge-ports"),
  summary: "In bridge mode containers publish ports on the instance, where two of them can collide. In awsvpc every task has its own.",
  recap: [
    "In bridge mode a container's port is published on the instance.",
    "A fixed host port can be taken only once per instance, so two containers asking for the same one collide.",
    "Leaving the host port empty makes it dynamic: each container gets a free host port, so several copies of a task fit on one instance.",
    "In awsvpc each task has its own IP address, so tasks never compete for host ports, but the containers of one task share it and need different ports.",
  ],
  concepts: ["network-modes", "launch-types"],
  starter: starterDesign({
    taskDefinitions: [{
      id: `td-${FAMILY}`, family: FAMILY, networkMode: "bridge", requiresCompatibilities: ["EC2"],
      containerDefinitions: [
        { name: "web", image: NGINX, essential: true, memory: 256, portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }] },
        { name: "admin", image: NGINX, essential: false, memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080, protocol: "tcp" }] },
      ],
    }],
  }),
  steps: [
    {
      id: "collide",
      title: "Make two containers collide",
      goal: "Both containers listen on port 80 inside. Give the admin container host port 80 as well and see what Stevedore says.",
      hints: ["Select the admin container and change its port mapping's host port from 8080 to 80."],
      check: {
        kind: "design",
        check(_design, findings) {
          return findingsOf(findings, "port-conflict").length ? done() : notYet("No collision yet: the two containers still ask for different host ports.");
        },
        solve: (design) => mapTaskDefinition(design, isDemo, (td) => ({
          ...td, containerDefinitions: containers(td).map((c) => c.name !== "admin" ? c
            : { ...c, portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" as const }] }),
        })),
      },
    },
    {
      id: "dynamic",
      title: "Use dynamic host ports",
      goal: "Keep bridge mode but remove the fixed host ports (leave host port empty or 0). Docker then picks a free port per container, and two tasks fit on one instance.",
      hints: ["A fixed host port can be bound once per instance: that caps you at one such task per instance. Clear the host port fields."],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find(isDemo);
          if (!td) return notYet(`The task definition “${FAMILY}” is gone; restart the lesson to get it back.`);
          if (networkModeOf(td) !== "bridge") return notYet("Keep bridge mode for this step: awsvpc comes next.");
          if (findingsOf(findings, "port-conflict").length) return notYet("The containers still collide on a host port.");
          const fixed = containers(td).find((c) => (c.portMappings ?? []).some((p) => (p.hostPort ?? 0) > 0));
          return fixed ? notYet(`“${fixed.name}” still has a fixed host port, so only one such task fits per instance.`) : done();
        },
        solve: (design) => mapTaskDefinition(design, isDemo, (td) => ({
          ...td, networkMode: "bridge",
          containerDefinitions: containers(td).map((c) => ({
            ...c, portMappings: (c.portMappings ?? []).map(({ hostPort: _h, ...p }) => p),
          })),
        })),
      },
    },
    {
      id: "awsvpc",
      title: "Give each task its own address",
      goal: "Now switch the task definition to awsvpc. Each task gets its own network interface and IP, so host ports stop mattering — but containers of one task share it, so they must listen on different ports.",
      hints: ["In awsvpc mode the containers of a task share one network namespace (like localhost). Both listening on 80 clashes: move admin to 8080."],
      check: {
        kind: "design",
        check(design, findings) {
          const td = design.taskDefinitions.find(isDemo);
          if (!td) return notYet(`The task definition “${FAMILY}” is gone; restart the lesson to get it back.`);
          if (td.networkMode !== "awsvpc") return notYet("The task definition still uses bridge mode.");
          const problem = [...findingsOf(findings, "port-conflict"), ...findingsOf(findings, "awsvpc-host-port")][0];
          return problem ? notYet(problem.message) : done();
        },
        solve: (design) => mapTaskDefinition(design, isDemo, (td) => ({
          ...td, networkMode: "awsvpc",
          containerDefinitions: containers(td).map((c) => ({
            ...c, portMappings: [{ containerPort: c.name === "admin" ? 8080 : 80, protocol: "tcp" as const }],
          })),
        })),
      },
    },
  ],
};
