import { describe, expect, it } from "vitest";

import { logoProblem, logoType } from "@/lib/branding/logo";

describe("the logo", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  it("is recognised by its first bytes: PNG, JPEG, WebP, and nothing else (SVG can carry script)", () => {
    expect(logoType(png)).toBe("image/png");
    expect(logoType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(logoType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(logoProblem(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBe(
      "Choose a PNG, JPEG or WebP image.",
    );
    expect(logoProblem(new Uint8Array(300 * 1024).fill(0x89))).toBe("Choose an image of at most 256 kB.");
    expect(logoProblem(png)).toBeNull();
  });
});
