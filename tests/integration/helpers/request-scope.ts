// What `next/headers` answers inside a server action, for tests that call actions directly:
// `vi.mock("next/headers", async () => (await import("./helpers/request-scope")).nextHeaders)`.
// The headers are a real signed-in browser's (see sign-in.ts); cookies the action sets are kept.

let current = new Headers();
const jar = new Map<string, string>();

export const requestScope = {
  /** The headers of the next requests (a session cookie, an Origin, …). */
  use(headers: HeadersInit) {
    current = new Headers(headers);
  },
  clear() {
    current = new Headers();
    jar.clear();
  },
  /** Cookies the code under test set through `cookies().set`. */
  setCookies: () => new Map(jar),
};

export const nextHeaders = {
  headers: async () => current,
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
};
