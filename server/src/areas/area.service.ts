import DataLoader from 'dataloader';
import { audit } from '../audit/audit.service.js';
import type { Context } from '../graphql/context.js';
import { AuditAction } from '../graphql/enums.js';
import { BadUserInputError } from '../graphql/errors.js';
import { problem } from '../graphql/messages.js';
import { BoundaryValidationError, describeIssue, importBoundaries, type BoundaryImportSummary } from './boundary-import.js';

type Geometry = Record<string, unknown>;
const boundaryLoaders = new WeakMap<Context, DataLoader<string, Geometry | null>>();

/** Boundaries of the areas a response asks for, in one SELECT per tick (the entity leaves them unloaded). */
export function loadBoundary(ctx: Context, areaId: string): Promise<Geometry | null> {
  let loader = boundaryLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.execute<Array<{ id: string; boundary: Geometry | null }>>('select id, boundary from area where id in (?)', [ids]);
      const byId = new Map(rows.map((r) => [r.id, r.boundary]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    boundaryLoaders.set(ctx, loader);
  }
  return loader.load(areaId);
}

/** Replaces kelurahan boundaries from a FeatureCollection: all features or none, with one audit event. */
export async function importAreaBoundaries(ctx: Context, geojson: Record<string, unknown>): Promise<BoundaryImportSummary> {
  return ctx.em.transactional(async (em) => {
    let summary: BoundaryImportSummary;
    try {
      summary = await importBoundaries((sql, params) => em.execute(sql, params), geojson);
    } catch (error) {
      if (!(error instanceof BoundaryValidationError)) throw error;
      const [first, ...rest] = error.issues;
      const message = [`${first!.feature ? `${first!.feature}: ` : ''}${first!.message}`, ...rest.map(describeIssue)].join('; ');
      throw new BadUserInputError(first!.field, problem('BOUNDARY_INVALID', { detail: message }));
    }
    audit(em, ctx, {
      action: AuditAction.IMPORT,
      entityType: 'Area',
      entityIds: summary.updated.map((u) => u.id),
      newValues: { boundaries: summary.features, updated: summary.updated.length, unchanged: summary.unchanged },
    });
    await em.flush();
    return summary;
  });
}
