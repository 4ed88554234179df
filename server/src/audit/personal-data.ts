import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { Context } from '../graphql/context.js';

/**
 * What is read is what is audited (UU 27/2022): every GraphQL field that shows personal data of a
 * person or household adds its subjects to `ctx.disclosed`, and the request writes one PII_READ event
 * naming them with the viewer's disclosure tier (audit.service.recordDisclosure).
 *
 * The classification is by type, and a type's fields are personal unless listed as not personal, so a
 * field added later is audited without anyone remembering to. Every object type of the schema must be
 * classified here (server/test/personal-data.test.ts fails on a new one).
 */

type Subjects = (root: any) => ReadonlyArray<string | null | undefined>;

interface PersonalType {
  /** The people and households whose data a field of this type shows. */
  subjects: Subjects;
  /** Fields that show nothing personal: ids, versions, and links whose target type audits itself. */
  notPersonal: readonly string[];
}

const ref = (r: { id: string } | null | undefined) => r?.id;
const RECORD = ['id', 'version', 'createdAt', 'updatedAt'];

// Entity types whose audit events carry a person's or household's values.
export const PERSONAL_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'Household',
  'Person',
  'GrowthMeasurement',
  'Intervention',
  'PovertyAssessment',
  'Assignment',
  'PersonalData',
  'IdentifierSearch',
  // A resolved review carries the merged person's old and new values.
  'ImportReview',
]);

export const PERSONAL_TYPES: Record<string, PersonalType> = {
  Household: {
    subjects: (h) => [h.id],
    notPersonal: [...RECORD, 'members', 'formerMembers', 'head', 'interventions', 'assignments', 'needs', 'assessments'],
  },
  Person: {
    subjects: (p) => [p.id, ref(p.household)],
    notPersonal: [...RECORD, 'household', 'growthMeasurements'],
  },
  GrowthMeasurement: {
    subjects: (m) => [ref(m.person)],
    notPersonal: ['id', 'createdAt', 'person'],
  },
  Need: {
    subjects: (n) => [n.householdId, n.personId],
    notPersonal: ['id', 'ruleVersion', 'rule', 'person'],
  },
  Intervention: {
    subjects: (i) => [ref(i.household), ref(i.person)],
    notPersonal: [...RECORD, 'program', 'household', 'person', 'organization', 'loggedBy'],
  },
  PovertyAssessment: {
    subjects: (a) => [ref(a.household)],
    notPersonal: ['id', 'createdAt', 'household', 'assessedBy', 'organization'],
  },
  Assignment: {
    subjects: (a) => [ref(a.household)],
    notPersonal: [...RECORD, 'household', 'organization', 'requestedBy'],
  },
  // The file's values beside the registered person's: both are personal.
  ImportReview: {
    subjects: (r) => [r.personId, r.householdId],
    notPersonal: ['id', 'jobId', 'fileName', 'line', 'kind', 'kindLabel', 'status', 'householdId', 'createdAt', 'resolvedAt'],
  },
  // A cursor stands for its household, even in a response that selects nothing else.
  HouseholdEdge: {
    subjects: (e) => [e.node?.id],
    notPersonal: ['node'],
  },
  // The old and new values of changes to personal records: reading the trail is a read too.
  AuditEvent: {
    subjects: (e) => (PERSONAL_ENTITY_TYPES.has(e.entityType) ? e.entityIds : []),
    notPersonal: ['id', 'occurredAt', 'role', 'action', 'entityType', 'entityIds', 'requestId', 'actor', 'organization', 'disclosureTier'],
  },
};

/** Object types that show no personal data of their own, and why. */
export const NOT_PERSONAL_TYPES: Record<string, string> = {
  Query: 'root',
  Mutation: 'root',
  DataSource: 'reached only through Household.dataSources',
  NeedService: 'reached only through Need.servedBy',
  ProgramMatch: 'reached only through Household.matchingPrograms and Need.candidatePrograms',
  HouseholdExport: 'the export writes its own EXPORT event naming every household',
  SubjectTrailExport: 'the export writes its own EXPORT event naming the person and household',
  AuditSubject: 'reached only through AuditEvent.subjects, which audits its subjects',
  Area: 'reference data',
  Organization: 'reference data',
  Program: 'the program catalogue',
  NeedRuleInfo: 'the rule set',
  IndicatorValue: 'area figures',
  User: 'staff accounts, not data subjects; shown by policy.userVisible',
  Session: 'the viewer',
  ApiToken: "the viewer's tokens",
  CreatedApiToken: "the viewer's tokens",
  BoundaryImportResult: 'reference data',
  PageInfo: 'paging',
  ImportJob: "the importing user's own file; its rows may name people not (yet) in the registry",
  ImportRowError: "a line of the importing user's own file and why it was refused",
  ImportColumnMapping: 'column names',
  ImportSourceInfo: 'the import templates',
  ImportTemplateColumn: 'the import templates',
  ImportReviewValue: 'reached only through ImportReview.values',
  FieldProvenance: 'reached only through Household.provenance and Person.provenance, which audit their subject',
  AreaCoverage: 'aggregate',
  CountByKey: 'aggregate',
  NeedTypeCoverage: 'aggregate',
  OverlapReport: 'aggregate',
  ProgramPerformance: 'aggregate',
  OrganizationPerformance: 'aggregate',
  PovertyTrend: 'aggregate',
  PovertyTrendPoint: 'aggregate',
  StuntingPrevalence: 'aggregate (coarse reference date for partners)',
  IndicatorSeries: 'aggregate',
  IndicatorPoint: 'aggregate',
  PartnerUsageReport: 'aggregate',
  UsageCount: 'aggregate',
  WorkQueueCounts: 'aggregate (counts of the work queue)',
  NeedTypeCount: 'aggregate',
  AreaCount: 'aggregate',
  ProgramCount: 'aggregate',
  HouseholdConnection: 'its edges audit themselves; totalCount is a count',
  AssignmentConnection: 'its nodes audit themselves',
  AssignmentEdge: 'its node audits itself; the cursor holds a date and an id',
  AuditEventConnection: 'its nodes audit themselves',
  AuditEventEdge: 'its node audits itself',
  InterventionConnection: 'its nodes audit themselves',
  InterventionEdge: 'its node audits itself; the cursor holds a date and an id',
  OrganizationConnection: 'reference data',
  OrganizationEdge: 'reference data',
  ProgramConnection: 'the program catalogue',
  ProgramEdge: 'the program catalogue',
  UserConnection: 'staff accounts',
  UserEdge: 'staff accounts',
};

/** Personal fields of a schema, by type: the fields whose resolvers report their subjects. */
export function personalFields(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [typeName, spec] of Object.entries(PERSONAL_TYPES)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    out[typeName] = Object.keys(type.getFields()).filter((f) => !spec.notPersonal.includes(f));
  }
  return out;
}

/** Wraps the resolver of every personal field so that it adds its subjects to `ctx.disclosed`. */
export function auditPersonalFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, names] of Object.entries(personalFields(schema))) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const { subjects } = PERSONAL_TYPES[typeName]!;
    const fields = type.getFields();
    for (const name of names) {
      const field = fields[name]!;
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, ctx: Context, info) => {
        for (const id of subjects(root)) if (id) ctx.disclosed.add(id);
        return resolve(root, args, ctx, info);
      };
    }
  }
  return schema;
}
