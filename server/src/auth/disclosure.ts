import type { Context } from '../graphql/context.js';
import { Role } from '../graphql/enums.js';
import { maskIdentifier } from '../households/identity-numbers.js';
import type { Viewer } from './viewer.js';
import { roleMay } from './policy.js';

/**
 * Tiered disclosure of personal data (the P3KE model, spec §1), applied on the server. Records reach
 * these functions only when they are in the viewer's scope, so a kelurahan officer's full view is
 * already limited to their own area. What each tier sees, and why the parts shown to partners cannot
 * be recombined into a NIK, is explained in the README ("Privacy: what each tier sees and why").
 */
export enum DisclosureTier {
  /** Government roles: full NIK/KK, address, birth date, growth figures. */
  FULL = 'FULL',
  /** NGO partners: masked identifiers, address, birth year (no birth date, no z-score). */
  MASKED = 'MASKED',
  /** Private-sector partners: as MASKED, and no address, RT/RW or coordinates either. */
  PARTNER_PRIVATE = 'PARTNER_PRIVATE',
}

export function disclosureTier(viewer: Viewer | null): DisclosureTier {
  if (roleMay(viewer, 'identifiers.full')) return DisclosureTier.FULL;
  return viewer?.role === Role.NGO_PARTNER ? DisclosureTier.MASKED : DisclosureTier.PARTNER_PRIVATE;
}

export function discloseFullIdentifiers(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'identifiers.full');
}

/** A KK number, full or masked to its last four digits (the KK serial; its date part is an issue date no field shows). */
export function kkNumber(ctx: Context, value: string): string {
  return discloseFullIdentifiers(ctx) ? value : maskIdentifier(value);
}

/**
 * A NIK, full or wholly masked. Its last four digits are a serial; beside the area, sex and birth
 * year a partner sees, they would leave only the day of birth (≤ 366 guesses) to find, so partners
 * see none of its digits.
 */
export function nik(ctx: Context, value: string): string {
  return discloseFullIdentifiers(ctx) ? value : '*'.repeat(value.length);
}

/** Street address, RT/RW and coordinates: hidden from private-sector partners. */
export function mayReadAddress(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'address.read');
}

/** Exact birth date, and what yields it (age in days, z-scores): partners get the birth year only. */
export function mayReadBirthDate(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'birthDate.read');
}
