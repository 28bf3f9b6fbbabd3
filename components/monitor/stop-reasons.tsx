import { explainStop, type MonitorTask } from "@/lib/domain/monitor";

type Stopped = Pick<MonitorTask, "taskArn" | "taskId" | "lastStatus" | "stopCode" | "stoppedReason" | "containers" | "stoppedAt"> & Partial<Pick<MonitorTask, "stoppingAt">>;

/** Each stopped task with ECS's own words and what they mean; `onShowLogs` jumps the log view to the time it stopped. */
export function StopReasons({ tasks, onShowLogs }: { tasks: Stopped[]; onShowLogs?: (task: Stopped) => void }) {
  if (tasks.length === 0) return <p className="text-sm text-slate-600">No task of this service has stopped in the recorded history.</p>;
  return (
    <ul className="space-y-3" data-testid="stop-reasons">
      {tasks.map((t) => {
        const why = explainStop(t);
        if (!why) return null;
        return (
          <li key={t.taskArn} className="rounded-md border border-slate-200 p-3" data-category={why.category}>
            <p className="text-sm text-slate-900"><span className="font-mono text-xs text-slate-500">{t.taskId.slice(0, 12)}</span>{t.stoppedAt && <span className="ml-2 text-xs text-slate-500">{t.stoppedAt.slice(0, 19).replace("T", " ")} UTC</span>}</p>
            <p className="mt-1 font-medium text-slate-900">{why.summary}</p>
            <p className="mt-1 text-sm text-slate-700"><span className="font-semibold">Next step: </span>{why.nextStep}</p>
            <p className="mt-1 text-xs text-slate-500">ECS said: {t.stopCode ?? "no stop code"}{t.stoppedReason ? ` — ${t.stoppedReason}` : ""}</p>
            {onShowLogs && (t.stoppedAt || t.stoppingAt) && (
              <button type="button" className="mt-1 text-sm font-medium text-brand-700 hover:underline" onClick={() => onShowLogs(t)} data-testid="show-stop-logs">
                Logs when it stopped
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
