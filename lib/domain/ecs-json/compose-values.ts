import { FARGATE_TASK_SIZES } from "../ecs-facts/fargate";

// Parsers for the value syntaxes of the Compose specification (durations, byte sizes, ports,
// shell-style command strings). Each returns undefined (or an error string) instead of throwing.

/** Splits a command string the way a POSIX shell would (quotes and backslashes), without expansion. */
export function shellSplit(input: string): { ok: true; words: string[] } | { ok: false; error: string } {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unterminated single quote" };
      cur += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= input.length) return { ok: false, error: "unterminated double quote" };
        const d = input[i];
        if (d === '"') { i++; break; }
        if (d === "\\" && i + 1 < input.length && '"\\$`\n'.includes(input[i + 1])) {
          if (input[i + 1] !== "\n") cur += input[i + 1];
          i += 2;
        } else { cur += d; i++; }
      }
    } else if (c === "\\") {
      if (i + 1 < input.length && input[i + 1] !== "\n") cur += input[i + 1];
      inWord = inWord || input[i + 1] !== "\n";
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
      i++;
    } else {
      cur += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}

const DURATION_UNITS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, "µs": 1e-6, ns: 1e-9 };

/** Compose durations ("30s", "1m30s", "1h", "500ms"; a bare number is seconds) in seconds. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  const s = value.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    matched = re.lastIndex;
  }
  return matched === s.length && s.length > 0 ? total : undefined;
}

const BYTE_UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Compose byte sizes ("512M", "1G", "1.5g", "1024k"; a bare number is bytes) in MiB, rounded up. */
export function parseMemoryMiB(value: string | number): number | undefined {
  if (typeof value === "number") return value > 0 && Number.isSafeInteger(Math.ceil(value / 1024 ** 2)) ? Math.ceil(value / 1024 ** 2) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = BYTE_UNITS[m[2].toLowerCase() || "b"];
  if (unit === undefined) return undefined;
  const mib = Math.ceil((Number(m[1]) * unit) / 1024 ** 2);
  return mib > 0 && Number.isSafeInteger(mib) ? mib : undefined;
}

export type ShortPort = { hostIp?: string; published?: string; target: string; protocol: string };

/** Compose short port syntax: `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`, each port possibly a range. */
export function parseShortPort(value: string | number): ShortPort | undefined {
  if (typeof value === "number") return { target: String(value), protocol: "tcp" };
  let rest = value.trim();
  let protocol = "tcp";
  const slash = rest.lastIndexOf("/");
  if (slash >= 0) { protocol = rest.slice(slash + 1).toLowerCase(); rest = rest.slice(0, slash); }
  let hostIp: string | undefined;
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]:");
    if (end < 0) return undefined;
    hostIp = rest.slice(1, end);
    rest = rest.slice(end + 2);
  }
  const parts = rest.split(":");
  if (parts.length > 3 || (hostIp !== undefined && parts.length > 2)) return undefined;
  const target = parts[parts.length - 1];
  const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (parts.length === 3) hostIp = parts[0];
  const portOrRange = /^\d+(-\d+)?$/;
  if (!portOrRange.test(target) || (published && !portOrRange.test(published))) return undefined;
  return { ...(hostIp ? { hostIp } : {}), ...(published ? { published } : {}), target, protocol };
}

/** The smallest valid Fargate task size with at least `cpu` units and `memory` MiB, or undefined when none is that large. */
export function smallestFargateSize(cpu: number, memory: number): { cpu: number; memory: number } | undefined {
  for (const [c, mems] of Object.entries(FARGATE_TASK_SIZES).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0])) {
    if (c < cpu) continue;
    const m = mems.find((x) => x >= memory);
    if (m !== undefined) return { cpu: c, memory: m };
  }
  return undefined;
}
