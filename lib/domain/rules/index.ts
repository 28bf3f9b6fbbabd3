import type { Design } from "../design";
import { createValidator } from "./engine";
import { ALL_RULES } from "./checks";
import type { Finding } from "./types";

export * from "./types";
export { createValidator } from "./engine";
export * from "./group-findings";
export { ALL_RULES };

const shared = createValidator(ALL_RULES);

/** Every problem ECS would reject (errors) or that will hurt later (warnings), at once. */
export function validateDesign(design: Design): Finding[] {
  return shared.validate(design);
}
