import type { Metadata } from "next";

import { openApiDocument } from "@/lib/api-v1/openapi";
import { env } from "@/lib/server/env";

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  format?: string;
};
type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const refName = (ref: string) => ref.split("/").at(-1)!;

/** A schema's type in a few words: a component's name, a list of it, or JSON Schema's own words. */
function typeOf(schema: Schema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" or ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.type === "array" && schema.items) return `list of ${typeOf(schema.items)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

/**
 * The ISV API's reference, read from the same OpenAPI document the API serves: each operation and
 * each schema, server-rendered (no script needed).
 */
export default function ApiReferencePage() {
  const document = openApiDocument(env().APP_URL) as {
    info: { title: string; description: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 py-8 text-sm text-slate-800">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">
          {document.info.title} <span className="text-base font-normal text-slate-500">v{document.info.version}</span>
        </h1>
        <p>{document.info.description}</p>
        <p>
          Machine-readable:{" "}
          <a className="text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      <section aria-labelledby="operations" className="space-y-6">
        <h2 id="operations" className="text-xl font-semibold text-slate-900">
          Operations
        </h2>
        {Object.entries(document.paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, operation]) => (
            <article key={operation.operationId} className="space-y-2 rounded-md border border-slate-200 p-4">
              <h3 className="font-mono text-base font-semibold">
                {method.toUpperCase()} {path}
              </h3>
              <p className="font-medium">{operation.summary}</p>
              {operation.description ? <p>{operation.description}</p> : null}
              {operation.parameters?.length ? (
                <ul className="list-disc pl-5">
                  {operation.parameters.map((parameter) => (
                    <li key={parameter.name}>
                      <code className="font-mono">{parameter.name}</code> ({parameter.in}, {typeOf(parameter.schema)}
                      {parameter.required ? ", required" : ""})
                      {parameter.description ? `: ${parameter.description}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {operation.requestBody ? (
                <p>Body: {typeOf(Object.values(operation.requestBody.content)[0]!.schema)}</p>
              ) : null}
              <ul className="list-disc pl-5">
                {Object.entries(operation.responses).map(([status, response]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span>{" "}
                    {response.content ? typeOf(Object.values(response.content)[0]!.schema) : ""} —{" "}
                    {response.description}
                  </li>
                ))}
              </ul>
            </article>
          )),
        )}
      </section>
      <section aria-labelledby="schemas" className="space-y-6">
        <h2 id="schemas" className="text-xl font-semibold text-slate-900">
          Schemas
        </h2>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <article key={name} id={name} className="space-y-2">
            <h3 className="font-mono text-base font-semibold">{name}</h3>
            {schema.description ? <p>{schema.description}</p> : null}
            {schema.properties ? (
              <table className="w-full text-left">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-1 pr-4">
                      Field
                    </th>
                    <th scope="col" className="py-1 pr-4">
                      Type
                    </th>
                    <th scope="col" className="py-1">
                      About
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(schema.properties).map(([field, property]) => (
                    <tr key={field} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-4 font-mono">
                        {field}
                        {schema.required?.includes(field) ? "" : "?"}
                      </td>
                      <td className="py-1 pr-4">{typeOf(property)}</td>
                      <td className="py-1">{property.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{typeOf(schema)}</p>
            )}
          </article>
        ))}
      </section>
    </main>
  );
}
