import { RenameDesignButton } from "../actions/rename-design-button";
import { DuplicateDesignButton } from "../actions/duplicate-design-button";
import { DeleteDesignButton } from "../actions/delete-design-button";
import type { DesignListItem } from "../types";
import { IfRole } from "@/components/auth/person-context";

export function DesignRowActions({ design }: { design: DesignListItem }) {
  return (
    <IfRole role="editor">
      <div className="flex items-start justify-end gap-1.5">
        <RenameDesignButton design={design} size="sm" />
        <DuplicateDesignButton design={design} size="sm" />
        <DeleteDesignButton design={design} size="sm" />
      </div>
    </IfRole>
  );
}
