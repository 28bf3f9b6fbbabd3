"use server";

import type { z } from "zod";
import {
  checkStep, resetLessonProgress, runSandboxAction, showSolution, startLesson,
  LessonRefSchema, SandboxActionInputSchema, StepRefSchema, type CheckStepResult, type SandboxActionResult,
} from "@/lib/server/learn";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

const lessonPages = (lessonId: string) => ["/learn", `/learn/${lessonId}`];

export async function startLessonAction(input: z.input<typeof LessonRefSchema>): Promise<ActionResult<{ designId: string }>> {
  return runAction("startLessonAction", LessonRefSchema, input, startLesson, { revalidate: (i, d) => [...lessonPages(i.lessonId), "/", `/designs/${d.designId}`] });
}

export async function checkStepAction(input: z.input<typeof StepRefSchema>): Promise<ActionResult<CheckStepResult>> {
  return runAction("checkStepAction", StepRefSchema, input, checkStep, { revalidate: (i, d) => (d.done ? lessonPages(i.lessonId) : []) });
}

export async function showSolutionAction(input: z.input<typeof StepRefSchema>): Promise<ActionResult<{ version: number }>> {
  return runAction("showSolutionAction", StepRefSchema, input, showSolution);
}

export async function resetLessonAction(input: z.input<typeof LessonRefSchema>): Promise<ActionResult<{ lessonId: string }>> {
  return runAction("resetLessonAction", LessonRefSchema, input, resetLessonProgress, { revalidate: (i) => lessonPages(i.lessonId) });
}

export async function sandboxActionAction(input: z.input<typeof SandboxActionInputSchema>): Promise<ActionResult<SandboxActionResult>> {
  return runAction("sandboxActionAction", SandboxActionInputSchema, input, runSandboxAction);
}
