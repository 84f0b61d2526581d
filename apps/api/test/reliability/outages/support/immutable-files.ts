import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes files unwritable under a running process. chmod cannot: permission bits are checked when
 * a file is opened, the server's SQLite handles are open already, and root ignores them anyway.
 * The immutable attribute (`chattr +i`) is checked on every write, through open handles too; it
 * needs CAP_LINUX_IMMUTABLE (root) and a filesystem that supports it (ext4, xfs, btrfs; not tmpfs).
 */
export function setImmutable(paths: readonly string[], immutable: boolean): void {
  execFileSync('chattr', [immutable ? '+i' : '-i', ...paths], { stdio: 'pipe' });
}

/** Why files under `tmpdir()` cannot be made immutable here, or undefined when they can. */
export function immutableUnsupported(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-chattr-probe-'));
  const file = join(dir, 'probe');
  writeFileSync(file, '');
  try {
    setImmutable([file], true);
    setImmutable([file], false);
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `chattr +i failed: ${stderr || String(error)}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
