"use client";

import Link from "next/link";
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { StepView } from "@/lib/domain/learn/view";
import { checkedOn } from "@/lib/domain/learn/step-kind";
import { checkStepAction, sandboxActionAction, showSolutionAction } from "@/lib/actions/learn";
import type { LabState } from "@/lib/domain/lab/build-types";
import { Button } from "@/components/ui/button";

type Feedback = { tone: "hint" | "info" | "error"; text: string };

export function StepPanel({ lessonId, step, index, designId, labBuilds, onDone }: {
  lessonId: string; step: StepView; index: number; designId: string | null;
  /** An image lab lesson's builds so far (the server replays them to check a lab step). */
  labBuilds?: LabState[];
  onDone(completed: string[]): void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [failures, setFailures] = useState(0);
  const [answer, setAnswer] = useState<string | undefined>();
  const queryClient = useQueryClient();

  async function check() {
    setBusy("check");
    const r = await checkStepAction({ lessonId, stepId: step.id, ...(answer ? { answer } : {}), ...(step.kind === "lab" ? { lab: { builds: labBuilds ?? [] } } : {}) });
    setBusy(null);
    if (!r.ok) return setFeedback({ tone: "error", text: r.message });
    if (r.data.done) return onDone(r.data.completedSteps);
    setFailures((n) => n + 1);
    // The check's own hint first; later failures add the step's general hints.
    const extra = failures > 0 ? step.hints[Math.min(failures - 1, step.hints.length - 1)] : undefined;
    setFeedback({ tone: "hint", text: [r.data.hint, extra && extra !== r.data.hint ? extra : undefined].filter(Boolean).join(" ") });
  }

  async function show() {
    setBusy("show");
    const r = await showSolutionAction({ lessonId, stepId: step.id });
    setBusy(null);
    setFeedback(r.ok
      ? { tone: "info", text: `Done on your design (now version ${r.data.version}). Have a look in the canvas, then press Check.` }
      : { tone: "error", text: r.message });
  }

  async function act(actionId: StepView["actions"][number]["id"]) {
    setBusy(actionId);
    const r = await sandboxActionAction({ lessonId, stepId: step.id, actionId });
    setBusy(null);
    await queryClient.invalidateQueries({ queryKey: ["learn-live", lessonId] });
    if (!r.ok) return setFeedback({ tone: "error", text: r.message });
    setFeedback(r.data.ok ? { tone: "info", text: r.data.message } : { tone: "error", text: r.data.error });
  }

  const feedbackClass = {
    hint: "border-amber-200 bg-amber-50 text-amber-900",
    info: "border-sky-200 bg-sky-50 text-sky-950",
    error: "border-red-200 bg-red-50 text-red-900",
  };

  return (
    <section aria-labelledby="step-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="current-step">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
        Step {index + 1} · {checkedOn(step.kind)}
      </p>
      <h2 id="step-heading" className="mt-1 text-lg font-semibold text-slate-900">{step.title}</h2>
      <p className="mt-2 max-w-2xl leading-relaxed text-slate-700" data-testid="step-goal">{step.goal}</p>
      {step.kind === "lab" && (
        <p className="mt-2 text-sm text-slate-600">Work in the image lab below, then press Check: it reads your builds.</p>
      )}
      {step.kind === "design" && designId && (
        <p className="mt-2 text-sm text-slate-600">
          Work in the <Link href={`/designs/${designId}/canvas`} className="font-medium text-brand-700 underline-offset-2 hover:underline">lesson’s canvas</Link>, then come back and check.
        </p>
      )}

      {step.question && (
        <fieldset className="mt-4 max-w-2xl space-y-2" data-testid="step-question">
          <legend className="font-medium text-slate-900">{step.question.text}</legend>
          {step.question.choices.map((c) => (
            <label key={c.id} className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm ${answer === c.id ? "border-brand-600 bg-brand-50" : "border-slate-200 hover:bg-slate-50"}`}>
              <input type="radio" name={`answer-${step.id}`} value={c.id} checked={answer === c.id} onChange={() => setAnswer(c.id)} className="mt-0.5 accent-brand-700" />
              <span className="text-slate-800">{c.text}</span>
            </label>
          ))}
        </fieldset>
      )}

      <div className="mt-5 flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={check} disabled={busy !== null}>{busy === "check" ? "Checking…" : "Check"}</Button>
        {step.actions.map((a) => (
          <Button key={a.id} onClick={() => act(a.id)} disabled={busy !== null}>{busy === a.id ? "Working…" : a.label}</Button>
        ))}
        {step.canShow && (
          <Button variant="ghost" onClick={show} disabled={busy !== null}>{busy === "show" ? "Saving…" : "Show me"}</Button>
        )}
      </div>

      <div aria-live="polite">
        {feedback && (
          <p role="status" data-testid={feedback.tone === "hint" ? "step-hint" : "step-feedback"} className={`mt-4 rounded-md border px-3 py-2.5 text-sm ${feedbackClass[feedback.tone]}`}>
            {feedback.tone === "hint" && <strong className="font-semibold">Not yet. </strong>}
            {feedback.text}
          </p>
        )}
      </div>
    </section>
  );
}
