import type { Plan } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";
import { PlanHasErrorsError } from "../errors";

/**
 * Before any write: a plan whose design has validator errors is refused, unless the person chose
 * to apply anyway. Returns the errors so overridden, to record with the apply (null when none).
 */
export function validatorGate(plan: Plan, allowErrors: boolean): Finding[] | null {
  if (plan.errors.length === 0) return null;
  if (!allowErrors) throw new PlanHasErrorsError(plan.errors);
  return plan.errors;
}
