// The scenario being edited: its text (the one source of truth), the YAML document the form reads,
// and the validation the twin worker runs as you type, every problem at its path and line.
import { parseDocument } from 'yaml';
import type { LocatedIssue, ScenarioSummary, ValidateReply } from '../../../../src/worker/browser-twin-protocol.js';
import { twin } from '../../app/twin';
import { appendIn, deleteIn, setIn, type PathKey, type Scalar } from './yaml-edit';

export type Source = { kind: 'bundled' | 'saved' | 'shared' | 'imported' | 'draft'; id?: string; name: string };

/** Validation waits for a pause in typing this long (a check itself takes a few ms in the worker). */
const VALIDATE_AFTER_MS = 150;
const DRAFT_KEY = 'hashtwin.lab.draft';

export class ScenarioEditor {
  text = $state('');
  source = $state.raw<Source>({ kind: 'draft', name: 'Untitled' });
  /** The text as last opened or saved, to tell unsaved changes. */
  baseline = $state('');
  issues = $state.raw<LocatedIssue[]>([]);
  summary = $state.raw<ScenarioSummary | undefined>();
  checking = $state(false);
  /** Milliseconds the last check took, worker round trip included. */
  checkMs = $state(0);

  readonly doc = $derived(parseDocument(this.text, { prettyErrors: false }));
  /** The document as plain data for the form, or undefined while the YAML itself is broken. */
  readonly data = $derived.by(() => {
    if (this.doc.errors.length > 0) return undefined;
    const value = this.doc.toJS() as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  });
  readonly dirty = $derived(this.text !== this.baseline);
  readonly valid = $derived(this.summary !== undefined && this.issues.length === 0 && !this.checking);

  private sequence = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  open(text: string, source: Source): void {
    this.text = text;
    this.baseline = text;
    this.source = source;
    void this.validate();
  }

  /** The last draft of this browser (kept across reloads), if any. */
  restoreDraft(): boolean {
    const saved = localStorage.getItem(DRAFT_KEY);
    if (!saved) return false;
    try {
      const { text, source, baseline } = JSON.parse(saved) as { text: string; source: Source; baseline: string };
      this.open(text, source);
      this.baseline = baseline;
      return true;
    } catch {
      return false;
    }
  }

  markSaved(source: Source): void {
    this.source = source;
    this.baseline = this.text;
    this.keepDraft();
  }

  setText(text: string): void {
    this.text = text;
    this.changed();
  }

  set(keys: PathKey[], value: Scalar, typed?: string): void {
    this.setText(setIn(this.text, keys, value, typed));
  }

  unset(keys: PathKey[]): void {
    this.setText(deleteIn(this.text, keys));
  }

  append(keys: PathKey[], item: unknown): void {
    this.setText(appendIn(this.text, keys, item));
  }

  issuesAt(path: string): LocatedIssue[] {
    return this.issues.filter((issue) => issue.path === path);
  }

  /** Checks now (also called after each pause in typing); a newer check supersedes an older one. */
  async validate(): Promise<void> {
    clearTimeout(this.timer);
    const sequence = ++this.sequence;
    const started = performance.now();
    this.checking = true;
    const reply = await twin.validate(this.text).catch((error: unknown): ValidateReply => ({
      ok: false, issues: [{ path: '(validator)', message: `the check could not run: ${error instanceof Error ? error.message : String(error)}` }],
    }));
    if (sequence !== this.sequence) return;
    this.checkMs = performance.now() - started;
    this.checking = false;
    this.issues = reply.ok ? [] : reply.issues;
    this.summary = reply.ok ? reply.summary : undefined;
  }

  private changed(): void {
    this.checking = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.validate(), VALIDATE_AFTER_MS);
    this.keepDraft();
  }

  private keepDraft(): void {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ text: this.text, source: this.source, baseline: this.baseline }));
  }
}

export const editor = new ScenarioEditor();
