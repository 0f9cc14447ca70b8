/**
 * Saves a file from memory in the UI's own document (the extension's origin: the page frame or
 * the popup), never through a link in the web page: an object URL and a temporary download link.
 */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  // Inside a shadow root the link must be in a document to be clicked; the body is enough.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
