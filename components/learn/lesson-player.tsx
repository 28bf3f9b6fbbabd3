"use client";

import Link from "next/link";
import { useState } from "react";
import type { LessonView } from "@/lib/domain/learn/view";
import { resetLessonAction, startLessonAction } from "@/lib/actions/learn";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { LivePanel } from "./live-panel";
import { ProgressBar } from "./progress-bar";
import { StepList } from "./step-list";
import { StepPanel } from "./step-panel";
import { Workbench } from "@/components/lab/workbench";
import { forget, lessonBenchKey } from "@/components/lab/lab-store";
import type { LabState } from "@/lib/domain/lab/build-types";

type Props = {
  lesson: LessonView;
  number: number;
  initial: { completedSteps: string[]; designId: string | null };
  next?: { id: string; title: string };
};

export function LessonPlayer({ lesson, number, initial, next }: Props) {
  const [completed, setCompleted] = useState(initial.completedSteps);
  const [designId, setDesignId] = useState(initial.designId);
  const [busy, setBusy] = useState<"start" | "reset" | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [labBuilds, setLabBuilds] = useState<LabState[]>([]);
  const ready = designId !== null || !lesson.usesDesign;

  const current = lesson.steps.find((s) => !completed.includes(s.id));
  const finished = current === undefined;

  async function start() {
    setBusy("start");
    setError(null);
    const r = await startLessonAction({ lessonId: lesson.id });
    setBusy(null);
    if (r.ok) setDesignId(r.data.designId);
    else setError(r.message);
  }

  async function reset() {
    setBusy("reset");
    setError(null);
    const r = await resetLessonAction({ lessonId: lesson.id });
    setBusy(null);
    setConfirmReset(false);
    if (r.ok) {
      setCompleted([]);
      setDesignId(null);
      // Starting over starts the lesson's lab over too (its Dockerfile and the builds it replays).
      if (lesson.lab) {
        forget([lessonBenchKey(lesson.id)]);
        setLabBuilds([]);
      }
    } else setError(r.message);
  }

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href="/learn" className="hover:text-slate-900 hover:underline">Learn</Link> <span aria-hidden>/</span> Lesson {number}
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{lesson.title}</h1>
          <p className="text-slate-700">{lesson.summary}</p>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600">Concepts:</span>
            {lesson.concepts.map((c) => (
              <Link key={c.id} href={c.href} className="rounded-full border border-slate-200 bg-white px-2.5 py-0.5 text-slate-700 hover:bg-slate-50">{c.title}</Link>
            ))}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!lesson.usesDesign ? null : designId ? (
            <Link href={`/designs/${designId}/canvas`} className={buttonClass("primary")}>Open the lesson’s canvas</Link>
          ) : (
            <Button variant="primary" onClick={start} disabled={busy !== null}>{busy === "start" ? "Starting…" : "Start lesson"}</Button>
          )}
          {(designId || completed.length > 0) && (confirmReset ? (
            <span className="flex items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm">
              <span className="text-slate-700">Start over?</span>
              <Button size="sm" variant="danger" onClick={reset} disabled={busy !== null}>{busy === "reset" ? "Resetting…" : "Reset progress"}</Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirmReset(false)}>Cancel</Button>
            </span>
          ) : (
            <Button variant="ghost" onClick={() => setConfirmReset(true)}>Reset…</Button>
          ))}
        </div>
      </header>

      {error && <Alert tone="error" title="That did not work">{error}</Alert>}

      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <aside className="space-y-3">
          <ProgressBar value={completed.length} max={lesson.steps.length} label="Lesson progress" />
          <p className="text-sm text-slate-600" data-testid="lesson-progress">{completed.length} of {lesson.steps.length} steps done</p>
          <StepList steps={lesson.steps} completed={completed} currentId={current?.id} />
        </aside>
        <div className="space-y-6">
          {!ready && !finished && (
            <Alert tone="info" title="Start the lesson to begin">
              Starting creates a design named after this lesson in your designs list. You work on it in the canvas; this page checks it.
            </Alert>
          )}
          {finished ? (
            <div className="space-y-3" data-testid="lesson-complete">
              {/* Not the shared success Alert: its text-emerald-950 has no dark-theme mapping yet. */}
              <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2.5 text-sm">
                <p className="font-semibold text-emerald-700">Lesson complete</p>
                <p className="mt-1 text-slate-800">You did every step of “{lesson.title}”.</p>
                <div className="mt-3 border-t border-emerald-200 pt-2.5" data-testid="lesson-recap">
                  <h2 className="font-semibold text-slate-900">What you can now explain</h2>
                  <ul className="mt-1.5 list-disc space-y-1 pl-5 text-slate-800">
                    {lesson.recap.map((sentence) => <li key={sentence}>{sentence}</li>)}
                  </ul>
                </div>
              </div>
              {next && <Link href={`/learn/${next.id}`} className={buttonClass("primary")}>Next lesson: {next.title}</Link>}
            </div>
          ) : (
            current && ready && (
              <StepPanel
                key={current.id}
                lessonId={lesson.id}
                step={current}
                index={lesson.steps.indexOf(current)}
                designId={designId}
                labBuilds={labBuilds}
                onDone={setCompleted}
              />
            )
          )}
          {lesson.lab && (
            <section aria-label="Image lab" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="lesson-lab">
              <Workbench initial={lesson.lab} stacked storageKey={lessonBenchKey(lesson.id)} onRestore={setLabBuilds} onBuild={(states) => setLabBuilds(states)} />
            </section>
          )}
          {lesson.usesSandbox && designId && <LivePanel lessonId={lesson.id} />}
        </div>
      </div>
    </div>
  );
}
