import type { Design } from "../design";
import { exportService, exportTaskDefinition, importService, importTaskDefinition } from "../ecs-json";
import { containerNodeId, resolveNode } from "./resolve";
import { rename } from "./rename";
import { fail, type EditResult } from "./result";

// The inspector's JSON tab: a task definition as its RegisterTaskDefinition input, a service as
// its CreateService input. Applying the edited text goes through the same import as a file
// upload, so the tab accepts exactly what an import would, and reports the field that is wrong.

/** The ECS JSON the tab shows for a node, or undefined for kinds without one. */
export function rawJsonOf(design: Design, nodeId: string): string | undefined {
  const r = resolveNode(design, nodeId);
  if (r?.kind === "taskDefinition") return JSON.stringify(exportTaskDefinition(r.taskDefinition), null, 2);
  if (r?.kind === "service") return JSON.stringify(exportService(r.service, design), null, 2);
  return undefined;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, reason: `Malformed JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Replaces the node's resource with the edited JSON, keeping its id and layout. A changed
 * family or service name is a rename (references follow). Refused with the field path when the
 * JSON is not a valid RegisterTaskDefinition / CreateService input.
 */
export function applyRawJson(design: Design, nodeId: string, text: string): EditResult {
  const r = resolveNode(design, nodeId);
  if (!r || (r.kind !== "taskDefinition" && r.kind !== "service")) return fail("Only task definitions and services have a JSON view.");
  const json = parse(text);
  if (!json.ok) return fail(json.reason);
  if (r.kind === "taskDefinition") {
    const out = importTaskDefinition(json.value, { id: r.taskDefinition.id });
    if (!out.ok) return fail(issueText(out.issues));
    const next = out.taskDefinition;
    const oldFamily = r.taskDefinition.family;
    const taskDefinitions = design.taskDefinitions.slice();
    taskDefinitions[r.index] = { ...next, family: oldFamily };
    // Layout of containers that no longer exist goes; kept names keep their place.
    const names = new Set(next.containerDefinitions.map((c) => c.name));
    const layout = { ...design.layout };
    for (const c of r.taskDefinition.containerDefinitions) if (!names.has(c.name)) delete layout[containerNodeId(nodeId, c.name)];
    const replaced: Design = { ...design, taskDefinitions, layout };
    return next.family === oldFamily ? { ok: true, design: replaced, id: nodeId } : renamed(rename(replaced, nodeId, next.family), "family");
  }
  const out = importService(json.value, { id: r.service.id });
  if (!out.ok) return fail(issueText(out.issues));
  const services = design.services.slice();
  services[r.index] = { ...out.service, serviceName: r.service.serviceName };
  const replaced: Design = { ...design, services };
  return out.service.serviceName === r.service.serviceName ? { ok: true, design: replaced, id: nodeId } : renamed(rename(replaced, nodeId, out.service.serviceName), "serviceName");
}

function renamed(res: EditResult, field: string): EditResult {
  return res.ok ? res : fail(`${field}: ${res.reason}`);
}

function issueText(issues: { path: string; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  return issues.length > 3 ? `${shown.join("; ")} (and ${issues.length - 3} more)` : shown.join("; ");
}
