import type { Handlers } from "../core/engine";
import * as alarms from "./alarms";
import * as metrics from "./metrics";

// CloudWatch's handler table: the operation of X-Amz-Target → the function of its resource file.
// Anything else answers UnknownOperationException.
export const CLOUDWATCH_HANDLERS: Handlers = {
  GetMetricData: metrics.getMetricData,
  GetMetricStatistics: metrics.getMetricStatistics,
  ListMetrics: metrics.listMetrics,
  PutMetricData: metrics.putMetricData,
  PutMetricAlarm: alarms.putMetricAlarm,
  DescribeAlarms: alarms.describeAlarms,
  DeleteAlarms: alarms.deleteAlarms,
  SetAlarmState: alarms.setAlarmState,
};
