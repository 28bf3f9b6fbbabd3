"use client";

import { EcsEnums } from "@/lib/domain/design";
import { FARGATE_CPU_VALUES } from "@/lib/domain/ecs-facts/fargate";
import { CheckboxInput, Group, SelectInput, TextInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

const COMPAT = ["FARGATE", "EC2", "EXTERNAL"] as const;

export function TaskDefinitionPanel({ nodeId, r }: PanelProps<"taskDefinition">) {
  const set = useSetField();
  const td = r.taskDefinition;
  const base = ["taskDefinitions", r.index];
  const compat = td.requiresCompatibilities ?? [];
  const toggle = (c: (typeof COMPAT)[number], on: boolean) => {
    const next = on ? [...compat, c] : compat.filter((x) => x !== c);
    set([...base, "requiresCompatibilities"], next.length ? next : undefined);
  };
  return (
    <div className="space-y-3">
      <Group title="Task definition">
        <RenameField nodeId={nodeId} label="Family" value={td.family} />
        <div className="flex gap-3" role="group" aria-label="Launch types">
          {COMPAT.map((c) => <CheckboxInput key={c} label={c} checked={compat.includes(c)} onChange={(v) => toggle(c, v)} />)}
        </div>
        <SelectInput label="Network mode" value={td.networkMode} options={EcsEnums.NETWORK_MODES} emptyLabel="(default: bridge)" onChange={(v) => set([...base, "networkMode"], v)} />
      </Group>
      <Group title="Task size">
        <datalist id="designer-task-cpu">{FARGATE_CPU_VALUES.map((v) => <option key={v} value={String(v)} />)}</datalist>
        <div className="grid grid-cols-2 gap-2">
          <TextInput label="Task CPU (units)" value={td.cpu} list="designer-task-cpu" onChange={(v) => set([...base, "cpu"], v.trim() || undefined)} />
          <TextInput label="Task memory (MiB)" value={td.memory} onChange={(v) => set([...base, "memory"], v.trim() || undefined)} />
        </div>
      </Group>
      <Group title="Roles">
        <TextInput label="Execution role ARN" value={td.executionRoleArn} mono onChange={(v) => set([...base, "executionRoleArn"], v.trim() || undefined)} />
        <TextInput label="Task role ARN" value={td.taskRoleArn} mono onChange={(v) => set([...base, "taskRoleArn"], v.trim() || undefined)} />
      </Group>
    </div>
  );
}
