export default function Loading() {
  return (
    <div className="animate-pulse space-y-6" aria-busy="true" aria-label="Loading designs">
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
      <div className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="flex items-center gap-6 px-4 py-5">
            <div className="h-4 w-1/3 rounded bg-slate-200" />
            <div className="h-4 w-1/6 rounded bg-slate-200" />
            <div className="h-4 w-1/6 rounded bg-slate-200" />
            <div className="ml-auto h-8 w-40 rounded bg-slate-200" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
