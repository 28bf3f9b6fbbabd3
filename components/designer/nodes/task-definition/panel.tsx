"use client";

import { FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function TaskDefinitionPanel({ nodeId, r }: PanelProps<"taskDefinition">) {
  return (
    <FieldForm groups={FIELD_GROUPS.taskDefinition!} base={["taskDefinitions", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Family" value={r.taskDefinition.family} />
    </FieldForm>
  );
}
