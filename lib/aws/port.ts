import type { MiddlewareStack } from "@smithy/types";
import type { ServiceLimits } from "../domain/aws-limits";
import { clientConfig, type AwsTarget, type BaseClientConfig } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";

// The one way lib/aws talks to an AWS service: an SDK client, the service's command classes by
// operation name and its limits table. `send` paces each call in the operation's bucket before it
// goes out; the client's adaptive retries (client-config.ts) handle the throttling others cause.
//
// A service's port is one `defineAwsPort` call (see logs.ts for the smallest):
//
//   const COMMANDS = { GetThing: GetThingCommand, PutThing: PutThingCommand } satisfies Record<ThingOperation, unknown>;
//   export interface ThingPort { things(): Promise<Thing[]>; putThing(input: …): …; destroy(): void }
//   export const { create: createThingPort, inProcess: createInProcessThingPort } = defineAwsPort<ThingPort>()({
//     Client: ThingClient, commands: COMMANDS, limits: THING_LIMITS, sandboxPath: "/sandbox/aws",
//     build: (port) => ({
//       things: () => allPages(…port.send("GetThing", …)…),    // what the port adds: paging, batching
//       ...port.plainCalls("PutThing"),                         // putThing(input) = send("PutThing", input)
//     }),
//   });
//
// `create(target, pacer?)` is the port against an account (paced to the service's buckets unless
// a shared pacer is given), `inProcess(handle, region)` the app's own sandbox through the real
// client with its HTTP layer replaced (never paced), `over(client, pacer)` any client (tests).
// Add the service's row to lib/server/aws-ports.ts MAKERS and its names to index.ts.

type AnyCommand = abstract new (...args: never[]) => unknown;
type Instance<C> = C extends abstract new (...args: never[]) => infer X ? X : never;
export type InputOf<C> = Instance<C> extends { middlewareStack: MiddlewareStack<infer I, infer _O> } ? I : never;
export type OutputOf<C> = Instance<C> extends { middlewareStack: MiddlewareStack<infer _I, infer O> } ? O : never;

export type CommandMap = Record<string, AnyCommand>;

/** The part of an SDK client the port uses. */
export type SdkClient = { send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>; destroy(): void };

export interface AwsPort<M extends CommandMap> {
  /** One call of `op`, paced in its bucket; the SDK's own types for input and output. */
  send<K extends keyof M & string>(op: K, input: InputOf<M[K]>, options?: { abortSignal?: AbortSignal }): Promise<OutputOf<M[K]>>;
  /** Methods for operations a port passes on as they are: `plainCalls("CreateCluster")` is `{ createCluster: (input) => send("CreateCluster", input) }`. */
  plainCalls<K extends keyof M & string>(...ops: K[]): PlainCalls<M, K>;
  destroy(): void;
}

/** The methods `plainCalls` makes: each operation by its name with a lower-case first letter. */
export type PlainCalls<M extends CommandMap, K extends keyof M & string> = {
  [O in K as Uncapitalize<O>]: (input: InputOf<M[O]>) => Promise<OutputOf<M[O]>>;
};

export function createAwsPort<M extends CommandMap>(o: {
  client: SdkClient; commands: M; limits: ServiceLimits<keyof M & string>; pacer: Pacer;
}): AwsPort<M> {
  const send: AwsPort<M>["send"] = async (op, input, options) => {
    await o.pacer.take(o.limits.operations[op].bucket);
    const Command = o.commands[op] as unknown as new (input: unknown) => never;
    return (await o.client.send(new Command(input), options)) as OutputOf<M[typeof op]>;
  };
  return {
    send,
    plainCalls: <K extends keyof M & string>(...ops: K[]) =>
      Object.fromEntries(ops.map((op) => [op[0].toLowerCase() + op.slice(1), (input: InputOf<M[K]>) => send(op, input)])) as PlainCalls<M, K>,
    destroy: () => o.client.destroy(),
  };
}

/** A port's methods but `destroy`, which `defineAwsPort` adds (it destroys the client). */
export type PortMethods<P extends { destroy(): void }> = Omit<P, "destroy">;

/** The three ways to make one service's port. */
export type AwsPortMakers<P, C> = {
  /** Over any client (a stand-in in tests) with this pacer. */
  over(client: C, pacer: Pacer): P;
  /** An AWS account (or any implementation at `endpoint`), paced to the service's limits unless a shared pacer is given. */
  create(target: AwsTarget, pacer?: Pacer): P;
  /** The app's own sandbox at `sandboxPath`, through the real SDK client with its HTTP layer replaced by `handle`. */
  inProcess(handle: InProcessHandler, region: string): P;
};

/**
 * A service's port from its client class, command table, limits and the port's own methods (see
 * the top of this file). Curried so that the port's interface is named and the rest inferred:
 * `defineAwsPort<ThingPort>()({ Client, commands, limits, sandboxPath, build })`.
 */
export function defineAwsPort<P extends { destroy(): void }>() {
  return <M extends CommandMap, C extends SdkClient>(o: {
    Client: new (config: BaseClientConfig & { requestHandler?: never }) => C;
    commands: M;
    limits: ServiceLimits<keyof M & string>;
    /** Where the sandbox serves the service's wire protocol: ECS's own route, or the SigV4-scoped one of every other service. */
    sandboxPath: "/sandbox/ecs" | "/sandbox/aws";
    /** Client settings a service needs beyond the shared ones for an account's target. */
    config?(target: AwsTarget): Partial<BaseClientConfig> & Record<string, unknown>;
    build(port: AwsPort<M>): PortMethods<P>;
  }): AwsPortMakers<P, C> => {
    const over = (client: C, pacer: Pacer) => {
      const port = createAwsPort({ client, commands: o.commands, limits: o.limits, pacer });
      return { ...o.build(port), destroy: port.destroy } as P;
    };
    return {
      over,
      create: (target, pacer = createPacer(o.limits.buckets)) => over(new o.Client({ ...clientConfig(target), ...o.config?.(target) }), pacer),
      inProcess: (handle, region) => over(new o.Client(inProcessConfig(handle, region, o.sandboxPath)), noPacer),
    };
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
