"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";

function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** "Last refreshed", ticking every second, and a plain warning when the data cannot be trusted. */
export function Freshness({ lastRefreshedAt, stale, unreachable, error, fetchError }: {
  lastRefreshedAt: string | null | undefined; stale?: boolean; unreachable?: boolean; error?: string; fetchError?: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600" data-testid="last-refreshed">
        {lastRefreshedAt
          ? <>Last refreshed <time dateTime={lastRefreshedAt} title={new Date(lastRefreshedAt).toISOString()}>{ago(lastRefreshedAt, now)}</time></>
          : "Not refreshed yet"}
        {stale && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" data-testid="stale-flag">stale</span>}
      </p>
      {fetchError && <Alert tone="error" title="Stevedore's server is not answering">{fetchError}. The figures below are the last ones received.</Alert>}
      {!fetchError && unreachable && (
        <Alert tone="error" title="The environment is unreachable">
          {error ?? "ECS did not answer."} {lastRefreshedAt ? "What you see is the last good refresh." : ""}
        </Alert>
      )}
      {!fetchError && !unreachable && stale && lastRefreshedAt && <Alert tone="info" title="This data is stale">It has not been refreshed for a while; the numbers may no longer be true.</Alert>}
    </div>
  );
}
