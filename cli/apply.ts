import { createInterface } from "node:readline/promises";
import { z } from "zod";
import { renderPlanText, validatorErrorCount, type Plan } from "../lib/domain/plan";
import { applyPlan, servicesToWatch, waitForSteady } from "../lib/server/plan";
import { ERRORS_REFUSED, parseFlags, planFile, TargetFlagsSchema, type TargetFlags } from "./plan";

// `stevedore apply`: plan, show, confirm, apply. Exit codes: 0 applied (or nothing to do),
// 1 an ECS call failed partway (or --wait saw a failed or stuck deployment), 2 bad input,
// unreadable account, validator errors without --allow-errors, or no confirmation (2: nothing
// was changed).

export const ApplyFlagsSchema = TargetFlagsSchema.and(z.object({
  yes: z.boolean().optional(),
  allowErrors: z.boolean().optional(),
  wait: z.boolean().optional(),
  waitTimeout: z.coerce.number().int().min(1, "--wait-timeout is in seconds, at least 1").optional(),
}));
export type ApplyFlags = z.infer<typeof ApplyFlagsSchema>;

function where(f: TargetFlags): string {
  return `${f.region}${f.endpoint ? ` at ${f.endpoint}` : ""}${f.profile ? ` (profile ${f.profile})` : ""}`;
}

/** A real person must type "yes"; piped input or CI without --yes never applies by accident. */
async function confirm(plan: Plan, flags: ApplyFlags): Promise<boolean> {
  if (flags.yes) return true;
  if (!process.stdin.isTTY) {
    process.stderr.write("stevedore: refusing to apply without confirmation: standard input is not a terminal; pass --yes\n");
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const { create, update, replace, delete: del } = plan.summary;
  const answer = await rl.question(`Apply ${create + update + replace + del} change(s) to ${where(flags)}? Only "yes" applies: `);
  rl.close();
  return answer.trim() === "yes";
}

export async function runApply(file: string, raw: Record<string, unknown>): Promise<number> {
  let flags: ApplyFlags;
  let planned;
  try {
    flags = parseFlags(ApplyFlagsSchema, raw);
    planned = await planFile(file, flags);
  } catch (err) {
    process.stderr.write(`stevedore: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const { plan, ecs, elbv2, autoscaling, scheduler } = planned;
  const out = flags.json ? process.stderr : process.stdout;
  try {
    out.write(renderPlanText(plan));
    if (plan.empty) {
      if (flags.json) process.stdout.write(JSON.stringify({ ok: true, done: [] }) + "\n");
      return 0;
    }
    // Before any write: the validator's errors are what ECS would refuse, partway through.
    const allowedErrors = plan.errors.length ? plan.errors : undefined;
    if (allowedErrors && !flags.allowErrors) {
      process.stderr.write(`stevedore: ${ERRORS_REFUSED(plan)}\n`);
      return 2;
    }
    if (allowedErrors) process.stderr.write(`stevedore: applying anyway (--allow-errors), despite ${validatorErrorCount(allowedErrors.length)}\n`);
    if (!(await confirm(plan, flags))) {
      if (flags.yes === undefined && process.stdin.isTTY) process.stderr.write("Apply cancelled.\n");
      return 2;
    }
    const result = await applyPlan(ecs, plan, {
      elbv2,
      autoscaling,
      scheduler,
      onProgress: (p) => {
        if (p.type === "call") process.stderr.write(`  ${p.call.operation} ${p.step.name}\n`);
        else if (p.type === "waiting") process.stderr.write(`  ${p.message}\n`);
      },
    });
    if (flags.json) process.stdout.write(JSON.stringify({ ...result, ...(allowedErrors ? { allowedErrors } : {}) }, null, 2) + "\n");
    if (!result.ok) {
      process.stderr.write(`stevedore: ${result.failedStep} failed: ${result.error.name}: ${result.error.message}\n`);
      process.stderr.write(`stevedore: done before the failure: ${result.done.length ? result.done.join(", ") : "nothing"}. ` +
        "Fix the cause and run apply again: it continues from what is left, without duplicates.\n");
      return 1;
    }
    out.write(`Applied: ${result.done.length} resource(s) changed.\n`);
    if (flags.wait) {
      const watch = servicesToWatch(plan);
      const steady = await waitForSteady(ecs, watch, {
        timeoutMs: (flags.waitTimeout ?? 900) * 1000,
        onProgress: (ps) => process.stderr.write(`  ${ps.map((p) => `${p.service.service} ${p.running}/${p.desired}`).join(", ")}\n`),
      });
      if (!steady.ok) {
        process.stderr.write(`stevedore: ${steady.service ? `${steady.service.service}: ` : ""}${steady.message}\n`);
        return 1;
      }
      out.write(`Steady: ${watch.map((w) => w.service).join(", ") || "no services to wait for"}.\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`stevedore: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    return 2;
  } finally {
    planned.destroy();
  }
}
