import type { Metadata } from "next";
import { pageContext } from "@/lib/server/auth/page-context";
import { listInvites, listPeople } from "@/lib/server/people";
import { PeopleManager } from "@/components/people/people-manager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const ctx = await pageContext("/people");
  const [people, invites] = await Promise.all([listPeople({ ctx }), listInvites({ ctx })]);
  const meId = ctx.actor.kind === "person" ? ctx.actor.person.id : "";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">People</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          Who can sign in, and what they may do. Viewers read; editors change designs and use the sandbox; admins also manage people and environments.
        </p>
      </div>
      <PeopleManager people={people} invites={invites} meId={meId} />
    </div>
  );
}
