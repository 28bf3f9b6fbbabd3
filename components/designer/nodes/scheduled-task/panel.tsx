"use client";

import { FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ScheduledTaskPanel({ nodeId, r }: PanelProps<"scheduledTask">) {
  return (
    <FieldForm groups={FIELD_GROUPS.scheduledTask!} base={["scheduledTasks", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Schedule name" value={r.scheduledTask.name} />
    </FieldForm>
  );
}
