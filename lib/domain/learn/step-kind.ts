// How a step is checked, in words. Its own module so client components can import it without
// pulling in the lessons (view.ts imports them).

export type StepKind = "design" | "sandbox" | "question" | "lab";

const CHECKED_ON: Record<StepKind, string> = {
  design: "checked on your design",
  sandbox: "checked in the sandbox",
  question: "checked on your answer",
  lab: "checked on your builds",
};

/** How a step is checked, as the step list and the step panel say it. */
export const checkedOn = (kind: StepKind) => CHECKED_ON[kind];
