import type { Rule } from "../types";
import { fargateTaskSize } from "./fargate-task-size";

/** Rules about one task definition and its containers. */
export const TASK_DEFINITION_RULES: readonly Rule[] = [
  fargateTaskSize,
];
