import type { StepView } from "@/lib/domain/learn/view";
import { checkedOn } from "@/lib/domain/learn/step-kind";

export function StepList({ steps, completed, currentId }: { steps: StepView[]; completed: string[]; currentId?: string }) {
  return (
    <ol className="space-y-1.5" aria-label="Steps">
      {steps.map((s, i) => {
        const done = completed.includes(s.id);
        const current = s.id === currentId;
        return (
          <li
            key={s.id}
            aria-current={current ? "step" : undefined}
            data-testid={`step-${s.id}`}
            data-state={done ? "done" : current ? "current" : "todo"}
            className={`flex items-start gap-2.5 rounded-md px-2.5 py-2 text-sm ${current ? "bg-white shadow-sm ring-1 ring-brand-700/30" : ""}`}
          >
            <span
              aria-hidden
              className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                done ? "bg-emerald-600 text-white" : current ? "bg-brand-700 text-white" : "bg-slate-200 text-slate-700"
              }`}
            >
              {done ? "✓" : i + 1}
            </span>
            <span className={done ? "text-slate-600" : current ? "font-medium text-slate-900" : "text-slate-700"}>
              {s.title}
              <span className="sr-only">{done ? " (done)" : current ? " (current step)" : ""}</span>
              <span className="block text-xs font-normal text-slate-500">{checkedOn(s.kind)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
