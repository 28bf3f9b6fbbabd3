import type { ContainerDefinition, PortMapping, TaskDefinition } from "@/lib/domain/design";
import { parseTaskCpu, parseTaskMemory } from "@/lib/domain/ecs-facts/task-size";
import type { Severity } from "@/lib/domain/rules/types";
import { Facts, ResourceCard, Tag } from "./resource-card";

export function TaskDefinitionCard({ taskDefinition: td, problems }: { taskDefinition: TaskDefinition; problems: Record<Severity, number> }) {
  return (
    <ResourceCard
      testId="task-definition-card"
      kind="Task definition"
      title={td.family}
      subtitle={`${td.containerDefinitions.length} container${td.containerDefinitions.length === 1 ? "" : "s"}`}
      problems={problems}
    >
      <Facts
        items={[
          ["Compatibilities", td.requiresCompatibilities?.length ? td.requiresCompatibilities.join(", ") : undefined],
          ["Network mode", td.networkMode],
          // "1 vCPU" and "2 GB" are shown as ECS registers them: units and MiB.
          ["Task CPU", td.cpu ? `${parseTaskCpu(td.cpu) ?? td.cpu} units` : undefined],
          ["Task memory", td.memory ? `${parseTaskMemory(td.memory) ?? td.memory} MiB` : undefined],
        ]}
      />
      <h4 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Containers</h4>
      <ul className="mt-1.5 space-y-2">
        {td.containerDefinitions.map((c, i) => (
          <ContainerRow key={`${c.name}:${i}`} container={c} />
        ))}
      </ul>
    </ResourceCard>
  );
}

function ContainerRow({ container: c }: { container: ContainerDefinition }) {
  const resources = [
    c.cpu !== undefined ? `${c.cpu} cpu` : "",
    c.memory !== undefined ? `${c.memory} MiB` : "",
    c.memoryReservation !== undefined ? `${c.memoryReservation} MiB reserved` : "",
  ].filter(Boolean);
  return (
    <li data-testid="container" className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-slate-900">{c.name}</span>
        {c.essential === false && <span className="text-xs text-slate-600">not essential</span>}
        <span className="min-w-0 break-all font-mono text-xs text-slate-700">{c.image}</span>
      </div>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span>{resources.length ? resources.join(" · ") : "no container-level cpu/memory"}</span>
        {c.portMappings?.length ? (
          <span className="flex flex-wrap items-center gap-1">
            ports {c.portMappings.map((p, i) => <Tag key={i}>{portText(p)}</Tag>)}
          </span>
        ) : null}
      </div>
    </li>
  );
}

function portText(p: PortMapping): string {
  const container = p.containerPort ?? p.containerPortRange ?? "?";
  const host = p.hostPort !== undefined && p.hostPort !== p.containerPort ? `${p.hostPort}→` : "";
  return `${host}${container}/${p.protocol ?? "tcp"}`;
}
