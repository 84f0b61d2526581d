/** E-mail as compared for duplicates: surrounding space and letter case carry no identity. */
export function normaliseEmail(v: string): string {
  return v.normalize('NFKC').trim().toLowerCase();
}

/**
 * Phone as compared for duplicates: digits only, keeping a leading `+` (an international `00`
 * prefix becomes `+`). Without a default country we cannot go further towards E.164.
 */
export function normalisePhone(v: string): string {
  const trimmed = v.normalize('NFKC').trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  return digits;
}
