/**
 * Business Registration Number rules per Business Registration ID Type (seed 004 gives the US and
 * Canadian formats). Returns the number as stored (EIN and DUNS as 9 digits), or a message.
 */
export type RegistrationCheck = { ok: true; value: string } | { ok: false; message: string };

const digitsOnly = (value: string) => value.replace(/[\s-]/g, "");

export function checkRegistrationNumber(type: string, raw: string): RegistrationCheck {
  const value = raw.trim();
  if (!value) return { ok: false, message: "Enter the Business Registration Number." };
  switch (type) {
    case "EIN":
      return /^\d{2}-?\d{7}$/.test(value)
        ? { ok: true, value: digitsOnly(value) }
        : { ok: false, message: "An EIN has 9 digits, like 12-3456789." };
    case "DUNS":
      return /^\d{2}-?\d{3}-?\d{4}$/.test(value)
        ? { ok: true, value: digitsOnly(value) }
        : { ok: false, message: "A DUNS number has 9 digits, like 12-345-6789." };
    case "CBN":
      return /^\d{9}$/.test(digitsOnly(value))
        ? { ok: true, value: digitsOnly(value) }
        : { ok: false, message: "A Canadian Business Number has 9 digits, like 123456789." };
    case "ACN":
      return /^\d{9}$/.test(digitsOnly(value))
        ? { ok: true, value: digitsOnly(value) }
        : { ok: false, message: "An ACN has 9 digits, like 123 456 789." };
    case "CIN":
      return /^[A-Za-z0-9]{21}$/.test(value)
        ? { ok: true, value: value.toUpperCase() }
        : { ok: false, message: "A Corporate Identity Number has 21 letters and digits, like L12345MH2000PLC123456." };
    case "CN":
      return /^([A-Za-z]{2}\d{6}|\d{8})$/.test(value)
        ? { ok: true, value: value.toUpperCase() }
        : { ok: false, message: "A UK Company Number has 8 characters, like 01234567 or SC123456." };
    case "VAT":
      return /^(EE)?\d{9}$/i.test(value)
        ? { ok: true, value: value.toUpperCase() }
        : { ok: false, message: "An Estonian VAT number has 9 digits, like EE123456789." };
    case "VATRN":
      return /^(RO)?\d{2,10}$/i.test(value)
        ? { ok: true, value: value.toUpperCase() }
        : { ok: false, message: "A Romanian VAT number has 2 to 10 digits, like RO1234567." };
    case "RN":
      return /^\d{9}$/.test(digitsOnly(value))
        ? { ok: true, value: digitsOnly(value) }
        : { ok: false, message: "An Israeli registration number has 9 digits." };
    default:
      return value.length <= 64 ? { ok: true, value } : { ok: false, message: "Use at most 64 characters." };
  }
}
