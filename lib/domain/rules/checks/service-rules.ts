import type { Rule } from "../types";

/** Rules about services, clusters and the design as a whole (names, references, capacity). */
export const SERVICE_AND_DESIGN_RULES: readonly Rule[] = [];
