"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signInWithSso } from "./auth-client";

/** One "Sign in with …" button per single sign-on provider an admin enabled. */
export function SsoButtons({ providers, next }: { providers: { id: string; label: string }[]; next?: string }) {
  const [failure, setFailure] = useState<string>();
  const [pending, startTransition] = useTransition();
  if (providers.length === 0) return null;

  function start(id: string) {
    setFailure(undefined);
    startTransition(async () => {
      const r = await signInWithSso(id, next);
      if (!r.ok) return setFailure(r.message);
      if (r.url) window.location.assign(r.url);
    });
  }

  return (
    <div className="space-y-3" aria-label="Single sign-on">
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" className="w-full" disabled={pending} onClick={() => start(p.id)} data-testid={`sso-${p.id}`}>
          Sign in with {p.label}
        </Button>
      ))}
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />or with your password<span className="h-px flex-1 bg-slate-200" />
      </div>
    </div>
  );
}
