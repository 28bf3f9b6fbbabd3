/** Which Region's prices the design page's cost uses: a plain GET form (?costRegion=), so it works without script. */
export function CostRegionPicker({ designId, region, regions }: { designId: string; region: string; regions: string[] }) {
  return (
    <form method="get" action={`/designs/${designId}#cost`} className="mb-3 flex items-end gap-2 text-sm">
      <label className="font-medium text-slate-800">
        Prices of
        <select name="costRegion" defaultValue={region} className="ml-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
          {[...regions].sort().map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">Show</button>
    </form>
  );
}
