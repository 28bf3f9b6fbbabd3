// ECS's JSON carries timestamps as epoch seconds (numbers); the sandbox keeps milliseconds.
export const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

/** Drops undefined members so the JSON answer has only what ECS would send. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const k of Object.keys(obj)) if (obj[k] === undefined) delete obj[k];
  return obj;
}
