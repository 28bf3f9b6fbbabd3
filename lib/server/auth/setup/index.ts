export { completeSetup, CompleteSetupInputSchema } from "./complete-setup";
export { adminFromEnv } from "./admin-from-env";
export { prepareSignIn } from "./start-up";
export { setupOpen, setupTokenFile } from "./setup-token";
