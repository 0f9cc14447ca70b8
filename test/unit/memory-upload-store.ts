/** An upload store in memory, standing in for IndexedDB in unit tests of the chat loop. */
import type { StoredUpload, UploadStore } from '../../src/background/upload-store';

export function memoryUploadStore(): UploadStore & { ids(): string[] } {
  const files = new Map<string, StoredUpload>();
  return {
    put: async (id, upload) => void files.set(id, upload),
    get: async (id) => files.get(id),
    delete: async (id) => void files.delete(id),
    prune: async (keep) => {
      for (const id of [...files.keys()]) if (!keep.has(id)) files.delete(id);
    },
    ids: () => [...files.keys()],
  };
}
