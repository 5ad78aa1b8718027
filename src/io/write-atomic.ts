// Atomic output: write to a temporary file beside the target, then rename, so a reader never sees half a file
// and a failed run leaves the previous output intact.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    // Name the file the user asked for, not our temporary one.
    if (err && typeof err === 'object' && 'path' in err) (err as NodeJS.ErrnoException).path = file;
    throw err;
  }
}
