/**
 * The ISV's brand colour and the shades the portal draws from it (#28 line 5). The portal uses its
 * brand colour for white text on buttons and for links on white, so a colour is accepted only
 * when both read: WCAG 2.2's 4.5:1 for text (1.4.3), 3:1 for the focus ring (1.4.11).
 */

export const DEFAULT_BRAND_COLOUR = "#2447c4";

export type BrandPalette = Record<"50" | "100" | "600" | "700" | "800", string>;

type Rgb = [number, number, number];

export function parseHexColour(value: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return null;
  const hex = match[1]!;
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;
}

const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

/** Each channel moved toward `to` (white or black) by `amount` (0 to 1). */
const mix = (rgb: Rgb, to: number, amount: number): Rgb => rgb.map((c) => c + (to - c) * amount) as Rgb;

/** WCAG relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parseHexColour(a)!), luminance(parseHexColour(b)!)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The shades: the colour itself for buttons and links, lighter for tints and focus, darker for hover. */
export function brandPalette(colour: string): BrandPalette {
  const rgb = parseHexColour(colour) ?? parseHexColour(DEFAULT_BRAND_COLOUR)!;
  return {
    "50": toHex(mix(rgb, 255, 0.93)),
    "100": toHex(mix(rgb, 255, 0.85)),
    "600": toHex(mix(rgb, 255, 0.12)),
    "700": toHex(rgb),
    "800": toHex(mix(rgb, 0, 0.18)),
  };
}

/** Why a colour cannot be the brand colour, in words for the admin; null when it can. */
export function brandColourProblem(colour: string): string | null {
  if (!parseHexColour(colour)) return "Enter a colour as #rrggbb, like #2447c4.";
  const palette = brandPalette(colour);
  const text = contrastRatio(palette["700"], "#ffffff");
  if (text < 4.5)
    return `White text on this colour is hard to read (contrast ${floor2(text)}:1; at least 4.5:1 is needed). Choose a darker shade.`;
  const tint = contrastRatio(palette["800"], palette["50"]);
  if (tint < 4.5)
    return `Text on this colour's light tint is hard to read (contrast ${floor2(tint)}:1). Choose a darker shade.`;
  const focus = contrastRatio(palette["600"], "#ffffff");
  if (focus < 3) return `The focus ring would be hard to see (contrast ${floor2(focus)}:1). Choose a darker shade.`;
  return null;
}

/** A ratio as told: rounded down, so 4.48 never reads as the 4.5 it misses. */
const floor2 = (ratio: number) => (Math.floor(ratio * 100) / 100).toFixed(2);

/** The CSS custom properties Tailwind's brand-* utilities read, for the page's root element. */
export function brandCssVariables(colour: string | null): Record<string, string> | undefined {
  if (!colour || brandColourProblem(colour)) return undefined;
  const palette = brandPalette(colour);
  return Object.fromEntries(Object.entries(palette).map(([shade, hex]) => [`--color-brand-${shade}`, hex]));
}
