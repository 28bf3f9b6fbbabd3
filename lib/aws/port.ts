import type { MiddlewareStack } from "@smithy/types";
import type { ServiceLimits } from "../domain/aws-limits";
import type { Pacer } from "./pacer";

// The one way lib/aws talks to an AWS service: an SDK client, the service's command classes by
// operation name and its limits table. `send` paces each call in the operation's bucket before it
// goes out; the client's adaptive retries (client-config.ts) handle the throttling others cause.

type AnyCommand = abstract new (...args: never[]) => unknown;
type Instance<C> = C extends abstract new (...args: never[]) => infer X ? X : never;
export type InputOf<C> = Instance<C> extends { middlewareStack: MiddlewareStack<infer I, infer _O> } ? I : never;
export type OutputOf<C> = Instance<C> extends { middlewareStack: MiddlewareStack<infer _I, infer O> } ? O : never;

export type CommandMap = Record<string, AnyCommand>;

/** The part of an SDK client the port uses. */
export type SdkClient = { send(command: never): Promise<unknown>; destroy(): void };

export interface AwsPort<M extends CommandMap> {
  /** One call of `op`, paced in its bucket; the SDK's own types for input and output. */
  send<K extends keyof M & string>(op: K, input: InputOf<M[K]>): Promise<OutputOf<M[K]>>;
  destroy(): void;
}

export function createAwsPort<M extends CommandMap>(o: {
  client: SdkClient; commands: M; limits: ServiceLimits<keyof M & string>; pacer: Pacer;
}): AwsPort<M> {
  return {
    async send(op, input) {
      await o.pacer.take(o.limits.operations[op].bucket);
      const Command = o.commands[op] as unknown as new (input: unknown) => never;
      return (await o.client.send(new Command(input))) as OutputOf<M[typeof op]>;
    },
    destroy: () => o.client.destroy(),
  };
}

/** Every page of a paged list, following `nextToken` until AWS stops returning one. */
export async function allPages<T>(page: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const out: T[] = [];
  let nextToken: string | undefined;
  do {
    const r = await page(nextToken);
    out.push(...(r.items ?? []));
    nextToken = r.nextToken;
  } while (nextToken);
  return out;
}

/** A describe over any number of ids, in calls of the operation's batch size; answers and failures joined. */
export async function inBatches<T, F>(ids: readonly string[], size: number, call: (batch: string[]) => Promise<{ items?: T[]; failures?: F[] }>): Promise<{ items: T[]; failures: F[] }> {
  const out = { items: [] as T[], failures: [] as F[] };
  for (const batch of chunk(ids, size)) {
    const r = await call(batch);
    out.items.push(...(r.items ?? []));
    out.failures.push(...(r.failures ?? []));
  }
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An AWS error reduced to what a user needs: the exception name and AWS's own message. */
export type AwsFailure = { name: string; message: string };

export function toAwsFailure(err: unknown): AwsFailure {
  if (err instanceof Error) return { name: err.name || "Error", message: err.message };
  return { name: "Error", message: String(err) };
}
