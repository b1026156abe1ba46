import bcrypt from "bcryptjs";

// bcrypt with cost 12: slow and salted. bcryptjs is pure JavaScript, so nothing native to build.
const COST = 12;
// Password rules (length, bcrypt's 72-byte limit) live with the form schemas: lib/forms/fields.ts.

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so that timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= bcrypt.hash("not-a-real-account", COST);
  await bcrypt.compare(password, await dummyHash);
}
