import type { ReactNode } from "react";
import type { Severity } from "@/lib/domain/rules/types";
import { SeverityCount } from "@/components/ui/severity";

type Props = {
  kind: string;
  title: string;
  subtitle?: ReactNode;
  problems?: Record<Severity, number>;
  children: ReactNode;
  testId: string;
};

export function ResourceCard({ kind, title, subtitle, problems, children, testId }: Props) {
  return (
    <article data-testid={testId} aria-label={`${kind} ${title}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-start gap-2">
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{kind}</p>
          <h3 className="truncate text-base font-semibold text-slate-900">{title}</h3>
          {subtitle && <p className="text-sm text-slate-600">{subtitle}</p>}
        </div>
        {problems && (
          <div className="ml-auto flex gap-1">
            {problems.error > 0 && <SeverityCount severity="error" count={problems.error} />}
            {problems.warning > 0 && <SeverityCount severity="warning" count={problems.warning} />}
          </div>
        )}
      </header>
      <div className="mt-3">{children}</div>
    </article>
  );
}

/** A definition list of facts; empty values read "—" so the grid stays aligned. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{value === undefined || value === null || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return <span className="inline-block rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{children}</span>;
}
