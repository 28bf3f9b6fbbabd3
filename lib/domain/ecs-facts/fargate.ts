// Fargate task sizes (ECS developer guide, "Task size"; see shared/ECS-FACTS.md).
function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Valid task memory (MiB) for each task cpu (units) on Fargate (Linux; 8192 and 16384 need platform 1.4.0+). */
export const FARGATE_TASK_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

export const FARGATE_CPU_VALUES = Object.keys(FARGATE_TASK_SIZES).map(Number);

/** The valid Fargate memory for `cpu` closest to `memory` (ties go to the larger, which never under-provisions). */
export function nearestFargateMemory(cpu: number, memory: number): number {
  const options = FARGATE_TASK_SIZES[cpu] ?? [];
  let best = options[0];
  for (const m of options) if (Math.abs(m - memory) <= Math.abs(best - memory)) best = m;
  return best;
}

export const FARGATE_LOG_DRIVERS = ["awslogs", "splunk", "awsfirelens"] as const;
