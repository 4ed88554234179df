import type { Context } from '../graphql/context.js';
import { maskIdentifier } from '../households/identity-numbers.js';
import { roleMay } from './policy.js';

/**
 * Tiered disclosure of personal data (the P3KE model, spec §1), applied on the server. Records reach
 * these functions only when they are in the viewer's scope, so a kelurahan officer's full view is
 * already limited to their own area.
 */

export function discloseFullIdentifiers(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'identifiers.full');
}

/**
 * A NIK or KK number, full or masked. Either way the subject is remembered for the request's PII_READ
 * audit event, so that partners' use of personal data can be reported too.
 */
export function identifier(ctx: Context, subjectId: string, value: string): string {
  ctx.disclosed.add(subjectId);
  return discloseFullIdentifiers(ctx) ? value : maskIdentifier(value);
}

/** Street address, RT/RW and coordinates: hidden from private-sector partners. */
export function mayReadAddress(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'address.read');
}

/** Exact birth date: private-sector partners get the age in years only. */
export function mayReadBirthDate(ctx: Context): boolean {
  return roleMay(ctx.viewer, 'birthDate.read');
}
