import { ProgressBar, renderProgress } from './progress-bar';

describe('renderProgress', () => {
  it('shows the bar, the count, the rate, the time left and the refusals', () => {
    expect(renderProgress(300, 1200, 2, 3)).toBe(
      '[########----------------------] 300/1200 25% 100 cmd/s ETA 0:09 refused 2',
    );
  });

  it('shows an unknown time left before the first answer', () => {
    expect(renderProgress(0, 10, 0, 0)).toBe(
      '[------------------------------] 0/10 0% 0 cmd/s ETA ?',
    );
  });
});

describe('ProgressBar', () => {
  it('redraws in place on a terminal, at most every 200 ms, and ends the line when finished', () => {
    const written: string[] = [];
    let now = 0;
    const bar = new ProgressBar(4, { isTTY: true, write: (text) => written.push(text) }, () => now);
    now = 500;
    bar.update(1, 0);
    now = 600;
    bar.update(2, 0);
    bar.finish(4, 0);
    expect(written).toHaveLength(3);
    expect(written[0]).toMatch(/^\r\[.*\] 1\/4 /);
    expect(written[2]).toBe('\n');
  });
});
