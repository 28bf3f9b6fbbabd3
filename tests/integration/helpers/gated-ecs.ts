import type { EcsPort } from "@/lib/aws";
import type { Design } from "@/lib/domain/design";
import type { AwsPorts } from "@/lib/server/aws-ports";
import type { Scheduler } from "@/lib/server/monitor";
import { webDesign } from "../plan-apply/sandbox";

/**
 * An instance's ECS ports that hold the first call matching `hold` after ECS has answered it: the
 * call has happened in the account, but the caller never hears back until `release()`. This is a
 * server stopped at the worst moment, something was done and not recorded, made deterministic.
 * `calls` lists every call made (operation names); `after` those made once released.
 */
export function gatedPorts(base: AwsPorts, hold: (operation: string, input: Record<string, unknown>) => boolean) {
  let open: () => void = () => {};
  let reachedIt: () => void = () => {};
  const released = new Promise<void>((r) => { open = r; });
  const reached = new Promise<void>((r) => { reachedIt = r; });
  const state = { held: false, released: false, calls: [] as string[], after: [] as string[] };
  const wrap = (port: EcsPort): EcsPort => new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || prop === "destroy") return value;
      return async (...args: unknown[]) => {
        (state.released ? state.after : state.calls).push(String(prop));
        const out = await value.apply(target, args);
        if (!state.held && hold(String(prop), (args[0] ?? {}) as Record<string, unknown>)) {
          state.held = true;
          reachedIt();
          await released;
        }
        return out;
      };
    },
  });
  return {
    aws: { ...base, ecs: (env) => wrap(base.ecs(env)) } satisfies AwsPorts,
    /** Resolves once the held call has been answered by ECS (and is being held). */
    reached,
    release: () => { state.released = true; open(); },
    state,
  };
}

/** Real timers that stop firing once frozen: what an instance whose process died looks like to its heartbeat. */
export function freezableScheduler(real: Scheduler) {
  let frozen = false;
  const scheduler: Scheduler = { after: (ms, fn) => real.after(ms, () => { if (!frozen) fn(); }) };
  return { scheduler, freeze: () => { frozen = true; } };
}

/** The plan-apply web design (a cluster, two task definitions, two services) under names of its own. */
export function webDesignNamed(prefix: string): Design {
  const d = webDesign();
  d.clusters = [{ id: "cl-main", clusterName: prefix }];
  d.taskDefinitions = d.taskDefinitions.map((t) => ({ ...t, family: `${prefix}-${t.family}` }));
  d.services = d.services.map((s) => ({ ...s, cluster: prefix, taskDefinition: `${prefix}-${s.taskDefinition}` }));
  return d;
}

/** Polls `check` until it returns a value (not undefined), at most `ms`; no fixed sleeps. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
