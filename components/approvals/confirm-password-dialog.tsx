"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { confirmPasswordAction } from "@/lib/actions/approvals";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { signOut } from "@/components/auth/auth-client";

type Props = { open: boolean; onClose: () => void; onConfirmed: () => void };

/**
 * Asked for when the server answers FRESH_SIGN_IN_REQUIRED: the password makes this session
 * freshly signed in. People who sign in with single sign-on (no password here) sign in again
 * instead, and come back to this page with a fresh session.
 */
export function ConfirmPasswordDialog({ open, onClose, onConfirmed }: Props) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      setError(undefined);
      const r = await confirmPasswordAction({ password }).catch(() => undefined);
      if (!r?.ok) return setError(r?.message ?? "The request failed. Try again.");
      setPassword("");
      onConfirmed();
    });
  };
  const router = useRouter();
  const signInAgain = async () => {
    const here = `${window.location.pathname}${window.location.search}`;
    await signOut();
    router.replace(`/sign-in?next=${encodeURIComponent(here)}`);
    router.refresh();
  };
  return (
    <Dialog open={open} onClose={onClose} title="Confirm your password" description="Applying to a protected environment needs a sign-in within the last 10 minutes.">
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
        {error && <Alert tone="error">{error}</Alert>}
        <p className="text-sm text-slate-600">
          Signed in with single sign-on?{" "}
          <button type="button" className="font-medium text-brand-700 underline" onClick={signInAgain}>Sign in again</button>
          {" "}and come back here.
        </p>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !password}>{pending ? "Checking…" : "Confirm and apply"}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
