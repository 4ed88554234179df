import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportSource {
  DTSEN = 'dtsen',
  DINSOS = 'dinsos',
  DINKES = 'dinkes',
  DISDIK = 'disdik',
}
registerEnumType(ImportSource, { name: 'ImportSource', description: 'dtsen: DTSEN/P3KE family roster; dinsos: Dinas Sosial recipients; dinkes: e-PPGBM growth measurements; disdik: Dapodik/ATS school enrolment' });

export enum ImportStatus {
  UPLOADED = 'UPLOADED',
  VALIDATING = 'VALIDATING',
  VALIDATED = 'VALIDATED',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(ImportStatus, { name: 'ImportStatus' });

export enum ImportReviewStatus {
  OPEN = 'OPEN',
  MERGED = 'MERGED',
  KEPT_NEW = 'KEPT_NEW',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ImportReviewStatus, { name: 'ImportReviewStatus' });

export enum ImportReviewDecision {
  MERGE = 'MERGE',
  KEEP_NEW = 'KEEP_NEW',
  DISMISS = 'DISMISS',
}
registerEnumType(ImportReviewDecision, {
  name: 'ImportReviewDecision',
  valuesConfig: {
    MERGE: { description: "Apply the file's values to the existing record" },
    KEEP_NEW: { description: 'Register the incoming person as someone new' },
    DISMISS: { description: 'Leave the registry as it is' },
  },
});

@ObjectType()
export class ImportTemplateColumn {
  @Field(() => String)
  key!: string;

  @Field(() => String, { description: "Header in Sinergi's template" })
  header!: string;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => String)
  description!: string;

  @Field(() => String)
  example!: string;
}

@ObjectType()
export class ImportSourceInfo {
  @Field(() => ImportSource)
  source!: ImportSource;

  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [ImportTemplateColumn])
  columns!: ImportTemplateColumn[];

  @Field(() => Boolean, { description: "Whether the viewer's role may import this source" })
  mayImport!: boolean;
}

@ObjectType()
export class ImportColumnMapping {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  header!: string;

  @Field(() => Boolean)
  required!: boolean;

  @Field(() => Int, { nullable: true, description: "The file's column (0-based), or null when not used" })
  column!: number | null;

  @Field(() => String, { nullable: true })
  fileHeader!: string | null;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int)
  line!: number;

  @Field(() => String, { description: 'Why the row was not imported (Indonesian), naming the column' })
  reason!: string;
}

@ObjectType({ description: 'An import of one file: staged, dry-run, committed in all-or-nothing batches' })
export class ImportJob {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportSource)
  source!: ImportSource;

  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  format!: string;

  @Field(() => String, { nullable: true })
  sheet!: string | null;

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => [String])
  headers!: string[];

  mappingByKey!: Record<string, number | null>;

  @Field(() => LocalDateResolver, { description: 'The date the data describes; an older source never overwrites a newer value' })
  sourceDate!: string;

  @Field(() => Int)
  rowsTotal!: number;

  @Field(() => Int, { description: 'Rows checked (dry run) or committed so far' })
  rowsDone!: number;

  @Field(() => Int)
  validRows!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int)
  inReview!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  duplicateOfId!: string | null;
  createdById!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  validatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  committedAt!: Date | null;

  @Field(() => String, { description: 'CSV of the rejected rows: the original cells plus "alasan"' })
  errorReportUrl!: string;
}

@ObjectType()
export class ImportReviewValue {
  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true })
  incoming!: string | null;

  @Field(() => String, { nullable: true })
  existing!: string | null;
}

@ObjectType({ description: 'An uncertain match held for a person to decide' })
export class ImportReview {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  jobId!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  kindLabel!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => ImportReviewStatus)
  status!: ImportReviewStatus;

  @Field(() => [ImportReviewValue])
  values!: ImportReviewValue[];

  @Field(() => ID, { nullable: true })
  householdId!: string | null;

  personId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;
}

@InputType()
export class ImportColumnInput {
  @Field(() => String)
  key!: string;

  @Field(() => Int, { nullable: true })
  column?: number | null;
}
