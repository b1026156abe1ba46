/**
 * The ISV's logo (#28 line 5): PNG, JPEG or WebP, recognised by its first bytes, not by its name or
 * the browser's word. Not SVG: an SVG can carry script, and the portal serves the logo from its
 * own origin.
 */
export const MAX_LOGO_BYTES = 256 * 1024;

export type LogoType = "image/png" | "image/jpeg" | "image/webp";

export function logoType(bytes: Uint8Array): LogoType | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "Choose an image file: this one is empty.";
  if (bytes.length > MAX_LOGO_BYTES) return `Choose an image of at most ${MAX_LOGO_BYTES / 1024} kB.`;
  if (!logoType(bytes)) return "Choose a PNG, JPEG or WebP image.";
  return null;
}
