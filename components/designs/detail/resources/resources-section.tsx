import type { Design } from "@/lib/domain/design";
import type { Finding, ResourceKind, Severity } from "@/lib/domain/rules/types";
import { ClusterCard } from "./cluster-card";
import { TaskDefinitionCard } from "./task-definition-card";
import { ServiceCard } from "./service-card";
import { countBySeverity } from "@/lib/domain/rules/group-findings";

export function ResourcesSection({ design, findings }: { design: Design; findings: Finding[] }) {
  const problemsOf = (kind: ResourceKind, id: string): Record<Severity, number> =>
    countBySeverity(findings.filter((f) => f.resource.kind === kind && f.resource.id === id));

  return (
    <div className="space-y-8">
      <Group title="Clusters" count={design.clusters.length} empty="No clusters yet.">
        {design.clusters.map((c) => <ClusterCard key={c.id} cluster={c} problems={problemsOf("cluster", c.id)} />)}
      </Group>
      <Group title="Task definitions" count={design.taskDefinitions.length} empty="No task definitions yet.">
        {design.taskDefinitions.map((t) => <TaskDefinitionCard key={t.id} taskDefinition={t} problems={problemsOf("taskDefinition", t.id)} />)}
      </Group>
      <Group title="Services" count={design.services.length} empty="No services yet.">
        {design.services.map((s) => <ServiceCard key={s.id} service={s} problems={problemsOf("service", s.id)} />)}
      </Group>
    </div>
  );
}

function Group({ title, count, empty, children }: { title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="text-sm font-semibold text-slate-800">
        {title} <span className="font-normal text-slate-600">({count})</span>
      </h3>
      {count === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">{empty}</p>
      ) : (
        <div className="mt-2 grid gap-4 md:grid-cols-2">{children}</div>
      )}
    </section>
  );
}
