import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import bcrypt from "bcryptjs";

/**
 * Password hashes: scrypt from Node's own crypto, which runs in libuv's thread pool, so a burst of
 * sign-ins no longer holds the one main thread every other request needs (#27 line 3: bcryptjs is
 * pure JavaScript, about 0.3 s of the main thread per hash here). Parameters are OWASP's Password
 * Storage Cheat Sheet's scrypt row N=2^15, r=8, p=3 (equivalent to its N=2^17, r=8, p=1 minimum at a
 * quarter of the memory: 32 MiB a hash). Stored in the PHC string format, so that a later change
 * of parameters is read from the hash itself:
 *   $scrypt$ln=15,r=8,p=3$<salt, base64>$<key, base64>
 * Hashes made before (bcrypt, `$2…`) still verify, and are replaced at the next sign-in
 * (`needsRehash`, lib/server/auth/credentials.ts). Password rules (length, and the 72-byte ceiling
 * kept from bcrypt so that every stored hash accepts the same passwords) live with the form
 * schemas: lib/forms/fields.ts.
 */
const PARAMETERS = { ln: 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, { ln, r, p }: { ln: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs 128 × N × r bytes; Node's default ceiling (32 MiB) is exactly that, so leave room.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMETERS);
  const { ln, r, p } = PARAMETERS;
  return `$scrypt$ln=${ln},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith("$2")) return bcrypt.compare(password, hash);
  const parts = PHC.exec(hash);
  if (!parts) return false;
  const [ln, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  // A stored hash is ours, but a corrupted one must not ask for gigabytes: scrypt's own limits apply.
  if (ln < 10 || ln > 20 || r < 1 || p < 1) return false;
  const expected = Buffer.from(parts[5]!, "base64");
  const key = await derive(password, Buffer.from(parts[4]!, "base64"), { ln, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a hash that just verified should be replaced by one made today (bcrypt, or older parameters). */
export function needsRehash(hash: string): boolean {
  const parts = PHC.exec(hash);
  return (
    !parts ||
    Number(parts[1]) !== PARAMETERS.ln ||
    Number(parts[2]) !== PARAMETERS.r ||
    Number(parts[3]) !== PARAMETERS.p
  );
}

// Compared against when the account does not exist, so that timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-account");
  await verifyPassword(password, await dummyHash);
}
