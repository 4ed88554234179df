import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { DisclosureTier } from '../auth/disclosure.js';
import { ConnectionType, keysetPage, PageArgs, sql } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AuditAction, Role } from '../graphql/enums.js';
import { CsvSeparator } from '../graphql/csv.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { ExportLanguage } from '../households/household-export.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventFilter, PartnerUsageReport, type UsageCount } from './audit.inputs.js';
import { AuditSubject, eventSubjects, eventTier, exportSubjectTrail, SubjectTrailExport, subjectEvents } from './subject-trail.js';
import { Row } from '../graphql/row.js';

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

const AUDIT_READERS = [Role.ADMIN, Role.AUDITOR];
const CHANGES = [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE, AuditAction.IMPORT];

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(AUDIT_READERS)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first' })
  auditEvents(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    const { em } = ctx;
    const f = filter;
    const base = () => {
      const q = sql(em, 'audit_event as e');
      if (f?.action?.length) q.whereIn('e.action', f.action);
      if (f?.actorId) q.where('e.actor_id', f.actorId);
      if (f?.organizationId) q.where('e.organization_id', f.organizationId);
      if (f?.entityType) q.where('e.entity_type', f.entityType);
      if (f?.entityId) q.whereRaw('e.entity_ids @> array[?]::text[]', [f.entityId]);
      if (f?.from) q.where('e.occurred_at', '>=', f.from);
      if (f?.to) q.where('e.occurred_at', '<', f.to);
      return q;
    };
    return keysetPage<Record<string, unknown>, AuditEvent>({
      query: base().select('e.*'),
      countQuery: base,
      list: 'auditEvents',
      filter: f,
      viewer: ctx.viewer,
      spec: { column: 'e.id', key: 'id', direction: 'desc', idColumn: 'e.id' },
      first: page.first,
      after: page.after,
      map: (row) => em.map(AuditEvent, row),
    });
  }

  @Authorized(AUDIT_READERS)
  @Query(() => [AuditEvent], {
    description: 'Every audited event touching one person or their household in [from, to): the processing trail of UU 27/2022, newest first',
  })
  async subjectAccessTrail(
    @Arg('nik', () => String) nik: string,
    @Arg('from', () => Date, { nullable: true }) from: Date | undefined,
    @Arg('to', () => Date, { nullable: true }) to: Date | undefined,
    @Ctx() ctx: Context,
  ): Promise<AuditEvent[]> {
    return (await subjectEvents(ctx, { nik, from, to })).events;
  }

  @Authorized(AUDIT_READERS)
  @Mutation(() => SubjectTrailExport, {
    description: "A person's processing trail (as subjectAccessTrail) as CSV for their access request; audited as an EXPORT",
  })
  exportSubjectTrail(
    @Arg('nik', () => String) nik: string,
    @Arg('from', () => Date, { nullable: true }) from: Date | undefined,
    @Arg('to', () => Date, { nullable: true }) to: Date | undefined,
    @Arg('language', () => ExportLanguage, { nullable: true, defaultValue: ExportLanguage.ID }) language: ExportLanguage,
    @Arg('separator', () => CsvSeparator, { nullable: true, defaultValue: CsvSeparator.COMMA }) separator: CsvSeparator,
    @Ctx() ctx: Context,
  ): Promise<SubjectTrailExport> {
    return exportSubjectTrail(ctx, { nik, from, to, language, separator });
  }

  @Authorized(AUDIT_READERS)
  @Query(() => PartnerUsageReport, { description: "Counts of what an organisation's users viewed and changed in [from, to)" })
  async partnerUsageReport(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: Context,
  ): Promise<PartnerUsageReport> {
    if (to <= from) throw new BadUserInputError('to', 'must be after from');
    const organization = await ctx.loaders.organization.load(organizationId);
    if (!organization) throw new NotFoundError('Organization', 'organizationId');
    const inPeriod = () =>
      sql(ctx.em, 'audit_event as e').where('e.organization_id', organizationId).where('e.occurred_at', '>=', from).where('e.occurred_at', '<', to);
    const [events, [reads], [changed]] = await Promise.all([
      inPeriod().select('e.action', 'e.entity_type').count({ events: '*' }).groupBy('e.action', 'e.entity_type').orderBy(['e.action', 'e.entity_type']),
      inPeriod()
        .where('e.action', AuditAction.PII_READ)
        .select(ctx.em.getKnex().raw('count(*) as requests, count(distinct s.id) as subjects'))
        .joinRaw('left join lateral unnest(e.entity_ids) as s(id) on true'),
      inPeriod()
        .whereIn('e.action', CHANGES)
        .select(ctx.em.getKnex().raw('count(distinct s.id) as records'))
        .joinRaw('cross join lateral unnest(e.entity_ids) as s(id)'),
    ]);
    return {
      organization,
      from,
      to,
      // count(*) over the unnested rows counts subjects, not requests: count the events separately.
      readRequests: events.filter((e: Record<string, unknown>) => e['action'] === AuditAction.PII_READ).reduce((n: number, e: Record<string, unknown>) => n + Number(e['events']), 0),
      subjectsViewed: Number((reads as Record<string, unknown>)['subjects'] ?? 0),
      recordsChanged: Number((changed as Record<string, unknown>)['records'] ?? 0),
      events: events.map((e: Record<string, unknown>) => ({
        action: e['action'] as AuditAction,
        entityType: e['entity_type'] as string,
        events: Number(e['events']),
      })) as UsageCount[],
    };
  }

  @FieldResolver(() => DisclosureTier, { nullable: true, description: 'For a PII_READ: how much the response showed' })
  disclosureTier(@Row() e: AuditEvent): DisclosureTier | null {
    return eventTier(e);
  }

  @FieldResolver(() => [AuditSubject], { description: 'The people and households named, by name, as far as the viewer may see them' })
  subjects(@Row() e: AuditEvent, @Ctx() ctx: Context): Promise<AuditSubject[]> {
    return eventSubjects(ctx, e);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Row() e: AuditEvent, @Ctx() ctx: Context): Promise<User | null> {
    return e.actor ? ctx.loaders.user.load(e.actor.id) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Row() e: AuditEvent, @Ctx() ctx: Context): Promise<Organization | null> {
    return e.organization ? ctx.loaders.organization.load(e.organization.id) : Promise.resolve(null);
  }
}
