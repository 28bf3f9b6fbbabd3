"use client";

import { FIELD_GROUPS, setTargetGroupArn } from "@/lib/domain/designer";
import { useEditorStore } from "../../store/context";
import { FieldForm } from "../../inspector/field-form";
import { TextInput } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function TargetGroupPanel({ nodeId, r }: PanelProps<"targetGroup">) {
  const store = useEditorStore();
  const g = r.targetGroup;
  return (
    <FieldForm groups={FIELD_GROUPS.targetGroup!} base={["targetGroups", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={g.name} />
      <TextInput
        label="Existing target group ARN" value={g.targetGroupArn} mono placeholder="empty: the design creates it"
        help="Set to use a target group that already exists; services and forwards follow the change."
        onCommit={(v) => { if ((v.trim() || undefined) !== g.targetGroupArn) store.edit((d) => setTargetGroupArn(d, nodeId, v)); }}
      />
    </FieldForm>
  );
}
