import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

import type { Exchange } from "./sandbox-harness";
import { OAI_DIR } from "./seed-samples";

type Spec = {
  servers: { url: string }[];
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
};
type Schema = { $ref?: string; properties?: Record<string, Schema>; type?: string; items?: Schema };

const FILES = ["twilio_trusthub_v1.json", "twilio_messaging_v1.json", "twilio_api_v2010.json", "twilio_events_v1.json"];

/**
 * Validates sandbox answers against Twilio's official OpenAPI descriptions (../shared/twilio-oai):
 * the operation is found by host, method and path template, and the answer must match the
 * response schema for its status, with every property the schema lists present.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly specs = new Map<string, Spec>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
    // Twilio's v2010 answers give `uri`, `first_page_uri`, ... as paths relative to the host (seed
    // 001's Address example does too), though the spec says format "uri": accept URI references.
    this.ajv.addFormat("uri", (value: string) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(value));
    this.ajv.addFormat("date-time-rfc-2822", /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
    for (const name of [
      "currency",
      "endpoint",
      "http-method",
      "ice-server",
      "iso-country-code",
      "phone-number",
      "phone-number-capabilities",
      "twiml",
      "uri-map",
    ]) {
      this.ajv.addFormat(name, true);
    }
    for (const file of FILES) {
      const spec = relaxUntypedNullable(JSON.parse(readFileSync(path.join(OAI_DIR, file), "utf8"))) as Spec;
      this.specs.set(file, spec);
      this.ajv.addSchema(spec as object, file);
    }
  }

  /** Every recorded answer checked against its operation: its problems, each named by its request. */
  problemsIn(exchanges: readonly Exchange[]): string[] {
    return exchanges.flatMap((exchange) =>
      this.check(exchange.url.host, exchange.method, exchange.url.pathname, exchange.status, exchange.body).map(
        (problem) => `${exchange.method} ${exchange.url.pathname}: ${problem}`,
      ),
    );
  }

  /** The path templates the recorded requests called (to check that each expected operation was). */
  templatesOf(exchanges: readonly Exchange[]): Set<string | undefined> {
    return new Set(
      exchanges.map((exchange) => this.operation(exchange.url.host, exchange.method, exchange.url.pathname)?.template),
    );
  }

  /** The spec file and path template that describe a request, e.g. /v1/CustomerProfiles/{Sid}. */
  operation(host: string, method: string, pathname: string): { file: string; template: string } | null {
    for (const [file, spec] of this.specs) {
      if (!spec.servers.some((server) => new URL(server.url).host === host)) continue;
      // The most literal template wins: .../Usa2p/Usecases before .../Usa2p/{Sid}.
      const templates = Object.keys(spec.paths).sort(
        (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
      );
      for (const template of templates) {
        const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`);
        if (pattern.test(pathname) && spec.paths[template]![method.toLowerCase()]) return { file, template };
      }
    }
    return null;
  }

  /** Problems with an answer ([] when it conforms). */
  check(host: string, method: string, pathname: string, status: number, body: unknown): string[] {
    const operation = this.operation(host, method, pathname);
    if (!operation) return [`no operation in Twilio's OpenAPI for ${method} ${host}${pathname}`];
    const spec = this.specs.get(operation.file)!;
    const responses = spec.paths[operation.template]![method.toLowerCase()]!.responses;
    if (status === 204)
      return responses["204"] ? [] : [`${method} ${operation.template} does not answer 204 in the spec`];
    const response = responses[String(status)];
    const schema = response?.content?.["application/json"]?.schema;
    if (!schema) return [`${method} ${operation.template}: the spec has no JSON response for status ${status}`];

    const pointer = [
      "paths",
      operation.template,
      method.toLowerCase(),
      "responses",
      String(status),
      "content",
      "application/json",
      "schema",
    ]
      .map((segment) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1")))
      .join("/");
    const key = `${operation.file}#/${pointer}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: key });
      this.compiled.set(key, validate);
    }
    const problems = validate(body)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message}`);
    return [...problems, ...this.missingProperties(spec, schema, body, "")];
  }

  private resolve(spec: Spec, schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], spec);
    return this.resolve(spec, target as Schema);
  }

  /** Every property the schema lists must be present (null is fine), in objects and list items. */
  private missingProperties(spec: Spec, rawSchema: Schema, value: unknown, at: string): string[] {
    const schema = this.resolve(spec, rawSchema);
    if (schema.type === "array" && schema.items && Array.isArray(value)) {
      return value.flatMap((item, index) => this.missingProperties(spec, schema.items!, item, `${at}/${index}`));
    }
    if (!schema.properties || typeof value !== "object" || value === null || Array.isArray(value)) return [];
    const problems: string[] = [];
    for (const [name, propertySchema] of Object.entries(schema.properties)) {
      if (!(name in value)) problems.push(`${at}/${name} is missing`);
      else if (name !== "meta")
        problems.push(
          ...this.missingProperties(spec, propertySchema, (value as Record<string, unknown>)[name], `${at}/${name}`),
        );
    }
    return problems;
  }
}

/**
 * OpenAPI 3.0 lets `nullable` stand without `type` (as on free-form `attributes`); Ajv refuses that.
 * Such a schema accepts anything, null included, so the keyword can go. A nullable enumeration takes
 * null too (Ajv wants it listed): Twilio's documented answers carry `"vetting_provider": null`
 * (tollfree-verification-resource.md) where the enumeration is `nullable` without null among its values.
 */
function relaxUntypedNullable(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(relaxUntypedNullable);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if ("nullable" in record && !("type" in record)) delete record.nullable;
    if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) record.enum.push(null);
    Object.values(record).forEach(relaxUntypedNullable);
  }
  return node;
}

/** Twilio's error answer: `{code, message, more_info, status}`. */
export function errorShapeProblems(body: unknown, status: number): string[] {
  const error = body as Record<string, unknown> | null;
  const problems: string[] = [];
  if (typeof error?.code !== "number") problems.push("code is not a number");
  if (typeof error?.message !== "string") problems.push("message is not a string");
  if (typeof error?.more_info !== "string") problems.push("more_info is not a string");
  if (error?.status !== status) problems.push(`status is not ${status}`);
  return problems;
}
