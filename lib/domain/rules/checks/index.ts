import type { Rule } from "../types";
import { TASK_DEFINITION_RULES } from "./task-definition-rules";
import { SERVICE_AND_DESIGN_RULES } from "./service-rules";

/** Every rule of the validator. */
export const ALL_RULES: readonly Rule[] = [...TASK_DEFINITION_RULES, ...SERVICE_AND_DESIGN_RULES];
