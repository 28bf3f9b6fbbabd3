// Paging as every service's List/Describe calls do it: an opaque token names where the next page
// starts. Each service wraps these with its own limits and errors (ECS nextToken/maxResults,
// ELBv2 Marker/PageSize, EC2 NextToken/MaxResults).

// The token is ASCII JSON, so btoa/atob (no Buffer: the engine runs anywhere) encode it exactly.
export function encodeOffset(offset: number): string {
  return btoa(JSON.stringify({ o: offset }));
}

/** The offset a token names, or undefined for a token this sandbox did not hand out. */
export function decodeOffset(token: string): number | undefined {
  try {
    const v = JSON.parse(atob(token));
    return Number.isInteger(v?.o) && v.o >= 0 ? v.o : undefined;
  } catch {
    return undefined;
  }
}

/** The page of `size` items from `start`, and the token of the next page if there is one. */
export function pageFrom<T>(items: T[], start: number, size: number): { page: T[]; next?: string } {
  const page = items.slice(start, start + size);
  return start + size < items.length ? { page, next: encodeOffset(start + size) } : { page };
}

/**
 * The page of `size` items after the token (the first page without one), as every service's
 * List/Describe calls answer it; a token this sandbox did not hand out is `invalid()`, the
 * service's own error.
 */
export function pageAfter<T>(items: T[], token: string | undefined, size: number, invalid: () => Error): { page: T[]; next?: string } {
  let start = 0;
  if (token) {
    const at = decodeOffset(token);
    if (at === undefined) throw invalid();
    start = at;
  }
  return pageFrom(items, start, size);
}
