"use client";

import { FIELD_GROUPS, moveContainer } from "@/lib/domain/designer";
import { useEditorStore } from "../../store/context";
import { FieldForm } from "../../inspector/field-form";
import { Group, SelectInput } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ContainerPanel({ nodeId, r, design }: PanelProps<"container">) {
  const store = useEditorStore();
  return (
    <div className="space-y-3">
      <FieldForm groups={FIELD_GROUPS.container!} base={["taskDefinitions", r.tdIndex, "containerDefinitions", r.index]} r={r} nodeId={nodeId}>
        <RenameField nodeId={nodeId} label="Name" value={r.container.name} />
      </FieldForm>
      <Group title="Task definition">
        <SelectInput
          label="Move to task definition" value={r.taskDefinition.id}
          options={design.taskDefinitions.map((t) => ({ value: t.id, label: t.family }))}
          onChange={(v) => { if (v) store.edit((d) => moveContainer(d, nodeId, v), { select: [] }); }}
        />
      </Group>
    </div>
  );
}
