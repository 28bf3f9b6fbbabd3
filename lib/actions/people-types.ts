// What the people actions and pages hand to client components, which may not import lib/server.
export type { PersonView, InviteView, NewInvite, SessionView, AccessKeyView, NewAccessKey } from "@/lib/server/people/types";
