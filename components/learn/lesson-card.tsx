import Link from "next/link";
import { ProgressBar } from "./progress-bar";

export function LessonCard({ number, id, title, summary, usesSandbox, completed, total }: {
  number: number; id: string; title: string; summary: string; usesSandbox: boolean; completed: number; total: number;
}) {
  const status = completed === 0 ? "Not started" : completed === total ? "Completed" : `${completed} of ${total} steps done`;
  return (
    <article className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid={`lesson-card-${id}`}>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Lesson {number} · {total} steps{usesSandbox ? " · uses the sandbox" : ""}
      </p>
      <h2 className="mt-1 text-lg font-semibold text-slate-900">
        <Link href={`/learn/${id}`} className="hover:underline underline-offset-2">{title}</Link>
      </h2>
      <p className="mt-1 flex-1 text-sm text-slate-700">{summary}</p>
      <div className="mt-4 space-y-1.5">
        <ProgressBar value={completed} max={total} label={`${title}: ${status}`} />
        <p className={`text-xs ${completed === total ? "font-medium text-emerald-700" : "text-slate-600"}`}>{status}</p>
      </div>
    </article>
  );
}
