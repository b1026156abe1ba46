/**
 * Twilio's error codes in words a customer can act on. Twilio's own message is always shown too;
 * this says what to do about it. Codes from Trust Hub evaluations (seeds 000/001) and brand
 * registration failures; an unknown code falls back on its family.
 */
const EXPLANATIONS: Record<number, string> = {
  22214: "A whole section Twilio needs is missing. Fill in every field of that step of the form.",
  22215: "A required detail is empty. Fill in the field shown.",
  22216: "A document Twilio needs is missing; it is built from your answers, so check the step shown.",
  22217:
    "A detail does not match what Twilio expects or what you entered elsewhere. Use the exact same spelling everywhere (for example your legal business name) and check the format.",
  22219:
    "Twilio could not accept the business address. Use the physical address of your headquarters: not a PO Box, and spelled as the postal service writes it.",
  30799:
    "The Campaign Registry could not verify your business identity. Your legal name, registration number (EIN) and address must match your tax registration exactly.",
};

export function explainTwilioError(code: number | null | undefined): string {
  if (code && EXPLANATIONS[code]) return EXPLANATIONS[code]!;
  if (code && code >= 22200 && code < 22300)
    return "Twilio's review found a problem with this detail. Check it against your official registration documents and correct it.";
  if (code && code >= 30700 && code < 30800)
    return "The Campaign Registry could not register your brand with these details. Check that they match your official registration exactly.";
  return "Twilio could not accept this. Check the detail against your official documents; contact us if it looks right.";
}
