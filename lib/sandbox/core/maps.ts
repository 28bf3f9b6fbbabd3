// Entity maps are plain objects keyed by names and ids that come from requests, so a lookup
// must find own members only: an id like "constructor" or "__proto__" names nothing.

/** The map's own entry for `key`, never a member of Object.prototype. */
export const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

/** Sets an own data member, never through the `__proto__` setter. */
export function setOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}
