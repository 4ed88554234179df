import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ApiErrorInfo } from '../../lib/errors';
import { sessionEvents } from '../../lib/session-events';
import { sourceParam, uploadError } from './import-helpers';
import type {
  ImportJobDetail, ImportJobSummary, ImportReview, ImportReviewDecision, ImportReviewStatus, ImportSource, ImportSourceInfo,
} from './import-types';

// Plain `gql` with hand-written result types: the import schema is not in schema/schema.graphql
// yet, so codegen cannot type these; switch them to `graphql()` once it is.

const JOB_SUMMARY = gql`
  fragment ImportJobSummary on ImportJob {
    id
    source
    fileName
    status
    sourceDate
    rowsTotal
    rowsDone
    validRows
    inserted
    updated
    unchanged
    rejected
    inReview
    createdByName
    createdAt
    validatedAt
    committedAt
  }
`;

const JOB_DETAIL = gql`
  fragment ImportJobDetail on ImportJob {
    ...ImportJobSummary
    format
    sheet
    headers
    mapping {
      key
      header
      required
      column
      fileHeader
    }
    message
    duplicateOf {
      id
      fileName
      createdAt
    }
    firstErrors(first: 20) {
      line
      reason
    }
    errorReportUrl
  }
  ${JOB_SUMMARY}
`;

export const IMPORT_SOURCES: TypedDocumentNode<{ importSources: ImportSourceInfo[] }, Record<string, never>> = gql`
  query ImportSources {
    importSources {
      source
      key
      label
      description
      mayImport
      columns {
        key
        header
        required
        description
        example
      }
    }
  }
`;

export const IMPORT_JOBS: TypedDocumentNode<{ importJobs: ImportJobSummary[] }, { first?: number }> = gql`
  query ImportJobs($first: Int) {
    importJobs(first: $first) {
      ...ImportJobSummary
    }
  }
  ${JOB_SUMMARY}
`;

export const IMPORT_JOB: TypedDocumentNode<{ importJob: ImportJobDetail | null }, { id: string }> = gql`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobDetail
    }
  }
  ${JOB_DETAIL}
`;

export const SET_IMPORT_MAPPING: TypedDocumentNode<
  { setImportMapping: ImportJobDetail },
  { jobId: string; columns: { key: string; column: number | null }[] }
> = gql`
  mutation SetImportMapping($jobId: ID!, $columns: [ImportColumnInput!]!) {
    setImportMapping(jobId: $jobId, columns: $columns) {
      ...ImportJobDetail
    }
  }
  ${JOB_DETAIL}
`;

export const VALIDATE_IMPORT: TypedDocumentNode<{ validateImport: ImportJobDetail }, { jobId: string }> = gql`
  mutation ValidateImport($jobId: ID!) {
    validateImport(jobId: $jobId) {
      ...ImportJobDetail
    }
  }
  ${JOB_DETAIL}
`;

export const COMMIT_IMPORT: TypedDocumentNode<{ commitImport: ImportJobDetail }, { jobId: string }> = gql`
  mutation CommitImport($jobId: ID!) {
    commitImport(jobId: $jobId) {
      ...ImportJobDetail
    }
  }
  ${JOB_DETAIL}
`;

const REVIEW = gql`
  fragment ImportReviewItem on ImportReview {
    id
    jobId
    fileName
    line
    kind
    kindLabel
    detail
    status
    values {
      label
      incoming
      existing
    }
    householdId
    createdAt
    resolvedAt
  }
`;

export const IMPORT_REVIEWS: TypedDocumentNode<{ importReviews: ImportReview[] }, { status?: ImportReviewStatus; first?: number }> = gql`
  query ImportReviews($status: ImportReviewStatus, $first: Int) {
    importReviews(status: $status, first: $first) {
      ...ImportReviewItem
    }
  }
  ${REVIEW}
`;

export const RESOLVE_IMPORT_REVIEW: TypedDocumentNode<
  { resolveImportReview: ImportReview },
  { id: string; decision: ImportReviewDecision }
> = gql`
  mutation ResolveImportReview($id: ID!, $decision: ImportReviewDecision!) {
    resolveImportReview(id: $id, decision: $decision) {
      ...ImportReviewItem
    }
  }
  ${REVIEW}
`;

export interface UploadRequest {
  source: ImportSource;
  file: File;
  /** YYYY-MM-DD */
  sourceDate?: string;
  sheet?: string;
  /** Bytes sent so far, of the whole request body. */
  onProgress?: (sent: number, total: number) => void;
}

/** Thrown by `uploadImportFile` with the server's error (Indonesian message) or the HTTP status. */
export class UploadError extends Error {
  constructor(readonly info: ApiErrorInfo) {
    super(info.message || info.code || 'upload failed');
  }
}

/**
 * Sends a file to `POST /import/jobs` (multipart, same-origin session cookie) and answers the new
 * job's id. XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export function uploadImportFile({ source, file, sourceDate, sheet, onProgress }: UploadRequest): Promise<string> {
  const form = new FormData();
  form.append('source', sourceParam(source));
  if (sheet) form.append('sheet', sheet);
  if (sourceDate) form.append('sourceDate', sourceDate);
  // The file goes last so the server has read the fields before the stream of the file starts.
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/import/jobs');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          const id = (JSON.parse(xhr.responseText) as { id?: unknown }).id;
          if (typeof id === 'string' && id) return resolve(id);
        } catch {
          // falls through to the error below
        }
        return reject(new UploadError({ code: 'BAD_RESPONSE', message: '' }));
      }
      const info = uploadError(xhr.status, xhr.responseText);
      if (info.code === 'UNAUTHENTICATED') sessionEvents.markExpired();
      reject(new UploadError(info));
    };
    xhr.onerror = () => reject(new UploadError({ code: 'NETWORK', message: '' }));
    xhr.send(form);
  });
}
