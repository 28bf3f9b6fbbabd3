import { AwsError } from "../core/errors";

// The error codes the Price List Query API answers with (awsJson1_1 `__type`; the SDK throws the
// modelled exception of that name): GetProducts' Errors section,
// https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html

export type PricingErrorType = "InvalidParameterException" | "NotFoundException" | "InvalidNextTokenException" | "ExpiredNextTokenException" | "InternalErrorException";

export const pricingError = (type: PricingErrorType, message: string) => new AwsError(type, message);
export const invalidParameter = (message: string) => pricingError("InvalidParameterException", message);
export const invalidNextToken = () => pricingError("InvalidNextTokenException", "The pagination token is invalid. Try again without a pagination token.");
