import type { JsonWire } from "./json-1-1";

// The AWS JSON 1.0 protocol (awsJson1_0), as CloudWatch speaks it: the same as awsJson1_1
// (json-1-1.ts reads and answers both: POST, `X-Amz-Target: <prefix><Operation>`, a JSON object in
// and out, epoch-second timestamps, `__type` errors) except for its content type,
// `application/x-amz-json-1.0`. CloudWatch is also awsQueryCompatible: it moved from awsQuery, so
// each error also carries its old awsQuery code in `x-amzn-query-error: <code>;Sender`, and the SDK
// names the error by that code's modelled shape (InvalidParameterValue →
// InvalidParameterValueException). https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
// and https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#aws-protocols-awsquerycompatible-trait

export const JSON_1_0_CONTENT_TYPE = "application/x-amz-json-1.0";

/** The wire of an awsJson1_0 service; `queryErrorCodes` (error type → awsQuery code) when it is awsQueryCompatible. */
export function awsJson1_0(queryErrorCodes?: Readonly<Record<string, string>>): JsonWire {
  return { contentType: JSON_1_0_CONTENT_TYPE, ...(queryErrorCodes ? { queryErrorCodes } : {}) };
}
