import type { RuleFinding, TaskDefinitionRule } from "../types";
import { parseTaskCpu, parseTaskMemory } from "../../ecs-facts/task-size";
import { containersOf, cpath } from "./task-definition-util";
import { requiresFargate } from "../../ecs-facts/task-definition";

type Term = { name: string; value: number };
const sumOf = (terms: Term[]) => terms.reduce((s, t) => s + t.value, 0);
const arithmetic = (terms: Term[]) => terms.map((t) => `${t.name} ${t.value}`).join(" + ");

export const containerMemory: TaskDefinitionRule = {
  id: "container-memory",
  title: "Container memory and cpu fit the task",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    const taskMemory = parseTaskMemory(td.memory);
    const taskCpu = parseTaskCpu(td.cpu);
    const cpuTerms: Term[] = [];
    const memoryTerms: Term[] = [];
    containersOf(td).forEach((c, i) => {
      const { memory, memoryReservation: reservation } = c;
      if (typeof c.cpu === "number" && c.cpu > 0) cpuTerms.push({ name: c.name, value: c.cpu });
      const reserved = reservation ?? memory;
      if (reserved !== undefined) memoryTerms.push({ name: c.name, value: reserved });

      // Fargate without task memory is reported by fargate-task-size; the fix is at task level.
      if (memory === undefined && reservation === undefined && td.memory === undefined && !requiresFargate(td)) {
        out.push({
          path: cpath(i, "memoryReservation"),
          container: c.name,
          message: `"${c.name}" sets neither memory nor memoryReservation and the task sets no memory, so ECS cannot tell how much memory to reserve: "Invalid setting for container '${c.name}'. At least one of 'memory' or 'memoryReservation' must be specified."`,
          fix: { description: "Set memoryReservation (a soft limit ECS reserves on the instance), memory (a hard limit), or task-level memory." },
        });
      }
      if (memory !== undefined && reservation !== undefined && reservation >= memory) {
        const equal = reservation === memory;
        out.push({
          path: cpath(i, "memoryReservation"),
          container: c.name,
          severity: equal ? "warning" : "error",
          message: equal
            ? `"${c.name}" reserves ${reservation} MiB, exactly its hard limit (memory ${memory} MiB). The ECS API reference says memory must be greater than memoryReservation; a soft limit equal to the hard limit has no effect.`
            : `"${c.name}" reserves memoryReservation ${reservation} MiB, more than its hard limit memory ${memory} MiB. The soft limit must be lower than the hard limit; ECS rejects the container definition.`,
          fix: equal
            ? { description: "Remove memoryReservation (the hard limit alone reserves the same amount).", edits: [{ path: cpath(i, "memoryReservation"), value: undefined }] }
            : { description: `Lower memoryReservation below ${memory} MiB, or raise memory above ${reservation} MiB.` },
        });
      }
      if (taskMemory !== undefined && memory !== undefined && memory > taskMemory) {
        out.push({
          path: cpath(i, "memory"),
          container: c.name,
          message: `"${c.name}" has a hard memory limit of ${memory} MiB, more than the whole task's ${taskMemory} MiB. A container cannot be allowed more memory than its task; ECS rejects the task definition.`,
          fix: { description: `Lower the container's memory to at most ${taskMemory} MiB (or raise the task memory).`, edits: [{ path: cpath(i, "memory"), value: taskMemory }] },
        });
      }
    });
    if (taskCpu !== undefined && cpuTerms.length > 0) {
      const total = sumOf(cpuTerms);
      if (total > taskCpu) {
        out.push({
          path: ["cpu"],
          message: `The containers reserve ${arithmetic(cpuTerms)} = ${total} cpu units, more than the task's ${taskCpu}. The sum of container cpu must fit in the task cpu; ECS rejects the task definition.`,
          fix: { description: `Lower container cpu by ${total - taskCpu} units in total, or raise the task cpu to at least ${total}.` },
        });
      }
    }
    if (taskMemory !== undefined && memoryTerms.length > 0) {
      const total = sumOf(memoryTerms);
      if (total > taskMemory) {
        out.push({
          path: ["memory"],
          message: `The containers reserve ${arithmetic(memoryTerms)} = ${total} MiB (memoryReservation, or memory where no reservation is set), more than the task's ${taskMemory} MiB. ECS rejects a task definition whose containers reserve more memory than the task has.`,
          fix: { description: `Lower container reservations by ${total - taskMemory} MiB in total, or raise the task memory to at least ${total} MiB.` },
        });
      }
    }
    return out;
  },
};
