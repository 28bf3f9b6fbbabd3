import type { Handlers } from "../core/engine";
import * as events from "./events";
import * as groups from "./groups";
import * as streams from "./streams";

// CloudWatch Logs' handler table: the operation of X-Amz-Target → the function of its resource
// file. StartLiveTail streams its answer: the edge serves it (../live-tail.ts over engine.ts's
// openLiveTail). Anything else answers UnknownOperationException.
export const LOGS_HANDLERS: Handlers = {
  CreateLogGroup: groups.createLogGroup,
  DescribeLogGroups: groups.describeLogGroups,
  DeleteLogGroup: groups.deleteLogGroup,
  CreateLogStream: streams.createLogStream,
  DescribeLogStreams: streams.describeLogStreams,
  PutLogEvents: events.putLogEvents,
  GetLogEvents: events.getLogEvents,
  FilterLogEvents: events.filterLogEvents,
};
