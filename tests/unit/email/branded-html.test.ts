import { describe, expect, it } from "vitest";

import { brandedHtml } from "@/lib/email/branded-html";

describe("the HTML twin of a mail", () => {
  it("carries the ISV's name, logo and colour, escapes every text and links only web addresses", () => {
    const html = brandedHtml(
      'Hello <b>"Acme"</b>,\n\nOpen https://portal.example/home?a=1&b=2 now.\njavascript:alert(1)',
      {
        portalName: "Acme & Co",
        logoUrl: "https://portal.example/api/branding/logo?v=1",
        brandColor: "#0f766e",
        supportEmail: "help@acme.example",
      },
    );
    expect(html).toContain('<img src="https://portal.example/api/branding/logo?v=1"');
    expect(html).toContain("Acme &amp; Co");
    expect(html).toContain("border-top:4px solid #0f766e");
    expect(html).toContain("Hello &lt;b&gt;&quot;Acme&quot;&lt;/b&gt;,");
    expect(html).toContain('<a href="https://portal.example/home?a=1&amp;b=2" style="color:#0f766e">');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("mailto:help@acme.example");
  });
});
