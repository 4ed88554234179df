import type { ImportSource } from '../../gql/graphql';
import type { ApiErrorInfo } from '../../lib/errors';
import { sessionEvents } from '../../lib/session-events';
import { sourceParam, uploadError } from './import-helpers';

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
