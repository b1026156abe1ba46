import shapes from "../shapes.generated.json";

export type ShapeName = keyof typeof shapes;

/**
 * Gives a resource exactly the properties Twilio's schema lists for it: every one present, null
 * when the sandbox has no value, none extra.
 */
export function shape(name: ShapeName, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const property of shapes[name]) out[property] = values[property] ?? null;
  return out;
}

export const HOSTS = {
  trusthub: "https://trusthub.twilio.com",
  messaging: "https://messaging.twilio.com",
  api: "https://api.twilio.com",
  events: "https://events.twilio.com",
} as const;
