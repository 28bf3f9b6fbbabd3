"use client";

import { useEffect, useId, useMemo, useState } from "react";
import type { ImageTarget } from "@/lib/actions/design-types";
import type { BuiltImage } from "@/lib/domain/lab/image";
import { type Host, emptyHost } from "@/lib/domain/lab/hosts";
import {
  type ImageRef, type Registry, type TagMutability, createRepository, deleteTag, ecrHost, emptyRegistry, moveTag, push, reference, setTagMutability, storedBytes, tagsByDigest,
} from "@/lib/domain/lab/registry";
import { SAMPLE_IMAGES } from "@/lib/domain/lab/samples";
import { Button } from "@/components/ui/button";
import { loadRegistryLab, saveRegistryLab, useBuiltImages, useLabGeneration } from "./lab-store";
import { formatBytes, shortDigest } from "./format";
import { HostPanel } from "./host-panel";
import { TransferLog } from "./transfer-log";
import { UseImage } from "./use-image";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";

type Choice = { key: string; label: string; image: BuiltImage };
type Output = { command: string; lines: string[]; summary?: string; failed?: boolean };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-brand-600";
const labelCls = "block text-sm font-medium text-slate-800";

/** Every reference a host could pull: each tag, and each manifest by digest. */
function pullableRefs(registry: Registry): { ref: ImageRef; label: string }[] {
  return Object.values(registry.repositories).flatMap((repo) => [
    ...Object.keys(repo.tags).sort().map((tag) => ({ ref: { repository: repo.name, tag }, label: `${repo.name}:${tag}` })),
    ...Object.keys(repo.manifests).map((digest) => ({ ref: { repository: repo.name, digest }, label: `${repo.name}@${shortDigest(digest)}` })),
  ]);
}

/** The Registry & hosts tab, kept in this browser (the first render, on the server, is empty). */
type DesignTargets = { targets: ImageTarget[]; canEdit: boolean };

export function RegistryLab(props: DesignTargets) {
  const generation = useLabGeneration();
  return <RegistryBench key={generation} persist={generation > 0} {...props} />;
}

const freshLab = () => ({ registry: emptyRegistry(ecrHost(ACCOUNT, REGION)), hosts: [emptyHost("host-a"), emptyHost("host-b")] });

