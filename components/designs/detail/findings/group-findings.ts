import type { Finding, ResourceKind, Severity } from "@/lib/domain/rules/types";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export const KIND_LABEL: Record<ResourceKind, string> = {
  cluster: "Cluster",
  taskDefinition: "Task definition",
  service: "Service",
};

export type FindingGroup = { key: string; kind: ResourceKind; id: string; name: string; findings: Finding[] };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Groups by resource, worst resources first, each group's findings worst first. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.resource.kind}:${f.resource.id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, kind: f.resource.kind, id: f.resource.id, name: f.resource.name, findings: [] }));
    g.findings.push(f);
  }
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  const list = [...groups.values()];
  for (const g of list) g.findings.sort((a, b) => rank(a) - rank(b));
  return list.sort((a, b) => rank(a.findings[0]) - rank(b.findings[0]) || a.name.localeCompare(b.name));
}
