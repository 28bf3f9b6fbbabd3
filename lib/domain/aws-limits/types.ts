/** A token bucket: `burst` calls at once, refilled at `perSecond` (AWS's "bucket maximum capacity" and "refill rate"). */
export type Bucket = { burst: number; perSecond: number };

/**
 * What one AWS operation may do per call and per second. `bucket` names the token bucket the
 * operation draws from (operations that AWS throttles together share one); `batch` is the most
 * ids one call takes, `page` the most items one page returns.
 */
export type OperationLimit = { bucket?: string; batch?: number; page?: number };

/** One service's limits: every operation the port makes has a row, even if it is not throttled. */
export type ServiceLimits<Op extends string> = {
  buckets: Record<string, Bucket>;
  operations: Record<Op, OperationLimit>;
};
