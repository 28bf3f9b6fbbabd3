export * from "./schemas";
export * from "./types";
export { listPeople, listInvites } from "./list-people";
export { invitePerson } from "./invite-person";
export { revokeInvite } from "./revoke-invite";
export { acceptInvite, getInvite } from "./accept-invite";
export { changeRole } from "./change-role";
export { removePerson } from "./remove-person";
export { listMySessions, revokeSession } from "./my-sessions";
