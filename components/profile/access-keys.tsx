"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createAccessKeyAction, revokeAccessKeyAction } from "@/lib/actions/people";
import type { AccessKeyView, NewAccessKey } from "@/lib/actions/people-types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UNREACHABLE } from "@/components/ui/form-issues";
import { relativeTime } from "@/components/ui/relative-time";

type Props = { keys: AccessKeyView[]; max: number; endpoint: string; region: string };

/**
 * The person's sandbox access keys: create one (its secret is shown here once, with the lines
 * that put it to use), see when each was last used, revoke one at once.
 */
export function AccessKeys({ keys, max, endpoint, region }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<NewAccessKey>();
  const [pending, startTransition] = useTransition();
  const create = () => startTransition(async () => {
    setError(undefined);
    const r = await createAccessKeyAction({}).catch(() => undefined);
    if (r?.ok) setCreated(r.data);
    else setError(r?.message ?? UNREACHABLE);
    router.refresh();
  });
  const revoke = (accessKeyId: string) => startTransition(async () => {
    setError(undefined);
    const r = await revokeAccessKeyAction({ accessKeyId }).catch(() => undefined);
    if (!r?.ok) setError(r?.message ?? UNREACHABLE);
    if (created?.accessKeyId === accessKeyId) setCreated(undefined);
    router.refresh();
  });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Sign requests to the sandbox&apos;s AWS endpoint (<code className="font-mono">{endpoint}</code>) with one of these, from the AWS CLI or any SDK.
        A key acts with your role: a viewer&apos;s key reads, an editor&apos;s also changes the sandbox. At most {max} keys.
      </p>
      {created && (
        <div className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950" data-testid="new-access-key">
          <p className="font-semibold">Copy the secret access key now: it is not shown again.</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            <dt>Access key ID</dt>
            <dd><code className="font-mono" data-testid="new-access-key-id">{created.accessKeyId}</code></dd>
            <dt>Secret access key</dt>
            <dd><code className="break-all font-mono" data-testid="new-secret-access-key">{created.secretAccessKey}</code></dd>
          </dl>
          <pre className="overflow-x-auto rounded-md bg-white/70 p-2 font-mono text-xs text-slate-800">{[
            `aws configure set aws_access_key_id ${created.accessKeyId} --profile stevedore`,
            `aws configure set aws_secret_access_key ${created.secretAccessKey} --profile stevedore`,
            `aws configure set region ${region} --profile stevedore`,
            `AWS_PROFILE=stevedore AWS_ENDPOINT_URL=${endpoint} aws ecs list-clusters`,
          ].join("\n")}</pre>
          <Button size="sm" onClick={() => setCreated(undefined)}>Done</Button>
        </div>
      )}
      {keys.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Sandbox access keys">
          {keys.map((k) => (
            <li key={k.accessKeyId} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="access-key">
              <div className="min-w-0 flex-1">
                <p className="truncate font-mono text-sm font-medium text-slate-900">{k.accessKeyId}</p>
                <p className="text-sm text-slate-600">created {relativeTime(k.createdAt)} · {k.lastUsedAt ? `last used ${relativeTime(k.lastUsedAt)}` : "never used"}</p>
              </div>
              <Button size="sm" variant="danger-ghost" disabled={pending} onClick={() => revoke(k.accessKeyId)} aria-label={`Revoke ${k.accessKeyId}`}>Revoke</Button>
            </li>
          ))}
        </ul>
      )}
      <Button variant="primary" disabled={pending || keys.length >= max} onClick={create}>Create access key</Button>
      {keys.length >= max && <p className="text-sm text-slate-600">You have {max} keys, the most a person may have; revoke one to create another.</p>}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
