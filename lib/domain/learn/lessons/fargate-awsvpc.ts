import { catalogEntry } from "../catalog";
import { FARGATE_TASK_SIZES } from "../../ecs-facts/fargate";
import { requiresFargate } from "../../ecs-facts/task-definition";
import { done, findingsOf, mapTaskDefinition, notYet } from "../helpers";
import type { Lesson } from "../types";
import { starterDesign, web } from "./starters";

const FAMILY = "fargate-api";

export const fargateAwsvpc: Lesson = {
  ...catalogEntry("fargate-awsvpc"),
  summary: "A Fargate task gets its own network interface and a slice of a machine cut to a size from a fixed table.",
  recap: [
    "On Fargate there is no instance of yours for tasks to share, so each task gets its own network interface: awsvpc is the only network mode Fargate accepts.",
    "Fargate sizes tasks from a fixed table, so cpu and memory must be one of its pairs, such as 256 cpu units with 512 MiB.",
    "ECS refuses a Fargate task definition with any other pair.",
  ],
  concepts: ["launch-types", "network-modes"],
  starter: starterDesign({
    taskDefinitions: [{
      id: `td-${FAMILY}`, family: FAMILY, networkMode: "bridge", requiresCompatibilities: ["FARGATE"], cpu: "256", memory: "4096",
      containerDefinitions: [web()],
    }],
  }),
  steps: [
    {
      id: "awsvpc",
      title: "Switch the network mode to awsvpc",
      goal: "The fargate-api task definition requires FARGATE but uses bridge mode. Give it network mode awsvpc.",
      hints: ["There is no shared host to bridge to on Fargate: every task gets its own elastic network interface, which is what awsvpc means."],
      check: {
        kind: "design",
        check(design, findings) {
          const fargate = design.taskDefinitions.filter(requiresFargate);
          if (fargate.length === 0) return notYet("No task definition requires FARGATE any more; keep FARGATE and change the network mode instead.");
          const wrong = fargate.find((td) => td.networkMode !== "awsvpc");
          if (wrong) return notYet(`“${wrong.family}” ${wrong.networkMode ? `uses ${wrong.networkMode} mode` : "sets no network mode"}; Fargate accepts only awsvpc.`);
          return findingsOf(findings, "fargate-network-mode").length ? notYet(findingsOf(findings, "fargate-network-mode")[0].message) : done();
        },
        solve: (design) => mapTaskDefinition(design, requiresFargate, (td) => ({ ...td, networkMode: "awsvpc" })),
      },
    },
    {
      id: "task-size",
      title: "Pick a valid cpu and memory pair",
      goal: "256 cpu units with 4096 MiB is not a Fargate size. Choose a pair from the table, e.g. cpu 256 with 512 MiB, or cpu 1024 with 4096 MiB.",
      hints: ["Each Fargate cpu size allows a range of memory: 256 → 512–2048 MiB, 512 → 1–4 GiB, 1024 → 2–8 GiB."],
      check: {
        kind: "design",
        check(design, findings) {
          const fargate = design.taskDefinitions.filter(requiresFargate);
          if (fargate.length === 0) return notYet("No task definition requires FARGATE any more.");
          for (const td of fargate) {
            const allowed = FARGATE_TASK_SIZES[Number(td.cpu)];
            if (!allowed) return notYet(`“${td.family}” has cpu ${td.cpu ?? "unset"}; Fargate needs one of ${Object.keys(FARGATE_TASK_SIZES).join(", ")}.`);
            if (!allowed.includes(Number(td.memory))) return notYet(`cpu ${td.cpu} allows ${allowed[0]}–${allowed[allowed.length - 1]} MiB; “${td.family}” asks for ${td.memory ?? "no"} MiB.`);
          }
          const size = findingsOf(findings, "fargate-task-size");
          return size.length ? notYet(size[0].message) : done();
        },
        solve: (design) => mapTaskDefinition(design, requiresFargate, (td) => ({ ...td, cpu: "1024", memory: "4096" })),
      },
    },
  ],
};