function RegistryBench({ persist, targets, canEdit }: { persist: boolean } & DesignTargets) {
  const built = useBuiltImages();
  const choices: Choice[] = useMemo(() => [
    ...built.map((image) => ({ key: `built:${image.name}:${image.digest}`, label: `${image.name} (built in the lab, ${shortDigest(image.digest)})`, image })),
    ...SAMPLE_IMAGES.map((image) => ({ key: `sample:${image.digest}`, label: `Sample: ${image.label}`, image })),
  ], [built]);
  // What the tab opened with: the saved registry and hosts, else empty ones (only a change is saved).
  const [start] = useState(() => (persist ? loadRegistryLab() : undefined) ?? freshLab());
  const [registry, setRegistry] = useState<Registry>(start.registry);
  const [hosts, setHosts] = useState<Host[]>(start.hosts);
  useEffect(() => {
    if (persist && (registry !== start.registry || hosts !== start.hosts)) saveRegistryLab({ registry, hosts });
  }, [persist, start, registry, hosts]);
  const [choiceKey, setChoiceKey] = useState(choices[0]?.key ?? "");
  const chosen = choices.find((c) => c.key === choiceKey) ?? choices[0];
  const [repository, setRepository] = useState("shop/web");
  const [tag, setTag] = useState("latest");
  const [immutableNew, setImmutableNew] = useState(false);
  const [output, setOutput] = useState<Output>();
  /** The manifest "Use in a design" was pressed for. */
  const [using, setUsing] = useState<{ repository: string; digest: string }>();
  const ids = { image: useId(), repo: useId(), tag: useId(), immutable: useId() };

  const doPush = () => {
    if (!chosen) return;
    const start = registry.repositories[repository] || !immutableNew ? registry : createRepository(registry, repository, "IMMUTABLE");
    const r = push(start, chosen.image, repository.trim(), tag.trim());
    setRegistry(r.registry);
    const skipped = r.lines.filter((l) => l.status === "Layer already exists").length;
    setOutput({
      command: `docker push ${registry.host}/${repository}:${tag}`,
      lines: r.log,
      failed: !r.ok,
      summary: r.ok
        ? `Uploaded ${formatBytes(r.bytesMoved)}; ${skipped} of ${r.lines.length} layers were already in the repository${r.bytesSkipped ? ` (${formatBytes(r.bytesSkipped)} not sent)` : ""}.${r.movedFrom ? ` The tag “${tag}” moved from ${shortDigest(r.movedFrom)}; that manifest is still there, by digest.` : ""}`
        : r.lines.length ? `${r.bytesMoved ? `Missing layers uploaded (${formatBytes(r.bytesMoved)})` : "No layer was missing"}, then the registry refused the manifest: the tag still points where it did.` : r.error,
    });
  };

  const repos = Object.values(registry.repositories);
  const usingRepo = using && registry.repositories[using.repository];
  // Gone when its last tag was deleted (ECR deletes the image with it).
  const usingRow = usingRepo ? tagsByDigest(usingRepo).find((r) => r.digest === using.digest) : undefined;

  return (
    <div className="space-y-10">
      <section aria-labelledby="push-title" className="space-y-4">
        <h2 id="push-title" className="text-lg font-semibold text-slate-900">1. Push an image</h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Pick an image and push it to a repository of the simulated ECR registry <code className="font-mono text-[0.9em]">{registry.host}</code>.
          Only the layers the repository does not have yet are uploaded. {built.length === 0 && "Images you build on the Build tab appear here too."}
        </p>
        <form className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" onSubmit={(e) => { e.preventDefault(); doPush(); }}>
          <div>
            <label htmlFor={ids.image} className={labelCls}>Image</label>
            <select id={ids.image} className={field} value={chosen?.key ?? ""} onChange={(e) => setChoiceKey(e.target.value)}>
              {choices.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={ids.repo} className={labelCls}>Repository</label>
            <input id={ids.repo} className={field} value={repository} onChange={(e) => setRepository(e.target.value)} spellCheck={false} />
          </div>
          <div>
            <label htmlFor={ids.tag} className={labelCls}>Tag</label>
            <input id={ids.tag} className={field} value={tag} onChange={(e) => setTag(e.target.value)} spellCheck={false} />
          </div>
          <Button type="submit" variant="primary" disabled={!chosen}>Push</Button>
          {!registry.repositories[repository] && (
            <label htmlFor={ids.immutable} className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-4">
              <input id={ids.immutable} type="checkbox" checked={immutableNew} onChange={(e) => setImmutableNew(e.target.checked)} />
              Create “{repository || "…"}” with tag immutability (imageTagMutability IMMUTABLE)
            </label>
          )}
        </form>
        {output ? <TransferLog label="Push output" {...output} /> : <p className="text-sm text-slate-600">No push yet: the output of <code className="font-mono">docker push</code> appears here.</p>}
      </section>

      <section aria-labelledby="registry-title" className="space-y-4">
        <h2 id="registry-title" className="text-lg font-semibold text-slate-900">2. The registry: tags point at digests</h2>
        {repos.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">No repositories yet. Push an image above to create one.</p>
        ) : repos.map((repo) => (
          <RepositoryCard
            key={repo.name} registry={registry} name={repo.name}
            onChange={setRegistry} onOutput={setOutput} onUse={(digest) => setUsing({ repository: repo.name, digest })}
          />
        ))}
        {using && usingRow && (
          <div className="space-y-2" data-testid="use-from-registry">
            <p className="text-sm text-slate-700">
              Use <code className="font-mono text-[0.9em]">{registry.host}/{using.repository}</code> at <code className="font-mono text-[0.9em]">{shortDigest(using.digest)}</code> in a design,
              by its digest or by one of its tags: the design&apos;s image rules judge the reference as they would in ECS.
            </p>
            <UseImage key={`${using.repository}@${using.digest}`} repository={`${registry.host}/${using.repository}`} digest={using.digest} defaultTag={usingRow.tags[0] ?? "latest"} targets={targets} canEdit={canEdit} />
          </div>
        )}
      </section>

      <section aria-labelledby="hosts-title" className="space-y-4">
        <h2 id="hosts-title" className="text-lg font-semibold text-slate-900">3. Two Docker hosts</h2>
        <p className="max-w-3xl text-sm text-slate-700">
          Each host keeps its own store of layers. A pull downloads only the layers the host lacks, so images on the same base
          share it on disk, and the second host downloads the base once for itself.
        </p>
        <div className="grid gap-6 lg:grid-cols-2">
          {hosts.map((host, i) => (
            <HostPanel key={host.name} host={host} registry={registry} refs={pullableRefs(registry)} onChange={(h) => setHosts((all) => all.map((x, j) => (j === i ? h : x)))} />
          ))}
        </div>
      </section>
    </div>
  );
}

