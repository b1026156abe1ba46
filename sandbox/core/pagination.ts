import { invalidParameter } from "./errors";
import { single, type Params } from "./form";

export type PageRequest = { page: number; pageSize: number };

export function pageRequest(query: Params): PageRequest {
  const pageSize = Number(single(query, "PageSize") ?? 50);
  const page = Number(single(query, "Page") ?? 0);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
    throw invalidParameter("PageSize", "must be between 1 and 1000");
  if (!Number.isInteger(page) || page < 0) throw invalidParameter("Page", "must be 0 or more");
  return { page, pageSize };
}

function pageUrl(base: string, query: Params, pageSize: number, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (["Page", "PageSize", "PageToken"].includes(key)) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  params.set("PageSize", String(pageSize));
  params.set("Page", String(page));
  return `${base}?${params.toString()}`;
}

/** A Trust Hub / Messaging v1 list page: the items under `key`, and `meta` as Twilio builds it. */
export function v1Page(key: string, items: Record<string, unknown>[], absoluteBase: string, query: Params) {
  const { page, pageSize } = pageRequest(query);
  const slice = items.slice(page * pageSize, (page + 1) * pageSize);
  const hasNext = (page + 1) * pageSize < items.length;
  return {
    [key]: slice,
    meta: {
      page,
      page_size: pageSize,
      first_page_url: pageUrl(absoluteBase, query, pageSize, 0),
      previous_page_url: page > 0 ? pageUrl(absoluteBase, query, pageSize, page - 1) : null,
      url: pageUrl(absoluteBase, query, pageSize, page),
      next_page_url: hasNext ? pageUrl(absoluteBase, query, pageSize, page + 1) : null,
      key,
    },
  };
}

/** An Api v2010 list page: the items under `key` and the page fields beside them. */
export function v2010Page(key: string, items: Record<string, unknown>[], relativeBase: string, query: Params) {
  const { page, pageSize } = pageRequest(query);
  const slice = items.slice(page * pageSize, (page + 1) * pageSize);
  const hasNext = (page + 1) * pageSize < items.length;
  const start = page * pageSize;
  return {
    [key]: slice,
    end: slice.length ? start + slice.length - 1 : start,
    first_page_uri: pageUrl(relativeBase, query, pageSize, 0),
    next_page_uri: hasNext ? pageUrl(relativeBase, query, pageSize, page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? pageUrl(relativeBase, query, pageSize, page - 1) : null,
    start,
    uri: pageUrl(relativeBase, query, pageSize, page),
  };
}
