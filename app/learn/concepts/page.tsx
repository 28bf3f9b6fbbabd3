import type { Metadata } from "next";
import Link from "next/link";
import { CONCEPTS, CONCEPT_IDS } from "@/lib/domain/learn";
import { ConceptSection } from "@/components/learn/concept-section";
import { LearnNav } from "@/components/learn/learn-nav";
import { pageContext } from "@/lib/server/auth/page-context";
import {
  ContainersVsVmsDiagram, EcsHierarchyDiagram, IamRolesDiagram, ImageLayersDiagram, LaunchTypesDiagram, NetworkModesDiagram, RegistriesDiagram,
} from "@/components/learn/diagrams";

export const metadata: Metadata = { title: "Concepts", description: "Containers, images, registries and the building blocks of Amazon ECS, drawn and explained." };

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800";

export default async function ConceptsPage() {
  await pageContext("/learn/concepts");
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <LearnNav current="concepts" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Concepts</h1>
        <p className="max-w-3xl text-slate-700">
          The ideas behind every ECS design, one picture each. Read them in order, or jump to the one a lesson points you to.
        </p>
        <nav aria-label="On this page">
          <ol className="flex flex-wrap gap-2 text-sm">
            {CONCEPT_IDS.map((id, i) => (
              <li key={id}>
                <a href={`#${id}`} className="inline-block rounded-full border border-slate-200 bg-white px-3 py-1 text-slate-700 hover:border-slate-300 hover:bg-slate-50">
                  {i + 1}. {CONCEPTS[id].title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <ConceptSection id="containers-vs-vms" diagram={<ContainersVsVmsDiagram />}>
        <p>
          A virtual machine pretends to be a whole computer: a hypervisor slices the hardware, and every VM boots its own operating
          system with its own kernel. That is strong isolation, paid for in gigabytes of disk and memory and a boot that takes minutes.
        </p>
        <p>
          A container is just a process on the host that the kernel fences off — its own view of files, network and process ids
          (namespaces) and its own share of CPU and memory (cgroups). Every container on a host uses the same kernel, so it carries
          only your program and its libraries: tens of megabytes, started in about a second. The same image runs the same way on a
          laptop, in CI and in ECS.
        </p>
      </ConceptSection>

      <ConceptSection id="images-and-layers" diagram={<ImageLayersDiagram />}>
        <p>
          An image is a stack of read-only layers plus some settings (the command to run, environment, exposed ports). Each instruction
          of a Dockerfile that changes files — <code className={code}>RUN</code>, <code className={code}>COPY</code>,{" "}
          <code className={code}>ADD</code> — adds one layer with just the changes; the others only change settings.
        </p>
        <p>
          Layers are identified by their content, so images built on the same base share it, and a rebuild reuses every layer above
          which nothing changed. That is why dependency files are copied before the source: editing code then rebuilds only the last
          layer. A running container gets one more, writable layer on top. Anything written there vanishes with the container, so data
          that must last belongs in a volume or a service such as S3.
        </p>
      </ConceptSection>

      <ConceptSection
        id="registries"
        diagram={<RegistriesDiagram />}
        more={[{ href: "https://docs.docker.com/docker-hub/", label: "Docker Hub" }]}
      >
        <p>
          A registry stores images so that any host can pull them. Docker Hub is the public default; Amazon ECR keeps private
          repositories next to your ECS tasks, with IAM deciding who may push and pull. An image reference reads{" "}
          <code className={code}>registry/repository:tag</code>, e.g.{" "}
          <code className={code}>123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4</code>.
        </p>
        <p>
          A tag is a label anyone with push rights can move; <code className={code}>latest</code> is only a convention. A digest (
          <code className={code}>@sha256:…</code>) is the hash of the image itself and can never point elsewhere. Pin digests — or
          immutable tags — when you need to know exactly what runs.
        </p>
      </ConceptSection>

      <ConceptSection
        id="ecs-building-blocks"
        diagram={<EcsHierarchyDiagram />}
        more={[
          { href: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html", label: "Services" },
          { href: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html", label: "Clusters" },
        ]}
      >
        <p>Think of a harbour — fitting, for an app named after the people who load ships:</p>
        <ul className="list-disc space-y-1.5 pl-6">
          <li><strong>Container definition</strong> — the label on one shipping container: what is inside (the image), how heavy it may get (memory), which hatch opens (ports).</li>
          <li><strong>Task definition</strong> — the loading plan for containers that always sail together on one ship, such as an app and its log router. It is versioned: each change is a new revision.</li>
          <li><strong>Task</strong> — one ship actually at sea, built from that plan.</li>
          <li><strong>Service</strong> — the shipping line’s standing order: “keep three of these ships sailing”. When one sinks, the harbour master sends out another; a new revision is rolled out ship by ship.</li>
          <li><strong>Cluster</strong> — the harbour itself: your own berths (EC2 instances) or capacity AWS rents you ship by ship (Fargate).</li>
        </ul>
      </ConceptSection>

      <ConceptSection id="launch-types" diagram={<LaunchTypesDiagram />}>
        <p>
          With the <strong>EC2</strong> launch type, tasks run on instances you register in the cluster. You pick instance types, keep
          the AMI patched and scale the fleet; in exchange several tasks share each instance, you can use GPUs, and placement strategies
          decide where tasks land.
        </p>
        <p>
          With <strong>Fargate</strong> there is no instance to see: each task runs in its own isolated environment sized by the task’s
          cpu and memory, which must form one of Fargate’s fixed pairs. Fargate tasks always use awsvpc networking and you pay for what
          each task reserves, per second.
        </p>
      </ConceptSection>

      <ConceptSection id="network-modes" diagram={<NetworkModesDiagram />}>
        <p>
          <code className={code}>none</code> cuts the task off entirely. <code className={code}>bridge</code> (the EC2 default) puts
          containers behind Docker’s virtual bridge: a fixed host port can be used by one container per instance, so leave it empty and
          let Docker pick a free one. <code className={code}>host</code> skips the bridge for speed, at the same one-port-per-instance
          cost.
        </p>
        <p>
          <code className={code}>awsvpc</code> gives each task its own elastic network interface, private IP and security groups, just
          like an EC2 instance. Port clashes between tasks disappear — but the containers of one task share the interface, so they must
          listen on different ports. Fargate accepts only awsvpc.
        </p>
      </ConceptSection>

      <ConceptSection
        id="iam-roles"
        diagram={<IamRolesDiagram />}
        more={[{ href: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html", label: "Task execution role" }]}
      >
        <p>
          A task definition names two roles with two different users. The <strong>execution role</strong> is for ECS itself: the agent
          or Fargate uses it to pull a private image from ECR, send container output to CloudWatch Logs and fetch secrets before your
          code starts.
        </p>
        <p>
          The <strong>task role</strong> is for your code. The AWS SDK inside the container picks up its short-lived credentials
          automatically, so access keys never need to sit in environment variables, where anyone who can read the task definition can read
          them too.
        </p>
      </ConceptSection>

      <p className="text-slate-700">
        Ready to try it? <Link href="/learn" className="font-medium text-brand-700 underline-offset-2 hover:underline">Pick a lesson</Link>.
      </p>
    </div>
  );
}
