"use client";

import { useState, useTransition, type FormEvent } from "react";
import { confirmPasswordAction } from "@/lib/actions/approvals";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";

type Props = { open: boolean; onClose: () => void; onConfirmed: () => void };

/** Asked for when the server answers FRESH_SIGN_IN_REQUIRED: the password makes this session freshly signed in. */
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
  return (
    <Dialog open={open} onClose={onClose} title="Confirm your password" description="Applying to a protected environment needs a sign-in within the last 10 minutes.">
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
        {error && <Alert tone="error">{error}</Alert>}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !password}>{pending ? "Checking…" : "Confirm and apply"}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
