import { describe, expect, it } from "vitest";

import { echoableChoices, echoableValues, formDataToObject } from "@/lib/forms/form-state";

describe("a posted form shown again after an error", () => {
  const form = new FormData();
  form.append("url", "https://example.com/hooks");
  form.append("password", "hunter22");
  form.append("eventTypes", "brand.approved");
  form.append("eventTypes", "campaign.failed");
  form.append("only", "one");
  const input = formDataToObject(form);

  it("keeps each group of ticked boxes, one ticked or several, and never a password", () => {
    expect(echoableChoices(input)).toEqual({
      url: ["https://example.com/hooks"],
      eventTypes: ["brand.approved", "campaign.failed"],
      only: ["one"],
    });
  });

  it("keeps only texts from a script's plain object, whatever else it holds", () => {
    const hostile = { a: null, b: 7, c: ["x", null, { y: 1 }], d: { e: "f" } } as unknown as Record<string, string>;
    expect(echoableChoices(hostile)).toEqual({ c: ["x"] });
    expect(echoableValues(hostile)).toEqual({});
  });

  it("keeps single values as typed and leaves lists to the choices", () => {
    expect(echoableValues(input)).toEqual({ url: "https://example.com/hooks", only: "one" });
  });
});
