import { FARGATE_LOG_DRIVERS, FARGATE_TASK_SIZES } from "../../domain/ecs-facts/fargate";
import { parseTaskCpu, parseTaskMemory } from "../../domain/ecs-facts/task-size";
import { clientError } from "./errors";
import { checkStorage } from "./storage";

// The server-side checks RegisterTaskDefinition makes, in ECS's order and words: the first
// problem found is the one reported (ECS answers one problem per call).

type Json = Record<string, unknown>;
const NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Task cpu (units) and memory (MiB) as ECS reads them; null when set but unreadable. */
const parseCpu = (value: string | undefined) => (value === undefined ? undefined : parseTaskCpu(value) ?? null);
const parseMemory = (value: string | undefined) => (value === undefined ? undefined : parseTaskMemory(value) ?? null);

export type CheckedTaskDefinition = { cpu?: number; memory?: number; fargateCompatible: boolean };

export function checkTaskDefinition(input: Json): CheckedTaskDefinition {
  const family = String(input.family ?? "");
  if (!NAME.test(family)) {
    throw clientError("Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
  }
  if (new TextEncoder().encode(JSON.stringify(input)).byteLength > 64 * 1024) {
    throw clientError("Actual length: the task definition exceeds the maximum size of 64 KiB.");
  }
  const containers = (input.containerDefinitions as Json[] | undefined) ?? [];
  if (containers.length === 0) throw clientError("Container list cannot be empty.");
  if (containers.length > 10) throw clientError("Too many containers. The maximum is 10 containers per task definition.");

  const cpu = parseCpu(input.cpu as string | undefined);
  if (cpu === null || (cpu !== undefined && cpu < 128)) throw clientError("Invalid 'cpu' setting for task.");
  const memory = parseMemory(input.memory as string | undefined);
  if (memory === null || (memory !== undefined && memory < 6)) throw clientError("Invalid 'memory' setting for task.");

  const requires = (input.requiresCompatibilities as string[] | undefined) ?? [];
  const fargate = requires.includes("FARGATE");
  const networkMode = (input.networkMode as string | undefined) ?? "bridge";

  const seen = new Set<string>();
  for (const c of containers) {
    const name = (c.name as string | undefined) ?? "";
    if (name.trim() === "") throw clientError("Container.name should not be null or empty.");
    if (!NAME.test(name)) throw clientError(`Container name '${name}' can only contain letters, numbers, hyphens and underscores.`);
    if (seen.has(name)) throw clientError(`Duplicate container name '${name}' in task definition.`);
    seen.add(name);
    if (!c.image || String(c.image).trim() === "") throw clientError("Container.image should not be null or empty.");
  }

  if (fargate) {
    if (networkMode !== "awsvpc") throw clientError("Fargate only supports network mode 'awsvpc'.");
    if (cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.");
    if (memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.");
    const sizes = FARGATE_TASK_SIZES[cpu];
    if (!sizes) throw clientError("Invalid 'cpu' setting for task.");
    if (!sizes.includes(memory)) {
      throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`);
    }
  }

  let sumCpu = 0;
  let sumReservation = 0;
  for (const c of containers) checkContainer(c, { cpu, memory, fargate, networkMode, input });
  for (const c of containers) {
    sumCpu += (c.cpu as number | undefined) ?? 0;
    sumReservation += ((c.memoryReservation ?? c.memory) as number | undefined) ?? 0;
  }
  if (cpu !== undefined && sumCpu > cpu) {
    throw clientError("Invalid setting: the sum of container cpu exceeds the task cpu.");
  }
  if (memory !== undefined && sumReservation > memory) {
    throw clientError("Invalid setting: the sum of container memoryReservation exceeds the task memory.");
  }
  if (!containers.some((c) => c.essential !== false)) {
    throw clientError("Invalid setting: at least one container in the task definition must be essential.");
  }
  checkStorage(input);
  const fargateCompatible = networkMode === "awsvpc" && cpu !== undefined && memory !== undefined &&
    (FARGATE_TASK_SIZES[cpu]?.includes(memory) ?? false) &&
    containers.every((c) => !c.links && !c.privileged &&
      (!c.logConfiguration || (FARGATE_LOG_DRIVERS as readonly string[]).includes((c.logConfiguration as Json).logDriver as string)));
  return { cpu, memory, fargateCompatible };
}

type Env = { cpu?: number; memory?: number; fargate: boolean; networkMode: string; input: Json };

function checkContainer(c: Json, env: Env) {
  const name = c.name as string;
  const bad = (what: string) => clientError(`Invalid setting for container '${name}'. ${what}`);
  const mem = c.memory as number | undefined;
  const res = c.memoryReservation as number | undefined;
  if (env.memory === undefined && mem === undefined && res === undefined) {
    throw bad("At least one of 'memory' or 'memoryReservation' must be specified.");
  }
  if (mem !== undefined && mem < 6) throw bad("'memory' must be at least 6 MiB.");
  if (mem !== undefined && res !== undefined && res > mem) {
    throw bad("'memoryReservation' must be less than or equal to 'memory'.");
  }
  if (mem !== undefined && env.memory !== undefined && mem > env.memory) {
    throw bad("'memory' must not exceed the task's memory.");
  }
  for (const pm of (c.portMappings as Json[] | undefined) ?? []) {
    const cp = pm.containerPort as number | undefined;
    const hp = pm.hostPort as number | undefined;
    if (cp !== undefined && (cp < 0 || cp > 65535)) throw bad("Container port must be between 0 and 65535.");
    if (hp !== undefined && (hp < 0 || hp > 65535)) throw bad("Host port must be between 0 and 65535.");
    if (env.networkMode === "awsvpc" && hp !== undefined && hp !== cp) {
      throw clientError("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    }
    if (env.networkMode === "host" && hp !== undefined && hp !== cp) {
      throw clientError("When networkMode=host, the host ports and container ports in port mappings must match.");
    }
  }
  const hc = c.healthCheck as Json | undefined;
  if (hc) {
    const cmd = (hc.command as string[] | undefined) ?? [];
    if (!["CMD", "CMD-SHELL"].includes(cmd[0] ?? "")) {
      throw bad("The healthCheck command must begin with 'CMD' or 'CMD-SHELL'.");
    }
    const ranges: [string, number, number][] = [["interval", 5, 300], ["timeout", 2, 60], ["retries", 1, 10], ["startPeriod", 0, 300]];
    for (const [key, min, max] of ranges) {
      const v = hc[key] as number | undefined;
      if (v !== undefined && (v < min || v > max)) throw bad(`healthCheck '${key}' must be between ${min} and ${max}.`);
    }
  }
  const log = c.logConfiguration as Json | undefined;
  if (log?.logDriver === "awslogs") {
    const options = (log.options as Record<string, string> | undefined) ?? {};
    const required = env.fargate ? ["awslogs-group", "awslogs-region", "awslogs-stream-prefix"] : ["awslogs-group", "awslogs-region"];
    for (const key of required) {
      if (!options[key]) throw clientError(`Log driver awslogs option '${key}' should not be null or empty.`);
    }
    if (env.fargate && !env.input.executionRoleArn) {
      throw clientError("Fargate requires task definition to have execution role ARN to support log driver awslogs.");
    }
  }
  if (env.fargate && log && !(FARGATE_LOG_DRIVERS as readonly string[]).includes(log.logDriver as string)) {
    throw clientError(`Fargate does not support log driver ${String(log.logDriver)}.`);
  }
  if (env.fargate && c.links) throw clientError("Links are not supported when networkMode=awsvpc.");
  if (env.fargate && c.privileged) throw clientError("Privileged containers are not supported on Fargate.");
}
