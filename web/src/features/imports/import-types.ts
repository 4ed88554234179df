// Local types of the import API, written by hand from the server contract while
// schema/schema.graphql does not contain it yet; to be replaced by codegen's types.

export type ImportSource = 'DTSEN' | 'DINSOS' | 'DINKES' | 'DISDIK';
export type ImportStatus = 'UPLOADED' | 'VALIDATING' | 'VALIDATED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';
export type ImportReviewStatus = 'OPEN' | 'MERGED' | 'KEPT_NEW' | 'DISMISSED';
export type ImportReviewDecision = 'MERGE' | 'KEEP_NEW' | 'DISMISS';

export interface ImportTemplateColumn {
  key: string;
  header: string;
  required: boolean;
  description: string;
  example: string;
}

export interface ImportSourceInfo {
  source: ImportSource;
  key: string;
  label: string;
  description: string;
  columns: ImportTemplateColumn[];
  mayImport: boolean;
}

export interface ImportColumnMapping {
  key: string;
  header: string;
  required: boolean;
  column: number | null;
  fileHeader: string | null;
}

export interface ImportRowError {
  line: number;
  reason: string;
}

/** The job as the list of jobs shows it. */
export interface ImportJobSummary {
  id: string;
  source: ImportSource;
  fileName: string;
  status: ImportStatus;
  sourceDate: string;
  rowsTotal: number;
  rowsDone: number;
  validRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  inReview: number;
  createdByName: string | null;
  createdAt: string;
  validatedAt: string | null;
  committedAt: string | null;
}

/** The job as the flow shows it. */
export interface ImportJobDetail extends ImportJobSummary {
  format: string;
  sheet: string | null;
  headers: string[];
  mapping: ImportColumnMapping[];
  message: string | null;
  duplicateOf: { id: string; fileName: string; createdAt: string } | null;
  firstErrors: ImportRowError[];
  errorReportUrl: string;
}

export interface ImportReviewValue {
  label: string;
  incoming: string | null;
  existing: string | null;
}

export interface ImportReview {
  id: string;
  jobId: string;
  fileName: string;
  line: number;
  kind: string;
  kindLabel: string;
  detail: string;
  status: ImportReviewStatus;
  values: ImportReviewValue[];
  householdId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}
