import type { ReactNode } from "react";

/** A titled part of a record's page (design, environment, apply). */
export function Section({ id, title, note, children }: { id: string; title: string; note?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">{title}</h2>
      {note && <p className="mt-0.5 text-sm text-slate-600">{note}</p>}
      <div className="mt-3">{children}</div>
    </section>
  );
}
