import { z } from "zod";
import { readEcsJson, type DroppedNulls } from "./read-json";
import { formatPath } from "./path";
import { CURRENT_SCHEMA_VERSION, DesignSchema, type Design } from "./schema";

/**
 * Upgrades from older stored documents, keyed by the version they upgrade *from*.
 * When the model changes shape, bump CURRENT_SCHEMA_VERSION and add a step here, so
 * designs saved by older releases keep loading.
 */
const UPGRADES: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0: the pre-release shape without schemaVersion or layout.
  0: (doc) => ({ ...doc, schemaVersion: 1, layout: doc.layout ?? {} }),
};

export type ParseDesignResult =
  | { ok: true; design: Design; upgradedFrom?: number; nulls?: DroppedNulls }
  | { ok: false; issues: DesignIssue[] };

export type DesignIssue = { path: string; message: string };


export { formatPath };

export function zodIssues(error: z.ZodError, prefix = ""): DesignIssue[] {
  return error.issues.map((i) => {
    const path = formatPath(i.path);
    return { path: prefix ? (path === "(document)" ? prefix : `${prefix}.${path}`) : path, message: i.message };
  });
}

/**
 * Parses a stored or uploaded design document, upgrading older schema versions. It is read as
 * ECS JSON (readEcsJson: nulls mean "not set" and are dropped, nesting is bounded). Never throws.
 */
export function parseDesign(raw: unknown): ParseDesignResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: "(document)", message: "A design must be a JSON object" }] };
  }
  const read = readEcsJson(raw as Record<string, unknown>);
  if (!read.ok) return read;
  let doc = read.value;
  const startVersion = doc.schemaVersion === undefined ? 0 : doc.schemaVersion;
  if (typeof startVersion !== "number" || !Number.isInteger(startVersion) || startVersion < 0) {
    return { ok: false, issues: [{ path: "schemaVersion", message: "schemaVersion must be a whole number" }] };
  }
  if (startVersion > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [{
        path: "schemaVersion",
        message: `This design was saved by a newer Stevedore (schema ${startVersion}; this one reads up to ${CURRENT_SCHEMA_VERSION})`,
      }],
    };
  }
  for (let v = startVersion; v < CURRENT_SCHEMA_VERSION; v++) doc = UPGRADES[v](doc);
  const parsed = DesignSchema.safeParse(doc);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  return {
    ok: true,
    design: parsed.data,
    ...(startVersion < CURRENT_SCHEMA_VERSION ? { upgradedFrom: startVersion } : {}),
    ...(read.count > 0 ? { nulls: { count: read.count, dropped: read.dropped } } : {}),
  };
}

export function emptyDesign(): Design {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, clusters: [], taskDefinitions: [], services: [], layout: {} };
}
