import type { Ctx } from "../context";
import { appSandbox, type LearnSandbox } from "./sandbox-client";

/** Lesson operations also reach the sandbox; tests pass one of their own. */
export type LearnCtx = Ctx & { sandbox?: LearnSandbox };

export const sandboxOf = (ctx: LearnCtx): LearnSandbox => ctx.sandbox ?? appSandbox();

/** Single-user app: every progress row belongs to this learner. */
export const LEARNER_ID = "local";
