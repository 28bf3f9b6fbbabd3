// A framework-free HTTP message: what the Next route handlers, the node:http server of the tests
// and in-process callers all hand to the sandbox, and what it answers. Every protocol adapter
// reads and writes these.

/**
 * `method`, `path` (as it arrived, endpoint included) and `query` (without `?`) matter to
 * restJson1 services, whose operation is the method and path; the POST-only protocols ignore them.
 */
export type HttpRequest = {
  headers: Record<string, string | string[] | undefined> | Headers;
  body: string | Uint8Array;
  method?: string;
  path?: string;
  query?: string;
};
/**
 * An answer. A streaming operation's (StartLiveTail's) body is `stream`, its event stream
 * messages as they come (`body` is then empty): every edge that serves answers writes it out.
 */
export type HttpResponse = { status: number; headers: Record<string, string>; body: string; stream?: ReadableStream<Uint8Array> };

/** The largest request body the sandbox reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A header by its lower-case name, from a Fetch `Headers` or a plain (node:http) record. */
export function header(req: HttpRequest, name: string): string | undefined {
  if (typeof Headers !== "undefined" && req.headers instanceof Headers) return req.headers.get(name) ?? undefined;
  const h = req.headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  const v = key ? h[key] : undefined;
  return Array.isArray(v) ? v[0] : v;
}

export const bodyText = (body: string | Uint8Array) => (typeof body === "string" ? body : new TextDecoder().decode(body));

/** Whether the body is longer than `max` bytes (as UTF-8). */
export function bodyExceeds(body: string | Uint8Array, max: number): boolean {
  if (typeof body !== "string") return body.byteLength > max;
  // A UTF-16 code unit takes at most 3 bytes of UTF-8, so short strings need no encoding.
  return body.length > max || (body.length * 3 > max && new TextEncoder().encode(body).byteLength > max);
}
