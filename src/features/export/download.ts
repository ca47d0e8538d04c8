/**
 * Saves text as a file through a Blob, an object URL and a temporary `<a download>`:
 * no server round trip, and it works inside a sandboxed iframe that has `allow-downloads`.
 */
export function downloadText(content: string | readonly string[], fileName: string, mediaType: string): void {
  downloadBlob(new Blob(typeof content === 'string' ? [content] : [...content], { type: mediaType }), fileName);
}

/** Saves a Blob as a file (see {@link downloadText}). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns: revoke only once it surely has.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
