import Link from "next/link";
import type { LessonBarView } from "@/lib/domain/learn/view";

/**
 * One slim line under the toolbar of a lesson's design: which lesson, the step to work on (as of
 * page load: checks run on the lesson page) and the way back. The goal is cut to the line's
 * width; its full text is the tooltip.
 */
export function LessonBar({ lesson }: { lesson: LessonBarView }) {
  const { current } = lesson;
  const where = current ? `Step ${current.number} of ${lesson.stepCount}: ${current.title} — ${current.goal}` : "Lesson complete";
  return (
    <div role="region" aria-label="Lesson" data-testid="lesson-bar"
      className="flex h-8 items-center gap-3 border-b border-slate-200 bg-brand-50 px-3 text-xs text-slate-700">
      <p className="min-w-0 flex-1 truncate" title={`Lesson ${lesson.number}: ${lesson.title} · ${where}`}>
        <span className="font-semibold text-slate-900">Lesson {lesson.number}: {lesson.title}</span>
        <span aria-hidden className="px-1.5 text-slate-500">·</span>
        {current ? (
          <>
            <span className="font-medium text-slate-900">Step {current.number} of {lesson.stepCount}: {current.title}</span>
            <span className="text-slate-600"> — {current.goal}</span>
          </>
        ) : (
          <span className="font-semibold text-emerald-700">Lesson complete</span>
        )}
      </p>
      <Link href={`/learn/${lesson.lessonId}`} className="shrink-0 rounded px-2 py-0.5 font-medium text-brand-700 underline-offset-2 hover:underline">
        Back to the lesson
      </Link>
    </div>
  );
}
