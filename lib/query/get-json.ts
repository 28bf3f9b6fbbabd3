/**
 * GET a JSON route for React Query: the body on success; on failure an Error with the route's
 * own `message` (our routes answer `{ message }`), else "<what> failed (<status>)".
 */
export async function getJson<T>(url: string, what = "The request"): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(typeof body.message === "string" ? body.message : `${what} failed (${res.status})`);
  return body as T;
}
