import type { ApiErrorInfo } from '../../lib/errors';
import type { ImportJobDetailFragment, ImportSource, ImportStatus } from '../../gql/graphql';

/** A template column and the file column mapped to it. */
export type ColumnMapping = ImportJobDetailFragment['mapping'][number];

/** Steps of the flow: 0 source + upload, 1 mapping, 2 dry run, 3 commit, 4 done. */
export type FlowStep = 0 | 1 | 2 | 3 | 4;

/** Where a job stands in the flow. A failed job returns to the step that failed. */
export function stepOf(job: { status: ImportStatus; validatedAt?: string | null }): FlowStep {
  switch (job.status) {
    case 'UPLOADED':
      return 1;
    case 'VALIDATING':
    case 'VALIDATED':
      return 2;
    case 'COMMITTING':
      return 3;
    case 'COMMITTED':
      return 4;
    case 'FAILED':
      return job.validatedAt ? 3 : 2;
  }
}

/** Statuses during which the server works in the background and the page polls the job. */
export function isRunning(status: ImportStatus): boolean {
  return status === 'VALIDATING' || status === 'COMMITTING';
}

/** The upload endpoint's and the template URLs' spelling of a source. */
export function sourceParam(source: ImportSource): string {
  return source.toLowerCase();
}

export function templateUrl(source: ImportSource, format: 'csv' | 'xlsx'): string {
  return `/import/templates/${sourceParam(source)}.${format}`;
}

/**
 * A date typed as dd/mm/yyyy (Indonesian order; `-` or `.` also separate) to YYYY-MM-DD.
 * '' for an empty field, null for text that is not a real calendar date.
 */
export function parseDisplayDate(text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Mapping being edited: template key -> file column index as a string, '' when unused. */
export type MappingDraft = Record<string, string>;

export function draftOf(mapping: readonly ColumnMapping[]): MappingDraft {
  return Object.fromEntries(mapping.map((m) => [m.key, m.column == null ? '' : String(m.column)]));
}

export function columnInputs(draft: MappingDraft): { key: string; column: number | null }[] {
  return Object.entries(draft).map(([key, value]) => ({ key, column: value === '' ? null : Number(value) }));
}

/** Required template columns that no file column is mapped to. */
export function unmappedRequired(mapping: readonly ColumnMapping[], draft: MappingDraft): ColumnMapping[] {
  return mapping.filter((m) => m.required && (draft[m.key] ?? '') === '');
}

/** Template keys mapped to the same file column as another key (the second and later ones). */
export function duplicateMappings(draft: MappingDraft): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const [key, value] of Object.entries(draft)) {
    if (value === '') continue;
    if (seen.has(value)) duplicates.push(key);
    seen.add(value);
  }
  return duplicates;
}

export function sameDraft(a: MappingDraft, b: MappingDraft): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}

/** Whole percent of rows done, 0 when the total is not known yet. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/**
 * Whether the file's value differs from Sinergi's: only when the file gives one (a field the
 * source does not carry is no conflict); case and spacing do not count.
 */
export function valuesDiffer(incoming: string | null | undefined, existing: string | null | undefined): boolean {
  if (incoming == null || incoming.trim() === '') return false;
  return normalise(incoming) !== normalise(existing ?? '');
}

/** The upload endpoint's answer to an error: its `{ error: { code, message } }`, or the HTTP status. */
export function uploadError(status: number, body: string): ApiErrorInfo {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message === 'string' && message) return { code: typeof code === 'string' ? code : undefined, message };
  } catch {
    // not JSON (a proxy's error page): fall through
  }
  if (status === 0) return { code: 'NETWORK', message: '' };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: '' };
  if (status === 401) return { code: 'UNAUTHENTICATED', message: '' };
  if (status === 403) return { code: 'FORBIDDEN', message: '' };
  return { code: `HTTP_${status}`, message: '' };
}
