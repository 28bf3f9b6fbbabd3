import type { ConnectionTest } from "@/lib/actions/environment-types";
import { Alert } from "@/components/ui/alert";

export function ConnectionResult({ result }: { result: ConnectionTest }) {
  if (!result.ok) {
    return <Alert tone="error" title={`Connection failed (${result.region})`}><span className="font-mono text-xs">{result.error.name}</span>: {result.error.message}</Alert>;
  }
  return (
    <Alert tone="success" title="Connected">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt>Account</dt><dd data-testid="connection-account">{result.account ?? "unknown (no cluster ARN to read it from)"}</dd>
        <dt>Region</dt><dd>{result.region}</dd>
        <dt>ListClusters</dt>
        <dd>
          {result.clusterCount === 0 ? "no clusters" : `${result.clusterCount} cluster${result.clusterCount === 1 ? "" : "s"}: ${result.clusters.join(", ")}${result.clusterCount > result.clusters.length ? ", …" : ""}`}
          {" "}(answered by {result.answeredBy})
        </dd>
      </dl>
    </Alert>
  );
}
