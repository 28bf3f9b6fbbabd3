// How ECS reads task-level cpu and memory (RegisterTaskDefinition, `cpu` and `memory`): cpu as
// an integer of CPU units ("1024") or a string of vCPUs ("1 vCPU", "1 vcpu", ".25 vCPU"), memory
// as an integer of MiB ("512") or a string of GB ("1GB", "1 GB", "0.5 GB"). The strings are
// converted to units and MiB when the task definition is registered (1 vCPU = 1024 units,
// 1 GB = 1024 MiB), which is what DescribeTaskDefinition answers. See shared/ECS-FACTS.md.

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const CPU = new RegExp(String.raw`^\s*${NUMBER}\s*(vcpu)?\s*$`, "i");
const MEMORY = new RegExp(String.raw`^\s*${NUMBER}\s*(gb)?\s*$`, "i");

function parse(value: string | undefined, pattern: RegExp): number | undefined {
  if (value === undefined) return undefined;
  const m = pattern.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  // Units and MiB are whole numbers; vCPU and GB may be fractions of one.
  return m[2] ? Math.round(n * 1024) : Number.isInteger(n) ? n : undefined;
}

/** Task-level cpu in units (1024 = 1 vCPU), or undefined when absent or not a value ECS reads. */
export function parseTaskCpu(value: string | undefined): number | undefined {
  return parse(value, CPU);
}

/** Task-level memory in MiB, or undefined when absent or not a value ECS reads. */
export function parseTaskMemory(value: string | undefined): number | undefined {
  return parse(value, MEMORY);
}
