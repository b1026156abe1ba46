import { describe, expect, it } from "vitest";

import { brandColourProblem, brandCssVariables, brandPalette, contrastRatio } from "@/lib/branding/colour";

describe("the brand colour", () => {
  it("measures contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("accepts a colour white text reads on, and refuses a light one with the ratio it misses", () => {
    expect(brandColourProblem("#2447c4")).toBeNull();
    expect(brandColourProblem("#0f766e")).toBeNull();
    expect(brandColourProblem("#ff9900")).toBe(
      "White text on this colour is hard to read (contrast 2.14:1; at least 4.5:1 is needed). Choose a darker shade.",
    );
    // 4.478:1 is told as 4.47, never rounded up to the 4.5 it misses.
    expect(brandColourProblem("#777777")).toMatch(/contrast 4\.47:1/);
    expect(brandColourProblem("blue")).toBe("Enter a colour as #rrggbb, like #2447c4.");
  });

  it("gives the page the shades the brand-* utilities read, and nothing for a refused colour", () => {
    expect(brandPalette("#0f766e")["700"]).toBe("#0f766e");
    expect(brandCssVariables("#0f766e")).toMatchObject({
      "--color-brand-700": "#0f766e",
      "--color-brand-50": "#eef5f5",
    });
    expect(brandCssVariables("#ff9900")).toBeUndefined();
    expect(brandCssVariables(null)).toBeUndefined();
  });
});
