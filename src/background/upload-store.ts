import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';

/** A file the visitor attached, waiting to be uploaded. */
export interface StoredUpload {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * The bytes of the visitor's files until the server has them, by upload id. In IndexedDB, not
 * `storage.local`: a file may be 10 MB, more than `storage.local` holds in Chrome, and it must
 * outlive a worker restart mid-upload. The transcript line (the session store) says what is
 * pending; this only holds the bytes.
 */
export interface UploadStore {
  put(id: string, upload: StoredUpload): Promise<void>;
  get(id: string): Promise<StoredUpload | undefined>;
  delete(id: string): Promise<void>;
  /** Deletes every upload not in `keep` (chats that ended, files delivered): run on start. */
  prune(keep: ReadonlySet<string>): Promise<void>;
}

/** The upload store in the extension's IndexedDB (`beckon-uploads`). */
export function indexedDbUploadStore(): UploadStore {
  let db: UseStore | undefined;
  const store = () => (db ??= createStore('beckon-uploads', 'files'));
  return {
    put: (id, upload) => set(id, upload, store()),
    async get(id) {
      const value = (await get(id, store())) as Partial<StoredUpload> | undefined;
      // Only what this store wrote is used: anything else is as good as lost.
      return value && typeof value.name === 'string' && typeof value.mime === 'string' && value.bytes instanceof Uint8Array ? (value as StoredUpload) : undefined;
    },
    delete: (id) => del(id, store()),
    async prune(keep) {
      const stale = (await keys(store())).filter((k) => typeof k !== 'string' || !keep.has(k));
      await Promise.all(stale.map((k) => del(k, store())));
    },
  };
}
