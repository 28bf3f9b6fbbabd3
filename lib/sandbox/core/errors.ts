// An AWS error as every AWS protocol carries it: a code (the SDK throws the modelled exception of
// that name), a message and an HTTP status. Each service names its own codes (ecs/errors.ts);
// the protocol adapter only writes them out.
export class AwsError extends Error {
  /** `fields`: members the modelled exception carries besides its message (ECS's ConflictException has `resourceIds`). */
  constructor(readonly type: string, message: string, readonly status = 400, readonly fields: Record<string, unknown> = {}) {
    super(message);
    this.name = type;
  }
}
