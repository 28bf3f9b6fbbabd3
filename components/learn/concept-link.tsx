import Link from "next/link";
import type { ReactNode } from "react";
import { blurbForKind, conceptForField, conceptForKind, conceptForRule, type ConceptLink } from "@/lib/domain/learn/concept-links";

/**
 * A link that opens in a new tab, so the canvas stays. A plain anchor: next/link would only add
 * prefetching, and the inspector shows dozens of these, fetched as soon as a node is selected.
 */
function NewTab(props: { href: string; className: string; children: ReactNode; "data-testid"?: string }) {
  return <a target="_blank" rel="noopener" {...props} />;
}

const LINK = "font-medium text-brand-700 hover:underline";

/**
 * "Learn: <concept> · Lesson: <title>", opening in new tabs. `short` (under a field, where space is
 * tight) shows "lesson" and keeps the full names for screen readers; the links are named by their
 * text, not aria-label, so they never answer a field's label query.
 */
function LearnLinks({ c, short = false, conceptTestId }: { c: ConceptLink; short?: boolean; conceptTestId?: string }) {
  return (
    <>
      <span className="text-slate-500" aria-hidden={short || undefined}>Learn: </span>
      <NewTab href={c.href} className={LINK} data-testid={conceptTestId}>{short && <span className="sr-only">Learn about </span>}{c.title}</NewTab>
      {c.lesson && (
        <>
          <span className="text-slate-500" aria-hidden={short || undefined}> · </span>
          <NewTab href={c.lesson.href} className={LINK}>
            {short ? <><span aria-hidden="true">lesson</span><span className="sr-only">Lesson: {c.lesson.title}</span></> : <>Lesson: {c.lesson.title}</>}
          </NewTab>
        </>
      )}
    </>
  );
}

/** "Learn why" under a finding: the concept it is about and, where there is one, the lesson. */
export function RuleConceptLink({ ruleId, compact = false }: { ruleId: string; compact?: boolean }) {
  const c = conceptForRule(ruleId);
  if (!c) return null;
  return (
    <p className={compact ? "mt-0.5 text-[11px]" : "mt-1.5 text-sm"} data-testid="concept-link">
      <span className="text-slate-600">Learn why: </span>
      {compact
        ? <NewTab href={c.href} className={LINK}>{c.title}</NewTab>
        : <Link href={c.href} className={LINK}>{c.title}</Link>}
      {c.lesson && !compact && (
        <>
          <span className="text-slate-500"> · </span>
          <Link href={c.lesson.href} className={LINK}>try the lesson</Link>
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
  return (
    <details className="group text-xs" data-testid="kind-help">
      <summary className="cursor-pointer select-none font-medium text-brand-700 hover:underline">What is this?</summary>
      <div className="mt-1 space-y-1 rounded-md bg-slate-50 p-2 leading-snug text-slate-700">
        <p>{blurb}</p>
        <p><LearnLinks c={c} conceptTestId="kind-concept-link" /></p>
      </div>
    </details>
  );
}

/** "Learn: <concept> · lesson" under an inspector field's help text; opens in a new tab so the canvas stays. */
export function FieldConceptLink({ kind, path }: { kind: string; path: readonly (string | number)[] }) {
  const c = conceptForField(kind, path);
  if (!c) return null;
  return (
    <p className="mt-0.5 text-[11px] leading-snug" data-testid="field-concept-link"><LearnLinks c={c} short /></p>
  );
}
