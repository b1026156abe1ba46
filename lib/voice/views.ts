/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type ShakenStirNumberView = {
  phoneNumberSid: string;
  phoneNumber: string;
  /** Chosen for SHAKEN/STIR. */
  chosen: boolean;
  /** Assigned at Twilio to the profile and the trust product. */
  assigned: boolean;
};

export type ShakenStirView = {
  /** Null when SHAKEN/STIR can be requested; otherwise why not yet. */
  notYet: string | null;
  numbers: ShakenStirNumberView[];
  trustProduct: { sid: string; status: string | null } | null;
  error: string | null;
  /** Twilio's last evaluation, if it failed: each problem by the number it names (null: the profile or the product). */
  problems: { phoneNumberSid: string | null; message: string; code: number | null }[];
};
