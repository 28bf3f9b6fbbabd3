import Link from "next/link";
import type { ReactNode } from "react";
import { blurbForKind, conceptForField, conceptForKind, conceptForRule } from "@/lib/domain/learn/concept-links";

/**
 * A link that opens in a new tab, so the canvas stays. A plain anchor: next/link would only add
 * prefetching, and the inspector shows dozens of these, fetched as soon as a node is selected.
 */
function NewTab(props: { href: string; className: string; children: ReactNode; "data-testid"?: string }) {
  return <a target="_blank" rel="noopener" {...props} />;
}

/** "Learn why" under a finding: the concept it is about and, where there is one, the lesson. */
export function RuleConceptLink({ ruleId, compact = false }: { ruleId: string; compact?: boolean }) {
  const c = conceptForRule(ruleId);
  if (!c) return null;
  return (
    <p className={compact ? "mt-0.5 text-[11px]" : "mt-1.5 text-sm"} data-testid="concept-link">
      <span className="text-slate-600">Learn why: </span>
      {compact
        ? <NewTab href={c.href} className="font-medium text-brand-700 hover:underline">{c.title}</NewTab>
        : <Link href={c.href} className="font-medium text-brand-700 hover:underline">{c.title}</Link>}
      {c.lesson && !compact && (
        <>
          <span className="text-slate-500"> · </span>
          <Link href={c.lesson.href} className="font-medium text-brand-700 hover:underline">try the lesson</Link>
        </>
      )}
    </p>
  );
}

/** "What is this?" under a resource kind's name in the inspector: two sentences, then where to learn more. */
export function KindHelp({ kind }: { kind: string }) {
  const c = conceptForKind(kind);
  const blurb = blurbForKind(kind);
  if (!c || !blurb) return null;
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <details className="group text-xs" data-testid="kind-help">
      <summary className="cursor-pointer select-none font-medium text-brand-700 hover:underline">What is this?</summary>
      <div className="mt-1 space-y-1 rounded-md bg-slate-50 p-2 leading-snug text-slate-700">
        <p>{blurb}</p>
        <p>
          <span className="text-slate-500">Learn: </span>
          <NewTab href={c.href} className={link} data-testid="kind-concept-link">{c.title}</NewTab>
          {c.lesson && (
            <>
              <span className="text-slate-500"> · </span>
              <NewTab href={c.lesson.href} className={link}>Lesson: {c.lesson.title}</NewTab>
            </>
          )}
        </p>
      </div>
    </details>
  );
}

/** "Learn: <concept> · lesson" under an inspector field's help text; opens in a new tab so the canvas stays. */
export function FieldConceptLink({ kind, path }: { kind: string; path: readonly (string | number)[] }) {
  const c = conceptForField(kind, path);
  if (!c) return null;
  const link = "font-medium text-brand-700 hover:underline";
  return (
    <p className="mt-0.5 text-[11px] leading-snug" data-testid="field-concept-link">
      {/* The links are named by their text (not aria-label), so they never answer a field's label query. */}
      <span className="text-slate-500" aria-hidden="true">Learn: </span>
      <NewTab href={c.href} className={link}><span className="sr-only">Learn about </span>{c.title}</NewTab>
      {c.lesson && (
        <>
          <span className="text-slate-500" aria-hidden="true"> · </span>
          <NewTab href={c.lesson.href} className={link}><span aria-hidden="true">lesson</span><span className="sr-only">Lesson: {c.lesson.title}</span></NewTab>
        </>
      )}
    </p>
  );
}
