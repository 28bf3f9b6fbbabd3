"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { duplicateDesignAction } from "@/lib/actions/designs";
import { Button } from "@/components/ui/button";
import { runAction } from "./issues";

type Props = {
  design: { id: string; name: string };
  size?: "sm" | "md";
  /** Open the copy (design page) or stay and refresh (list). */
  openCopy?: boolean;
};

export function DuplicateDesignButton({ design, size = "md", openCopy = false }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  function duplicate() {
    setError(undefined);
    startTransition(async () => {
      const result = await runAction(() => duplicateDesignAction({ id: design.id }));
      if (!result.ok) return setError(result.message);
      if (openCopy) router.push(`/designs/${result.data.id}`);
      else router.refresh();
    });
  }

  return (
    <span className="inline-flex flex-col items-end">
      <Button size={size} onClick={duplicate} disabled={pending} aria-label={`Duplicate ${design.name}`}>
        {pending ? "Duplicating…" : "Duplicate"}
      </Button>
      {error && <span role="alert" className="mt-1 text-xs text-red-700">{error}</span>}
    </span>
  );
}
