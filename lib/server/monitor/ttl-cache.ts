/**
 * Reads that change slowly, shared by every viewer of every tab: one read per key per `ttlMs`
 * (the promise is cached, so concurrent viewers share the read in flight).
 */
export function ttlCache<T>(ttlMs: number) {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key: string, now: number, read: () => Promise<T>): Promise<T> {
      const hit = cache.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      const value = read();
      cache.set(key, { at: now, value });
      return value;
    },
    clear: () => cache.clear(),
  };
}
