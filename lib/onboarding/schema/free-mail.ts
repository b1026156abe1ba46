/**
 * Email providers anyone can sign up to. Authentication+ sends the 2FA email of a public company's
 * brand to its brand contact email, which must be on the company's own domain: free-mail addresses
 * and mailing lists are refused (live-twilio.md §5, [AUTHP] Twilio support 29499398652059). Twilio
 * publishes no list; these are the common ones.
 */
const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "ymail.com",
  "rocketmail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.net",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "fastmail.com",
  "hey.com",
  "tutanota.com",
  "qq.com",
  "163.com",
]);

/** Whether an address is at a free-mail provider (any yahoo.* or hotmail.* country domain included). */
export function isFreeMail(email: string): boolean {
  const domain = email.trim().toLowerCase().split("@")[1] ?? "";
  if (FREE_MAIL_DOMAINS.has(domain)) return true;
  return /^(?:yahoo|hotmail|outlook|live|gmx|web)\.[a-z.]{2,6}$/.test(domain) && !domain.endsWith(".example");
}
