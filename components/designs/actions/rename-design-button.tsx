"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { renameDesignAction } from "@/lib/actions/designs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { DesignFormFields } from "./design-form-fields";
import { fieldErrors, runAction, validateDesignName } from "./issues";

type Props = { design: { id: string; name: string; description: string }; size?: "sm" | "md" };

export function RenameDesignButton({ design, size = "md" }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(design.name);
  const [description, setDescription] = useState(design.description);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, startTransition] = useTransition();

  function openDialog() {
    setName(design.name);
    setDescription(design.description);
    setErrors({});
    setFailure(undefined);
    setOpen(true);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const nameError = validateDesignName(name);
    if (nameError) return setErrors({ name: nameError });
    startTransition(async () => {
      const result = await runAction(() => renameDesignAction({ id: design.id, name: name.trim(), description: description.trim() }));
      if (!result.ok) {
        const byField = fieldErrors(result.issues);
        setErrors(byField);
        setFailure(byField.name || byField.description ? undefined : result.message);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  }

  return (
    <>
      <Button size={size} onClick={openDialog} aria-label={`Rename ${design.name}`}>Rename</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Rename “${design.name}”`}>
        <form onSubmit={submit} noValidate>
          <DesignFormFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
          {failure && <div className="mt-4"><Alert tone="error">{failure}</Alert></div>}
          <DialogActions>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
