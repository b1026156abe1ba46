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
  // Campaign vetting rejections (Twilio's error dictionary, 30880-30898; live-twilio.md §4).
  30882:
    "Reviewers could not accept your terms or privacy page. Give the https address of a live page that describes your messages.",
  30886:
    "The description does not explain the campaign well enough. Say who receives the messages, what they contain and why.",
  30752:
    "The one-time code sent to your mobile phone expired before it was confirmed (codes last 24 hours). Ask for a new code from your home page and reply to the text within 24 hours.",
  30994:
    "Your brand waits for the verification email from The Campaign Registry to be confirmed. Open the email sent to your brand contact address and click its link; if it never arrived, ask us: we resend it from Twilio's Console.",
  // Authentication+ (troubleshooting-standard-lvs-brands.md): the last three need no change from you.
  21736:
    "The brand contact email's domain could not be verified. Use an address at your company's own web domain, then we verify again.",
  21738:
    "The verification email could not be delivered to the brand contact. Check that the address is correct and receives outside email, then we verify again.",
  21740:
    "Authentication+ does not accept free email domains such as gmail.com. Give a brand contact address at your company's own domain.",
  21739:
    "The verification was not completed in time. Nothing to change: we start it again, and the contact clicks the new link promptly.",
  21737:
    "The link in The Campaign Registry's verification email expired (links last 7 days). Nothing to change: we start the verification again, then click the new link within 7 days.",
  21741:
    "The verification code from The Campaign Registry expired. Nothing to change: we start the verification again.",
  // Suspensions (same page): only Twilio Support lifts them.
  21731:
    "The brand is suspended by the carriers: it cannot be changed and cannot register new campaigns until Twilio Support lifts the suspension. Your provider is working with Twilio on it.",
  21729:
    "The campaign is suspended: it cannot send, be deleted, or have numbers added or removed until Twilio Support lifts the suspension. Your provider is working with Twilio on it.",
  30889:
    "Links or phone numbers in your samples do not match what you declared. Tick Embedded links or Embedded phone numbers only when your samples contain them, and always when they do.",
  30893:
    "The sample messages do not fit the use case or miss something reviewers need. Name your business, add opt-out language such as Reply STOP, and write the parts that change in [brackets].",
  30896:
    "The message flow does not show how people agree to your messages. Say where consent is collected (the page and its address, the keyword, the form), that message and data rates may apply, how often messages come, and how to get help.",
  30897:
    "The messages concern content carriers do not allow on this kind of campaign. Contact us before sending it again.",
};

export function explainTwilioError(code: number | null | undefined): string {
  if (code && EXPLANATIONS[code]) return EXPLANATIONS[code]!;
  if (code && code >= 22200 && code < 22300)
    return "Twilio's review found a problem with this detail. Check it against your official registration documents and correct it.";
  if (code && code >= 30880 && code < 30900)
    return "The Campaign Registry's vetting did not accept the campaign. Check the description, message flow and samples against the advice shown, then send it again.";
  if (code && code >= 30700 && code < 30800)
    return "The Campaign Registry could not register your brand with these details. Check that they match your official registration exactly.";
  return "Twilio could not accept this. Check the detail against your official documents; contact us if it looks right.";
}
