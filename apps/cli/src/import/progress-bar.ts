/** Where the bar is drawn: stderr in the CLI, so stdout keeps only the report. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 30;
const REDRAW_MS = 200;
const NON_TTY_LINE_MS = 5_000;

/**
 * A one-line text progress bar: `[#####-----] 1200/8800 14% 950 cmd/s ETA 0:08 refused 3`.
 * On a terminal it redraws in place a few times a second; elsewhere (a log file, CI) it prints a
 * line every few seconds instead of filling the log with carriage returns.
 */
export class ProgressBar {
  private readonly startedAt = Date.now();
  private lastDrawnAt = 0;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {}

  update(done: number, refused: number): void {
    const now = this.now();
    const interval = this.stream.isTTY ? REDRAW_MS : NON_TTY_LINE_MS;
    if (now - this.lastDrawnAt < interval && done < this.total) return;
    this.lastDrawnAt = now;
    this.draw(done, refused, now);
  }

  /** Draws the final state and ends the line. */
  finish(done: number, refused: number): void {
    this.draw(done, refused, this.now());
    if (this.stream.isTTY) this.stream.write('\n');
  }

  private draw(done: number, refused: number, now: number): void {
    const line = renderProgress(done, this.total, refused, (now - this.startedAt) / 1000);
    this.stream.write(this.stream.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
  }
}

/** The bar's text for `done` of `total` commands after `seconds`. */
export function renderProgress(
  done: number,
  total: number,
  refused: number,
  seconds: number,
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * WIDTH);
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
  const percent = Math.floor(fraction * 100);
  const tail = refused > 0 ? ` refused ${refused}` : '';
  return `[${bar}] ${done}/${total} ${percent}% ${Math.round(rate)} cmd/s ETA ${eta}${tail}`;
}

function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}
