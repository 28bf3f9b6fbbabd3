"use client";

import { useRouter } from "next/navigation";
import { ApplyProgress } from "@/components/plan/apply-progress";

/** The apply's live steps; when it ends or is resumed, the page's history is read again. */
export function ApplyLive({ applyId, running }: { applyId: string; running: boolean }) {
  const router = useRouter();
  return <ApplyProgress applyId={applyId} onFinished={() => { if (running) router.refresh(); }} onResumed={() => router.refresh()} />;
}
