/**
 * Open survey text (`question_4`) is masked before it is stored (issue 20; docs/rules.md: no names or
 * contacts of research participants are kept): email addresses, U.S. phone numbers and
 * SSN-like numbers become a bracketed word saying what was there. Pure.
 *
 * Deliberately broad: a nine-digit number is masked as an SSN whatever it was, and any ten
 * digits grouped like a phone number as a phone number. Losing a case number to the mask is
 * better than keeping a person's number.
 */
const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** 123-45-6789, 123 45 6789, 123.45.6789, 123456789: not inside a longer run of digits. */
const SSN = /(?<![\d-])\d{3}[-. ]?\d{2}[-. ]?\d{4}(?![\d-])/g;
/** (202) 555-0143, 202-555-0143, 202.555.0143, +1 202 555 0143, 2025550143. */
const PHONE = /(?<![\d-])(?:\+?1[-. ]?)?(?:\(\d{3}\)\s?|\d{3}[-. ]?)\d{3}[-. ]?\d{4}(?![\d-])/g;

export const MASKS = {
  email: '[email removed]',
  phone: '[phone removed]',
  ssn: '[number removed]',
};

export function maskOpenText(text: string): string {
  return text.replace(EMAIL, MASKS.email).replace(PHONE, MASKS.phone).replace(SSN, MASKS.ssn);
}
