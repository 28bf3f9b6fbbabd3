import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { SeverityCount } from "@/components/ui/severity";
import { DesignRowActions } from "./design-row-actions";
import type { DesignListItem } from "../types";

const COLUMNS = [{ label: "Design" }, { label: "Resources" }, { label: "Problems" }, { label: "Updated" }, { label: "Actions", hidden: true }];

export function DesignTable({ designs }: { designs: DesignListItem[] }) {
  return (
    <DataTable caption="Designs" columns={COLUMNS}>
      {designs.map((d) => (
        <DesignRow key={d.id} design={d} />
      ))}
    </DataTable>
  );
}

function DesignRow({ design: d }: { design: DesignListItem }) {
  return (
    <tr data-testid="design-row" data-design-id={d.id} className="align-top hover:bg-slate-50/70">
      <td className="max-w-md px-4 py-3.5">
        <Link href={`/designs/${d.id}`} className="font-semibold text-brand-700 hover:text-brand-800 hover:underline">
          {d.name}
        </Link>
        {d.description ? (
          <p className="mt-0.5 line-clamp-2 text-slate-600">{d.description}</p>
        ) : (
          <p className="mt-0.5 text-slate-500 italic">No description</p>
        )}
      </td>
      <td className="whitespace-nowrap px-4 py-3.5 text-slate-700">
        <ResourceCounts counts={d.counts} />
      </td>
      <td className="px-4 py-3.5">
        <div className="flex flex-wrap gap-1.5">
          {d.errors > 0 && <SeverityCount severity="error" count={d.errors} />}
          {d.warnings > 0 && <SeverityCount severity="warning" count={d.warnings} />}
          {d.errors === 0 && d.warnings === 0 && (
            <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-inset ring-emerald-200">
              No problems
            </span>
          )}
        </div>
      </td>
      <td className="whitespace-nowrap px-4 py-3.5 text-slate-700">
        <RelativeTime iso={d.updatedAt} />
        <div className="text-xs text-slate-500">version {d.version}</div>
      </td>
      <td className="px-4 py-3.5">
        <DesignRowActions design={d} />
      </td>
    </tr>
  );
}

function ResourceCounts({ counts }: { counts: DesignListItem["counts"] }) {
  const items = [
    [counts.clusters, "cluster", "clusters"],
    [counts.taskDefinitions, "task definition", "task definitions"],
    [counts.services, "service", "services"],
  ] as const;
  return (
    <ul className="space-y-0.5">
      {items.map(([n, one, many]) => (
        <li key={one}>
          <span className="font-semibold tabular-nums text-slate-900">{n}</span> {n === 1 ? one : many}
        </li>
      ))}
    </ul>
  );
}
