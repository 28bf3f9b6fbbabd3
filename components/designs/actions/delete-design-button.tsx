"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { deleteDesignAction } from "@/lib/actions/designs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { runAction } from "./issues";

type Props = {
  design: { id: string; name: string };
  size?: "sm" | "md";
  /** Where to go after deleting; the list just refreshes. */
  redirectTo?: string;
};

export function DeleteDesignButton({ design, size = "md", redirectTo }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError(undefined);
    startTransition(async () => {
      const result = await runAction(() => deleteDesignAction({ id: design.id }));
      if (!result.ok && result.code !== "NOT_FOUND") return setError(result.message);
      setOpen(false);
      if (redirectTo) router.push(redirectTo);
      router.refresh();
    });
  }

  return (
    <>
      <Button size={size} variant="danger-ghost" onClick={() => setOpen(true)} aria-label={`Delete ${design.name}`}>
        Delete
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete design?"
        description={<>“<strong className="font-semibold text-slate-900">{design.name}</strong>” and all its revisions will be deleted. This cannot be undone.</>}
      >
        {error && <Alert tone="error">{error}</Alert>}
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" onClick={confirm} disabled={pending}>{pending ? "Deleting…" : "Delete design"}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
