/**
 * Saving a Blob as a file from the console: a blob URL on a detached link, clicked, and revoked
 * a minute later (the browser has started the download by then). The URL is never shown or
 * navigated to, so a report's HTML never runs in the console's origin.
 */

/** Hands `blob` to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
