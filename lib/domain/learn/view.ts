import type { LabState } from "../lab/build-types";
import { CONCEPTS, conceptHref } from "./concepts";
import type { StepKind } from "./step-kind";
import { LESSONS } from "./lessons";
import { currentStep } from "./progress";
import type { Lesson, SandboxAction } from "./types";

// A lesson without its check functions: what the player (a client component) receives.

export type StepView = {
  id: string;
  title: string;
  goal: string;
  hints: string[];
  kind: StepKind;
  /** A question step's question and choices (never which one is right: the server checks). */
  question?: { text: string; choices: { id: string; text: string }[] };
  canShow: boolean;
  actions: (SandboxAction & { label: string })[];
};
export type LessonView = {
  id: string;
  title: string;
  summary: string;
  recap: string[];
  concepts: { id: string; title: string; href: string }[];
  steps: StepView[];
  usesSandbox: boolean;
  /** False for image lab lessons: nothing to start, the lab is the workspace. */
  usesDesign: boolean;
  lab?: LabState;
};

const DEFAULT_LABELS: Record<SandboxAction["id"], string> = {
  apply: "Apply to sandbox",
  "crash-task": "Crash a task",
  deploy: "Deploy new revision",
  "deploy-failing": "Deploy a failing revision",
  "fast-forward": "Fast-forward",
  "interrupt-spot": "Interrupt a Spot task",
  "spot-capacity-gone": "Spot capacity runs out",
  "set-load": "Set the simulated load",
};

export function actionLabel(a: SandboxAction): string {
  if (a.label) return a.label;
  return a.id === "fast-forward" ? `Fast-forward ${a.seconds} s` : DEFAULT_LABELS[a.id];
}

export function lessonView(lesson: Lesson): LessonView {
  return {
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    recap: lesson.recap,
    concepts: lesson.concepts.map((c) => ({ id: c, title: CONCEPTS[c].title, href: conceptHref(c) })),
    steps: lesson.steps.map((s) => ({
      id: s.id, title: s.title, goal: s.goal, hints: s.hints, kind: s.check.kind,
      ...(s.check.kind === "question" ? { question: { text: s.check.question, choices: s.check.choices.map(({ id, text }) => ({ id, text })) } } : {}),
      canShow: s.check.kind === "design" && s.check.solve !== undefined,
      actions: (s.actions ?? []).map((a) => ({ ...a, label: actionLabel(a) })),
    })),
    usesSandbox: lesson.steps.some((s) => s.check.kind === "sandbox"),
    usesDesign: lesson.steps.some((s) => s.check.kind === "design" || s.check.kind === "sandbox"),
    ...(lesson.lab ? { lab: lesson.lab } : {}),
  };
}

/** Where the learner stands in a lesson, for the bar on the lesson's canvas (plain data for the client). */
export type LessonBarView = {
  lessonId: string;
  /** The lesson's place in the course, from 1. */
  number: number;
  title: string;
  stepCount: number;
  /** The step to work on, or null once every step is done. */
  current: { number: number; title: string; goal: string } | null;
};

export function lessonBarView(lesson: Lesson, completed: readonly string[]): LessonBarView {
  const step = currentStep(lesson, completed);
  return {
    lessonId: lesson.id,
    number: LESSONS.indexOf(lesson) + 1,
    title: lesson.title,
    stepCount: lesson.steps.length,
    current: step ? { number: lesson.steps.indexOf(step) + 1, title: step.title, goal: step.goal } : null,
  };
}
