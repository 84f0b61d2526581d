/** A door a test holds shut: `reached` resolves when someone waits at it, `open` lets them on. */
export class Gate {
  private opened = false;
  private release: () => void = () => undefined;
  private arrive: () => void = () => undefined;
  private readonly openPromise = new Promise<void>((resolve) => (this.release = resolve));
  /** Resolves when the first caller waits at the gate. */
  readonly reached = new Promise<void>((resolve) => (this.arrive = resolve));

  pass(): Promise<void> {
    if (this.opened) return Promise.resolve();
    this.arrive();
    return this.openPromise;
  }

  open(): void {
    this.opened = true;
    this.release();
  }
}
