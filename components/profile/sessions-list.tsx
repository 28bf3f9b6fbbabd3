"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { revokeSessionAction } from "@/lib/actions/people";
import type { SessionView } from "@/lib/actions/people-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UNREACHABLE } from "@/components/ui/form-issues";
import { relativeTime } from "@/components/ui/relative-time";

/** The person's open sessions; any but this one can be signed out from here. */
export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const revoke = (id: string) => startTransition(async () => {
    setError(undefined);
    const r = await revokeSessionAction({ sessionId: id }).catch(() => undefined);
    if (!r?.ok) setError(r?.message ?? UNREACHABLE);
    router.refresh();
  });
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="session">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-slate-900">{s.userAgent ?? "Unknown browser"}{s.current && <span className="ml-2 text-xs text-emerald-700">this browser</span>}</p>
              <p className="text-sm text-slate-600">signed in {relativeTime(s.createdAt)} · last active {relativeTime(s.lastActiveAt)}{s.ipAddress ? ` · from ${s.ipAddress}` : ""}</p>
            </div>
            {!s.current && <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => revoke(s.id)}>Sign out</Button>}
          </li>
        ))}
      </ul>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
