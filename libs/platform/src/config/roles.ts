/** The roles an API key can carry (docs/api.md); `admin` may do everything. */
export const ROLES = ['service', 'analyst', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
