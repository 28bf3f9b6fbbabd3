import { z } from "zod";
import { lessonById } from "@/lib/domain/learn";
import { DesignIdSchema } from "../designs/schemas";

export const LessonIdSchema = z.string().refine((id) => lessonById(id) !== undefined, { message: "No such lesson" });

export const LessonRefSchema = z.object({ lessonId: LessonIdSchema });
export type LessonRef = z.infer<typeof LessonRefSchema>;

/** One state of the image lab the learner pressed Build on (sizes as the lab's size field allows). */
const LabStateSchema = z.object({
  dockerfile: z.string().max(20_000, "The Dockerfile is at most 20,000 characters"),
  files: z.array(z.object({
    path: z.string().min(1, "A context file needs a path").max(255),
    size: z.number().int().min(0).max(2_000_000_000, "A context file is at most 2 GB"),
    content: z.string().max(20_000, "A context file's text is at most 20,000 characters"),
  })).max(100, "The lab's context holds at most 100 files"),
  buildArgs: z.record(z.string().max(100), z.string().max(1000)).optional(),
});

export const StepRefSchema = z.object({
  lessonId: LessonIdSchema,
  stepId: z.string().min(1).max(100),
  /** The chosen answer of a question step. */
  answer: z.string().min(1).max(100).optional(),
  /** An image lab step's builds, oldest first: the server replays them. */
  lab: z.object({ builds: z.array(LabStateSchema).max(8, "At most the last 8 builds") }).optional(),
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
