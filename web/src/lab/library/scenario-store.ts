// The user's own scenarios in IndexedDB, so they survive reloads and stay on this machine.
export type SavedScenario = { id: string; name: string; text: string; savedAt: number };

const DB_NAME = 'hashtwin-lab';
const STORE = 'scenarios';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

export async function listSaved(): Promise<SavedScenario[]> {
  const all = await withStore<SavedScenario[]>('readonly', (store) => store.getAll() as IDBRequest<SavedScenario[]>);
  return all.sort((a, b) => b.savedAt - a.savedAt);
}

export function putSaved(scenario: SavedScenario): Promise<IDBValidKey> {
  return withStore('readwrite', (store) => store.put(scenario));
}

export async function deleteSaved(id: string): Promise<void> {
  await withStore('readwrite', (store) => store.delete(id));
}
