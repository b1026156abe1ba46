/**
 * The password rules' numbers, without zod: the public pages show them in hints and load no
 * schema library (#27 line 1); lib/forms/fields.ts builds the checks from them.
 */
export const PASSWORD_MIN_LENGTH = 12;
