// The scenario library: the bundled scenarios and the user's saved ones (IndexedDB), as state.
import { bundledScenarios, type LibraryEntry } from './bundled';
import { deleteSaved, listSaved, putSaved, type SavedScenario } from './scenario-store';

export type { LibraryEntry };

const toEntry = (s: SavedScenario): LibraryEntry => ({ id: s.id, name: s.name, text: s.text, origin: 'saved', savedAt: s.savedAt });

export class Library {
  readonly bundled = bundledScenarios;
  saved = $state.raw<LibraryEntry[]>([]);
  error = $state<string | undefined>();
  private loading: Promise<void> | undefined;

  load(): Promise<void> {
    this.loading ??= this.refresh();
    return this.loading;
  }

  find(id: string | undefined): LibraryEntry | undefined {
    return id === undefined ? undefined : [...this.bundled, ...this.saved].find((e) => e.id === id);
  }

  /** Saves under `id` (overwrites) or as a new entry; returns the saved entry. */
  async save(name: string, text: string, id?: string): Promise<LibraryEntry> {
    const scenario: SavedScenario = { id: id ?? `saved:${crypto.randomUUID()}`, name, text, savedAt: Date.now() };
    await putSaved(scenario);
    await this.refresh();
    return toEntry(scenario);
  }

  async remove(id: string): Promise<void> {
    await deleteSaved(id);
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.saved = (await listSaved()).map(toEntry);
      this.error = undefined;
    } catch (error) {
      this.error = `Saved scenarios are unavailable: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

export const library = new Library();
