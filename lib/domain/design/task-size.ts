// ECS accepts task cpu as units ("256") or vCPU ("0.25 vCPU", "1 vcpu") and task memory as
// MiB ("512") or GB ("1 GB", "2GB"). These helpers turn both into numbers.

/** Task-level cpu in units (1024 = 1 vCPU), or undefined when absent or unreadable. */
export function parseTaskCpu(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : Number.isInteger(n) ? n : undefined;
}

/** Task-level memory in MiB, or undefined when absent or unreadable. */
export function parseTaskMemory(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * 1024) : Number.isInteger(n) ? n : undefined;
}
