import { z } from "zod";
import { lessonById } from "@/lib/domain/learn";
import { LabStateSchema, MAX_BUILD_HISTORY } from "@/lib/domain/lab/saved";
import { DesignIdSchema } from "../designs/schemas";

export const LessonIdSchema = z.string().refine((id) => lessonById(id) !== undefined, { message: "No such lesson" });

export const LessonRefSchema = z.object({ lessonId: LessonIdSchema });
export type LessonRef = z.infer<typeof LessonRefSchema>;

export const StepRefSchema = z.object({
  lessonId: LessonIdSchema,
  stepId: z.string().min(1).max(100),
  /** The chosen answer of a question step. */
  answer: z.string().min(1).max(100).optional(),
  /** An image lab step's builds, oldest first: the server replays them. */
  lab: z.object({ builds: z.array(LabStateSchema).max(MAX_BUILD_HISTORY, `At most the last ${MAX_BUILD_HISTORY} builds`) }).optional(),
});
export type StepRef = z.infer<typeof StepRefSchema>;

export const SandboxActionInputSchema = z.object({
  lessonId: LessonIdSchema,
  stepId: z.string().min(1),
  actionId: z.enum(["apply", "crash-task", "deploy", "deploy-failing", "fast-forward", "interrupt-spot", "spot-capacity-gone", "set-load"]),
});
export type SandboxActionInput = z.infer<typeof SandboxActionInputSchema>;

export const DesignLessonRefSchema = z.object({ designId: DesignIdSchema });
export type DesignLessonRef = z.infer<typeof DesignLessonRefSchema>;
