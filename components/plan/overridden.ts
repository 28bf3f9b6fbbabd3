import { validatorErrorCount } from "@/lib/domain/plan/render";

/** How an apply's record says the person chose to apply despite the validator's errors. */
export const overriddenText = (n: number) => `applied with ${validatorErrorCount(n)} overridden by choice`;
