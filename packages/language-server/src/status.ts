import type { StatusParams } from './protocol';

/**
 * Only work that lasts this long is announced as `linting`: a keystroke's lint takes tens of
 * milliseconds, and a status bar flickering on every keystroke tells the user nothing.
 */
export const BUSY_ANNOUNCE_DELAY_MS = 200;

/**
 * The server's state for `wirelint/status`: `error` while some problem is unresolved (a broken
 * project config, a failed lint), else `linting` while work has been running for a while (a
 * workspace scan, a project config loading), else `ready`. Sends only changes.
 */
export class StatusReporter {
  private readonly errors = new Map<string, string>();
  private busy = 0;
  private busyAnnounced = false;
  private announceTimer: NodeJS.Timeout | undefined;
  private busyMessage: string | undefined;
  private last: string | undefined;

  constructor(private readonly send: (params: StatusParams) => void) {}

  /** Marks work as running until the returned function is called. */
  begin(message: string): () => void {
    this.busy++;
    this.busyMessage = message;
    if (this.busy === 1 && this.announceTimer === undefined) {
      this.announceTimer = setTimeout(() => {
        this.announceTimer = undefined;
        this.busyAnnounced = this.busy > 0;
        this.update();
      }, BUSY_ANNOUNCE_DELAY_MS);
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.busy--;
      if (this.busy > 0) return;
      clearTimeout(this.announceTimer);
      this.announceTimer = undefined;
      this.busyAnnounced = false;
      this.update();
    };
  }

  /** Records a problem under `key` (one per key; the latest wins). */
  setError(key: string, message: string): void {
    this.errors.set(key, message);
    this.update();
  }

  clearError(key: string): void {
    if (this.errors.delete(key)) this.update();
  }

  /** Clears every problem whose key starts with `prefix`. */
  clearErrors(prefix: string): void {
    let changed = false;
    for (const key of [...this.errors.keys()]) if (key.startsWith(prefix)) changed = this.errors.delete(key) || changed;
    if (changed) this.update();
  }

  /** Sends the current state (the first call announces `ready`). */
  update(): void {
    const [error] = this.errors.values();
    const params: StatusParams =
      error !== undefined ? { state: 'error', message: error } : this.busyAnnounced ? { state: 'linting', message: this.busyMessage } : { state: 'ready' };
    const key = JSON.stringify(params);
    if (key === this.last) return;
    this.last = key;
    this.send(params);
  }
}
