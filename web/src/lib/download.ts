/** Saves text as a file in the browser (a CSV export, a chart's data). */
export function downloadText(text: string, filename: string, contentType: string): void {
  downloadBlob(new Blob([text], { type: contentType }), filename);
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: Chromium reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
