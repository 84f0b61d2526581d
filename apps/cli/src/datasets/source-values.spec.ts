import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvFile } from './source-values';

describe('readCsvFile', () => {
  let folder: string;
  const file = (text: string): string => {
    const path = join(folder, 'data.csv');
    writeFileSync(path, text);
    return path;
  };

  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'chronicle-csv-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('names each field by its header column and keeps quoted fields whole', async () => {
    const path = file('id,note\r\n1,"Smith, Jo said ""hi""\r\nthen left"\r\n2, spaced \r\n');

    expect(await readCsvFile(path)).toEqual([
      { id: '1', note: 'Smith, Jo said "hi"\r\nthen left' },
      { id: '2', note: ' spaced ' },
    ]);
  });

  it('skips a byte order mark and takes another delimiter, as the bank dataset needs', async () => {
    const path = file('\uFEFF"age";"job"\n58;"management"');

    expect(await readCsvFile(path, ';')).toEqual([{ age: '58', job: 'management' }]);
  });

  it('refuses a row whose field count differs from the header', async () => {
    await expect(readCsvFile(file('a,b\n1\n'))).rejects.toThrow(/Invalid Record Length/);
  });

  it('rejects, rather than waits, when the file cannot be read', async () => {
    await expect(readCsvFile(join(folder, 'absent.csv'))).rejects.toThrow(/ENOENT/);
  });
});
