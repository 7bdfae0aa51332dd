/** Offer bytes, text or a Blob to the user as a downloaded file (an object URL on an <a download>, revoked afterwards). */
export function download(name: string, data: string | Uint8Array | Blob, type: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `YYYY-MM-DD` of now, for export file names. */
export const today = (): string => new Date().toISOString().slice(0, 10);