function RepositoryCard({ registry, name, onChange, onOutput, onUse }: { registry: Registry; name: string; onChange: (r: Registry) => void; onOutput: (o: Output) => void; onUse: (digest: string) => void }) {
  const repo = registry.repositories[name];
  const [tagInputs, setTagInputs] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const mutabilityId = useId();
  const rows = tagsByDigest(repo);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage({ text: `Copied ${text}` });
    } catch {
      setMessage({ text: `The browser did not allow copying. The reference is: ${text}`, error: true });
    }
  };
  const pointTag = (digest: string) => {
    const tag = (tagInputs[digest] ?? "").trim();
    const r = moveTag(registry, name, tag, digest);
    if (!r.ok) { setMessage({ text: r.error, error: true }); return; }
    onChange(r.registry);
    setTagInputs((t) => ({ ...t, [digest]: "" }));
    setMessage({ text: r.movedFrom ? `Moved “${tag}” from ${shortDigest(r.movedFrom)} to ${shortDigest(digest)}. No layer moved: only the pointer changed.` : `Tagged ${shortDigest(digest)} as “${tag}”.` });
    onOutput({ command: `docker tag … ${registry.host}/${name}:${tag} && docker push ${registry.host}/${name}:${tag}`, lines: r.movedFrom ? [`${tag} now points at ${digest}`, `(was ${r.movedFrom})`] : [`${tag} now points at ${digest}`] });
  };
  const removeTag = (tag: string) => {
    const r = deleteTag(registry, name, tag);
    if (!r.ok) { setMessage({ text: r.error, error: true }); return; }
    onChange(r.registry);
    setMessage({ text: r.imageDeleted ? `Removed “${tag}”, the image's last tag: ECR deleted the image with it.` : `Removed “${tag}”. The image keeps its other tags.` });
  };
  return (
    <article aria-labelledby={`repo-${name}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h3 id={`repo-${name}`} className="font-mono text-sm font-semibold text-slate-900">{registry.host}/{name}</h3>
          <p className="text-xs text-slate-600">{Object.keys(repo.blobs).length} layers stored once each, {formatBytes(storedBytes(repo))}</p>
        </div>
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor={mutabilityId} className="text-slate-700">Tag mutability</label>
          <select id={mutabilityId} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" value={repo.imageTagMutability}
            onChange={(e) => onChange(setTagMutability(registry, name, e.target.value as TagMutability))}>
            <option value="MUTABLE">MUTABLE</option>
            <option value="IMMUTABLE">IMMUTABLE</option>
          </select>
        </div>
      </header>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Manifests of {name}, with the tags pointing at them</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr><th scope="col" className="py-1 pr-3">Digest</th><th scope="col" className="py-1 pr-3">Tags</th><th scope="col" className="py-1 pr-3">Layers</th><th scope="col" className="py-1">Point a tag here</th></tr>
        </thead>
        <tbody>
          {rows.map(({ digest, tags, manifest }) => (
            <tr key={digest} className="border-t border-slate-100 align-top">
              <td className="py-2 pr-3">
                <code className="font-mono text-xs text-slate-900" title={digest}>{shortDigest(digest)}</code>
                <div className="text-xs text-slate-600">{manifest.source}</div>
                <button type="button" className="mt-1 text-xs font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => copy(reference(registry, { repository: name, digest }))}>
                  Copy digest reference
                </button>
                <button type="button" className="mt-1 block text-xs font-medium text-brand-700 underline-offset-2 hover:underline" onClick={() => onUse(digest)}>
                  Use in a design
                </button>
              </td>
              <td className="py-2 pr-3">
                {tags.length === 0 ? <span className="text-xs text-slate-600">untagged (by digest only)</span> : (
                  <ul className="flex flex-wrap gap-1.5">
                    {tags.map((t) => (
                      <li key={t} className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pl-2 pr-1 font-mono text-xs text-slate-900">
                        {t}
                        <button type="button" aria-label={`Copy ${name}:${t}`} title="Copy tag reference" className="rounded px-1 font-sans text-[11px] font-medium text-brand-700 hover:bg-slate-100" onClick={() => copy(reference(registry, { repository: name, tag: t }))}>Copy</button>
                        <button type="button" aria-label={`Delete tag ${t}`} title="Delete tag" className="rounded px-1 text-red-700 hover:bg-slate-100" onClick={() => removeTag(t)}>×</button>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="py-2 pr-3 text-xs text-slate-700">{manifest.layers.length} · {formatBytes(manifest.layers.reduce((n, l) => n + l.size, 0))}</td>
              <td className="py-2">
                <form className="flex gap-1.5" onSubmit={(e) => { e.preventDefault(); pointTag(digest); }}>
                  <input aria-label={`Tag for ${shortDigest(digest)}`} placeholder="latest" spellCheck={false}
                    className="w-28 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900"
                    value={tagInputs[digest] ?? ""} onChange={(e) => setTagInputs((x) => ({ ...x, [digest]: e.target.value }))} />
                  <Button type="submit" size="sm" disabled={!(tagInputs[digest] ?? "").trim()}>Tag</Button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role={message.error ? "alert" : "status"} className={`mt-2 text-sm ${message.error ? "text-red-700" : "text-slate-700"}`}>{message.text}</p>}
    </article>
  );
}
