import type { ReactNode } from "react";
import { CONCEPTS, type ConceptId } from "@/lib/domain/learn";

/** One concept: heading (the anchor lessons link to), a drawn diagram, short text, the ECS docs. */
export function ConceptSection({ id, diagram, children, more = [] }: {
  id: ConceptId; diagram: ReactNode; children: ReactNode; more?: { href: string; label: string }[];
}) {
  const concept = CONCEPTS[id];
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-24 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={`${id}-heading`} className="text-xl font-semibold tracking-tight text-slate-900">{concept.title}</h2>
      <figure className="mt-4 rounded-lg border border-slate-100 bg-slate-50 p-4">{diagram}</figure>
      <div className="mt-4 max-w-3xl space-y-3 leading-relaxed text-slate-700">{children}</div>
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={concept.docs} className="font-medium text-brand-700 underline-offset-2 hover:underline" target="_blank" rel="noreferrer">
          ECS documentation: {concept.title}<span className="sr-only"> (opens in a new tab)</span> ↗
        </a>
        {more.map((m) => (
          <a key={m.href} href={m.href} className="font-medium text-brand-700 underline-offset-2 hover:underline" target="_blank" rel="noreferrer">
            {m.label}<span className="sr-only"> (opens in a new tab)</span> ↗
          </a>
        ))}
      </p>
    </section>
  );
}
