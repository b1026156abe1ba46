/**
 * Why a password is too weak, in words a person can act on, or null. Length is the main defence
 * (the schema asks for 12 characters); these catch the long-but-guessable ones that attackers try
 * first: the most common passwords padded out, one character repeated, a keyboard run, the email.
 */
const COMMON = [
  "password",
  "passw0rd",
  "qwerty",
  "letmein",
  "welcome",
  "admin",
  "administrator",
  "changeme",
  "iloveyou",
  "monkey",
  "dragon",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "trustno1",
  "123456",
  "abc123",
];
const RUNS = ["0123456789", "1234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

export function weakPasswordReason(password: string, email?: string): string | null {
  const lower = password.toLowerCase();
  const letters = lower.replace(/[^a-z0-9]/g, "");
  if (new Set(password).size < 5) return "Use more different characters: this one repeats too much.";
  if (COMMON.some((word) => letters.replace(/\d+$/, "") === word || letters === word))
    return "This is one of the most common passwords. Choose something less guessable, such as a few unrelated words.";
  if (RUNS.some((run) => letters.length >= 8 && (run.includes(letters) || `${run}${run}`.includes(letters))))
    return "A run of keys or digits is easy to guess. Choose something less predictable.";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) return "Do not use your email address in your password.";
  return null;
}
