"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createDesignAction } from "@/lib/actions/designs";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { DesignFormFields } from "./design-form-fields";
import { fieldErrors, runAction, validateDesignName } from "./issues";

export function NewDesignButton({ variant = "primary" }: { variant?: ButtonVariant }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [pending, startTransition] = useTransition();

  function close() {
    setOpen(false);
    setName("");
    setDescription("");
    setErrors({});
    setFailure(undefined);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const nameError = validateDesignName(name);
    if (nameError) return setErrors({ name: nameError });
    startTransition(async () => {
      const result = await runAction(() => createDesignAction({ name: name.trim(), description: description.trim() || undefined }));
      if (!result.ok) {
        const byField = fieldErrors(result.issues);
        setErrors(byField);
        setFailure(byField.name || byField.description ? undefined : result.message);
        return;
      }
      close();
      router.push(`/designs/${result.data.id}`);
    });
  }

  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <PlusIcon />
        New design
      </Button>
      <Dialog open={open} onClose={close} title="New design" description="Start an empty design; add clusters, task definitions and services to it next.">
        <form onSubmit={submit} noValidate>
          <DesignFormFields name={name} description={description} onName={setName} onDescription={setDescription} errors={errors} />
          {failure && <div className="mt-4"><Alert tone="error">{failure}</Alert></div>}
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={pending}>{pending ? "Creating…" : "Create design"}</Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}

function PlusIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor" aria-hidden="true">
      <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
    </svg>
  );
}
