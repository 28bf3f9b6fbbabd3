/** Bytes as docker prints them: decimal units (1 MB = 1,000,000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

export const shortDigest = (digest: string) => `${digest.slice(0, 7 + 12)}…`;
