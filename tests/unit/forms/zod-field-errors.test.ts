import { describe, expect, it } from "vitest";
import { z } from "zod";

import { firstErrorByField, zodFieldErrors } from "@/lib/forms/zod-field-errors";

describe("zod's issues as a form's field errors", () => {
  it("keeps every message per field, and an issue without a path under the form", () => {
    const parsed = z
      .object({
        name: z
          .string()
          .min(3, "Too short.")
          .regex(/^[a-z]+$/, "Letters only."),
      })
      .safeParse({ name: "1" });
    expect(zodFieldErrors(parsed.error!)).toEqual({ name: ["Too short.", "Letters only."] });
    expect(zodFieldErrors(new z.ZodError([{ code: "custom", path: [], message: "Whole form.", input: 1 }]))).toEqual({
      form: ["Whole form."],
    });
  });

  it("reports a field named like a property of every object (constructor, toString) as a field, never reaching Object's prototype", () => {
    const parsed = z.object({}).catchall(z.string()).safeParse({ constructor: {}, toString: [], __proto__: 1 });
    const errors = zodFieldErrors(parsed.error!);
    expect(Object.keys(errors).sort()).toEqual(["constructor", "toString"]);
    expect(errors.constructor).toEqual([expect.any(String)]);
    expect(firstErrorByField(parsed.error)).toEqual({
      constructor: expect.any(String),
      toString: expect.any(String),
    });
  });
});
