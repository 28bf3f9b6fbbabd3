import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { listDesigns } from "@/lib/server/designs/list-designs";
import { DesignTable } from "@/components/designs/list/design-table";
import { EmptyState } from "@/components/designs/list/empty-state";
import { NewDesignButton } from "@/components/designs/actions/new-design-dialog";
import { ImportDesignButton } from "@/components/designs/actions/import-design-dialog";
import type { DesignListItem } from "@/components/designs/types";
import { IfRole } from "@/components/auth/person-context";

export const metadata: Metadata = { title: "Designs" };
// Designs change with every save; never serve a build-time snapshot.
export const dynamic = "force-dynamic";

export default async function DesignsPage() {
  const ctx = await pageContext("/");
  const summaries = await listDesigns({ ctx });
  const designs: DesignListItem[] = summaries.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    version: s.version,
    updatedAt: s.updatedAt,
    counts: s.counts,
    errors: s.errors,
    warnings: s.warnings,
  }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Designs</h1>
          <p className="mt-1 text-slate-700">ECS workloads you are designing, each checked against ECS’s rules.</p>
        </div>
        {designs.length > 0 && (
          <IfRole role="editor">
            <div className="flex gap-2">
              <ImportDesignButton />
              <NewDesignButton />
            </div>
          </IfRole>
        )}
      </div>
      {designs.length === 0 ? <EmptyState /> : <DesignTable designs={designs} />}
    </div>
  );
}
