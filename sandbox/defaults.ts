/**
 * The sandbox's built-in ISV account: the values .env.example gives the portal. They are not
 * secrets; they only open this local simulator.
 */
export const DEFAULT_ACCOUNT_SID = "ACd0c5a4db0c5a4db0c5a4db0c5a4db0c5";
export const DEFAULT_AUTH_TOKEN = "5a4db0c55a4db0c55a4db0c55a4db0c5";
/** The ISV's own twilio-approved Primary Customer Profile, as a real ISV account has. */
export const PRIMARY_CUSTOMER_PROFILE_SID = "BU0000000000000000000000000000a11e";
export const DEFAULT_PORT = 4010;
