// The built-in sandbox: Stevedore's own ECS, one world per Region it is addressed in.

/**
 * The Region of the built-in sandbox environment. Lessons use it too, so what a lesson deploys
 * is what the Monitor and Live mode of the sandbox environment show.
 */
export const SANDBOX_REGION = "eu-west-1";
