import { methodNotAllowed, notFound } from "./errors";
import type { Params } from "./form";

export type Method = "GET" | "POST" | "DELETE";

export type Answer = { status: number; body: unknown };

export type Route<Ctx> = {
  method: Method;
  pattern: RegExp;
  handle: (ctx: Ctx, params: Record<string, string>) => Answer | Promise<Answer>;
};

/** `path("/v1/CustomerProfiles/:sid")` → a RegExp with named groups. */
export function path(template: string): RegExp {
  const source = template.replace(/[.]/g, "\\.").replace(/:([A-Za-z]+)/g, "(?<$1>[^/]+)");
  return new RegExp(`^${source}$`);
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const created = (body: unknown): Answer => ({ status: 201, body });
export const noContent = (): Answer => ({ status: 204, body: null });

/** Finds the route for a request: 404 for an unknown path, 405 for a known path with another method. */
export function match<Ctx>(
  routes: Route<Ctx>[],
  method: string,
  pathname: string,
): { route: Route<Ctx>; params: Record<string, string> } {
  let pathKnown = false;
  for (const route of routes) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    pathKnown = true;
    if (route.method === method) return { route, params: { ...found.groups } };
  }
  throw pathKnown ? methodNotAllowed(method) : notFound(pathname);
}

export type { Params };
