import { getDb, type Db } from "@/lib/db";

export type Clock = { now(): Date };

/** What every operation may touch; tests pass their own db and a fixed clock. */
export type Ctx = { db: Db; clock: Clock };

export const systemClock: Clock = { now: () => new Date() };

export async function getContext(): Promise<Ctx> {
  return { db: await getDb(), clock: systemClock };
}
