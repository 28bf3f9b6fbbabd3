import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { buttonClass } from "@/components/ui/button";
import { RenameDesignButton } from "../actions/rename-design-button";
import { DuplicateDesignButton } from "../actions/duplicate-design-button";
import { DeleteDesignButton } from "../actions/delete-design-button";
import { ExportInfrastructureButtons, ExportJsonButton } from "./export-json-button";
import type { DesignDetail } from "../types";
import { IfRole } from "@/components/auth/person-context";

export function DesignHeader({ design }: { design: DesignDetail }) {
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 hover:underline">Designs</Link>
        <span className="mx-1.5 text-slate-500" aria-hidden="true">/</span>
        <span className="text-slate-700" aria-current="page">{design.name}</span>
      </nav>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{design.name}</h1>
          {design.description && <p className="mt-1 max-w-3xl text-slate-700">{design.description}</p>}
          <p className="mt-2 text-sm text-slate-600">
            <span data-testid="design-version">Version {design.version}</span>
            <span aria-hidden="true"> · </span>
            saved <RelativeTime iso={design.updatedAt} />
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/designs/${design.id}/canvas`} className={buttonClass("primary")}>Open canvas</Link>
          <IfRole role="editor">
            <Link href={`/designs/${design.id}/plan`} className={buttonClass("secondary")}>Plan &amp; apply</Link>
            <RenameDesignButton design={design} />
            <DuplicateDesignButton design={design} openCopy />
          </IfRole>
          <ExportJsonButton name={design.name} document={design.document} />
          <ExportInfrastructureButtons designId={design.id} name={design.name} document={design.document} />
          <IfRole role="editor">
            <DeleteDesignButton design={design} redirectTo="/" />
          </IfRole>
        </div>
      </div>
    </div>
  );
}
