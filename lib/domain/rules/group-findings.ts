import type { Finding, ResourceKind, Severity } from "./types";

/** Worst first: how findings are sorted and listed everywhere. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export const severityRank = (s: Severity) => SEVERITY_ORDER.indexOf(s);

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
  const rank = (f: Finding) => severityRank(f.severity);
  const list = [...groups.values()];
  for (const g of list) g.findings.sort((a, b) => rank(a) - rank(b));
  return list.sort((a, b) => rank(a.findings[0]) - rank(b.findings[0]) || a.name.localeCompare(b.name));
}
