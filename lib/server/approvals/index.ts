export * from "./schemas";
export * from "./types";
export { listGrants, addGrant, removeGrant } from "./grants";
export { setGroups } from "./set-groups";
export { confirmPassword } from "./fresh-sign-in";
export { requestApply, approveApply, rejectApply, applyApproved, listApplyRequests, applyRequestEnvironmentId } from "./apply-requests";
