/** A deterministic id from a prefix and a name: `td-web`, `svc-api`. Characters outside [A-Za-z0-9_-] become `-`. */
export function idFor(prefix: string, name: string): string {
  const slug = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
  return `${prefix}-${slug}`;
}

/** Hands out ids that are unique within one design (`td-web`, then `td-web-2`). */
export function idAllocator() {
  const used = new Set<string>();
  return (prefix: string, name: string): string => {
    const base = idFor(prefix, name);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
