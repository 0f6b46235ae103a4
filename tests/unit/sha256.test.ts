import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256Of, versionOfFiles } from '../../src/lib/sha256.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('sha256Of gives the standard digest of bytes and of a string’s UTF-8', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.equal(sha256Of('abc'), abc);
  assert.equal(sha256Of(bytes('abc')), abc);
});

test('a version stamp of files changes when a file is edited, renamed, added or moved in order, and only then', () => {
  const files = [{ name: 'a.ts', bytes: bytes('one') }, { name: 'b.ts', bytes: bytes('two') }];
  const stamp = versionOfFiles(files);
  assert.match(stamp, /^[0-9a-f]{16}$/);
  assert.equal(versionOfFiles(files.map((file) => ({ ...file }))), stamp);
  assert.notEqual(versionOfFiles([files[0]!, { name: 'b.ts', bytes: bytes('two!') }]), stamp);
  assert.notEqual(versionOfFiles([files[0]!, { name: 'c.ts', bytes: bytes('two') }]), stamp);
  assert.notEqual(versionOfFiles([...files, { name: 'd.ts', bytes: bytes('') }]), stamp);
  assert.notEqual(versionOfFiles([...files].reverse()), stamp);
  // A name and its bytes cannot trade characters: "ab" + "c" is not "a" + "bc".
  assert.notEqual(versionOfFiles([{ name: 'ab', bytes: bytes('c') }]), versionOfFiles([{ name: 'a', bytes: bytes('bc') }]));
});
