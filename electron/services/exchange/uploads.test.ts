import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../test-support';
import { createUploads, UploadTooLarge } from './uploads';

const temp = tempDirs('facing-uploads-');

describe('uploads', () => {
  it('streams a raw upload into a temporary file in the data folder and removes it when released', async () => {
    const dir = temp();
    const uploads = createUploads(dir);
    const bytes = Buffer.alloc(3 * 1024 * 1024, 'a');
    const handle = await uploads.receive(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), bytes.length);
    expect(handle).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const upload = uploads.get(handle);
    expect(upload.temporary).toBe(true);
    expect(upload.size).toBe(bytes.length);
    expect(upload.path.startsWith(join(dir, 'uploads'))).toBe(true);
    expect(readFileSync(upload.path).equals(bytes)).toBe(true);
    await uploads.release(handle);
    expect(existsSync(upload.path)).toBe(false);
    expect(() => uploads.get(handle)).toThrow(/no longer at hand/);
    await uploads.close();
  });

  it('refuses an upload past the limit and leaves no file behind', async () => {
    const dir = temp();
    const uploads = createUploads(dir);
    await expect(uploads.receive(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
    await uploads.close();
  });

  it('takes a file by path without copying it, and refuses a folder, a missing file or one too large', async () => {
    const dir = temp();
    const uploads = createUploads(dir);
    const file = join(dir, 'pairs.tsv');
    writeFileSync(file, 'en\tde\nBerlin\tBerlin\n');
    const handle = await uploads.fromPath(file, 1000);
    expect(uploads.get(handle)).toEqual({ path: file, size: 20, temporary: false });
    await uploads.release(handle);
    expect(existsSync(file)).toBe(true);
    mkdirSync(join(dir, 'folder'));
    await expect(uploads.fromPath(join(dir, 'folder'), 1000)).rejects.toThrow(/not a file/);
    await expect(uploads.fromPath(join(dir, 'gone.tmx'), 1000)).rejects.toThrow(/not a file/);
    await expect(uploads.fromPath(file, 10)).rejects.toBeInstanceOf(UploadTooLarge);
    await uploads.close();
  });

  it('forgets a handle after its lifetime, and everything when closed', async () => {
    const dir = temp();
    const uploads = createUploads(dir, 50);
    const handle = await uploads.receive(Readable.from([Buffer.from('x')]), 10);
    const { path } = uploads.get(handle);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(() => uploads.get(handle)).toThrow();
    expect(existsSync(path)).toBe(false);
    const other = await uploads.receive(Readable.from([Buffer.from('y')]), 10);
    await uploads.close();
    expect(() => uploads.get(other)).toThrow();
    expect(existsSync(join(dir, 'uploads'))).toBe(false);
  });
});
