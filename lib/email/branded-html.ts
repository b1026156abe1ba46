import { brandPalette, DEFAULT_BRAND_COLOUR } from "@/lib/branding/colour";

export type MailBranding = {
  portalName: string;
  /** An absolute address: mail clients fetch it from the portal. */
  logoUrl: string;
  brandColor: string | null;
  supportEmail: string | null;
};

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A line's web addresses as links (http and https only), the rest escaped. */
function linked(line: string, colour: string): string {
  return line
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, index) =>
      index % 2 ? `<a href="${escape(part)}" style="color:${colour}">${escape(part)}</a>` : escape(part),
    )
    .join("");
}

/**
 * The HTML twin of a plain-text mail, in the ISV's colours with its logo and name (#28 line 5): the
 * same words (paragraphs at blank lines), so the text part stays the one source. Inline styles and
 * tables only: what mail clients render.
 */
export function brandedHtml(text: string, branding: MailBranding): string {
  const colour = brandPalette(branding.brandColor ?? DEFAULT_BRAND_COLOUR)["700"];
  const paragraphs = text
    .split(/\n{2,}/)
    .map(
      (block) =>
        `<p style="margin:0 0 16px">${block
          .split("\n")
          .map((line) => linked(line, colour))
          .join("<br>")}</p>`,
    )
    .join("\n");
  const footer = branding.supportEmail
    ? `Questions? Write to <a href="mailto:${escape(branding.supportEmail)}" style="color:${colour}">${escape(branding.supportEmail)}</a>.`
    : "";
  return `<!doctype html>
<html lang="en"><body style="margin:0;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8fafc"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-top:4px solid ${colour};border-radius:8px">
<tr><td style="padding:20px 24px;font-size:18px;font-weight:bold"><img src="${escape(branding.logoUrl)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px">${escape(branding.portalName)}</td></tr>
<tr><td style="padding:0 24px 8px;font-size:15px;line-height:1.5">
${paragraphs}
</td></tr>
<tr><td style="padding:12px 24px 20px;font-size:12px;color:#64748b">${footer}</td></tr>
</table></td></tr></table>
</body></html>`;
}
