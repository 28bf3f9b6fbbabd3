/** Query parameters as an object, empty ones left out. */
export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries([...new URL(req.url).searchParams.entries()].filter(([, v]) => v !== ""));
}
