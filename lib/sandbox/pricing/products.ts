import { z } from "zod";
import { constraintOf, parseOr } from "../core/input";
import { pageAfter } from "../core/paging";
import { CATALOGUE } from "./catalogue";
import { invalidNextToken, invalidParameter, pricingError } from "./errors";
import type { PriceListProduct } from "../../domain/cost";

// GetProducts, DescribeServices and GetAttributeValues over the catalogue.
// https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html
// Filters: TERM_MATCH and EQUALS (the field's value is the value), CONTAINS (holds it), ANY_OF /
// NONE_OF (a comma-separated list of values); the field is "ServiceCode", "productFamily",
// "sku" or any attribute name. Every filter must match.

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  return parseOr(schema, input, (issue) => {
    const value = issue.input === undefined ? "null" : `'${typeof issue.input === "object" ? JSON.stringify(issue.input) : String(issue.input)}'`;
    return invalidParameter(`1 validation error detected: Value ${value} at '${issue.path.join(".") || "input"}' failed to satisfy constraint: ${constraintOf(issue)}`);
  });
}

const FORMAT = "aws_v1";
const FormatVersion = z.string().optional().refine((v) => v === undefined || v === FORMAT, "Member must be aws_v1");
const MaxResults = z.number().int().min(1).max(100).optional();
const FilterSchema = z.object({
  Type: z.enum(["TERM_MATCH", "EQUALS", "CONTAINS", "ANY_OF", "NONE_OF"]),
  Field: z.string().min(1).max(1024),
  Value: z.string().min(1).max(1024),
});

const GetProductsSchema = z.object({
  ServiceCode: z.string().min(1),
  Filters: z.array(FilterSchema).max(50).optional(),
  FormatVersion,
  NextToken: z.string().optional(),
  MaxResults,
});

function productsOf(serviceCode: string): readonly PriceListProduct[] {
  const products = CATALOGUE.get(serviceCode);
  if (!products) throw pricingError("NotFoundException", `The requested service code ${serviceCode} is not found.`);
  return products;
}

function fieldOf(p: PriceListProduct, field: string): string | undefined {
  if (field === "ServiceCode") return p.serviceCode;
  if (field === "productFamily") return p.product.productFamily;
  if (field === "sku") return p.product.sku;
  return p.product.attributes[field];
}

function matches(p: PriceListProduct, f: z.infer<typeof FilterSchema>): boolean {
  const v = fieldOf(p, f.Field);
  const list = f.Value.split(",").map((x) => x.trim());
  switch (f.Type) {
    case "TERM_MATCH":
    case "EQUALS":
      return v === f.Value;
    case "CONTAINS":
      return v !== undefined && v.includes(f.Value);
    case "ANY_OF":
      return v !== undefined && list.includes(v);
    case "NONE_OF":
      return v === undefined || !list.includes(v);
  }
}

export function getProducts(raw: unknown) {
  const input = parseInput(GetProductsSchema, raw);
  const products = productsOf(input.ServiceCode).filter((p) => (input.Filters ?? []).every((f) => matches(p, f)));
  const { page, next } = pageAfter([...products], input.NextToken, input.MaxResults ?? 100, invalidNextToken);
  return { FormatVersion: FORMAT, PriceList: page.map((p) => JSON.stringify(p)), ...(next ? { NextToken: next } : {}) };
}

/** A service's attribute names, sorted (what DescribeServices lists and GetAttributeValues accepts). */
function attributeNames(products: readonly PriceListProduct[]): string[] {
  return [...new Set(products.flatMap((p) => Object.keys(p.product.attributes)))].sort();
}

const DescribeServicesSchema = z.object({ ServiceCode: z.string().min(1).optional(), FormatVersion, NextToken: z.string().optional(), MaxResults });

export function describeServices(raw: unknown) {
  const input = parseInput(DescribeServicesSchema, raw);
  const codes = input.ServiceCode !== undefined ? (productsOf(input.ServiceCode), [input.ServiceCode]) : [...CATALOGUE.keys()].sort();
  const services = codes.map((code) => ({ ServiceCode: code, AttributeNames: attributeNames(productsOf(code)) }));
  const { page, next } = pageAfter(services, input.NextToken, input.MaxResults ?? 100, invalidNextToken);
  return { Services: page, FormatVersion: FORMAT, ...(next ? { NextToken: next } : {}) };
}

const GetAttributeValuesSchema = z.object({ ServiceCode: z.string().min(1), AttributeName: z.string().min(1), NextToken: z.string().optional(), MaxResults });

export function getAttributeValues(raw: unknown) {
  const input = parseInput(GetAttributeValuesSchema, raw);
  const products = productsOf(input.ServiceCode);
  const values = [...new Set(products.map((p) => p.product.attributes[input.AttributeName]).filter((v): v is string => v !== undefined))].sort();
  if (values.length === 0) throw pricingError("NotFoundException", `The requested attribute ${input.AttributeName} is not found for service ${input.ServiceCode}.`);
  const { page, next } = pageAfter(values, input.NextToken, input.MaxResults ?? 100, invalidNextToken);
  return { AttributeValues: page.map((Value) => ({ Value })), ...(next ? { NextToken: next } : {}) };
}
