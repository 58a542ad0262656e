/** One locked write of a config file, read back by git itself: what guard writes is what git reads. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfigFile, parseConfigList, setConfigValues, setInConfigText } from '@worktree-guard/core';
import fc from 'fast-check';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cfgfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gitGet = (file: string, key: string) =>
  execFileSync('git', ['config', '--file', file, '--get', key], { encoding: 'utf8' }).replace(/\n$/, '');
const gitList = (file: string) =>
  execFileSync('git', ['config', '--file', file, '--list'], { encoding: 'utf8' });

const KEYS = ['user.name', 'user.email', 'worktreeguard.pinnedFor', 'worktreeguard.base', 'core.bare'];
/** Existing files: the keys guard sets, others beside them, comments, a subsection of the same section. */
const existing = fc
  .array(
    fc.oneof(
      fc.constantFrom('[user]', '[worktreeguard]', '[core]', '[user "x"]', '# a comment', '[other]'),
      fc
        .tuple(
          fc.constantFrom('name', 'email', 'pinnedFor', 'base', 'bare', 'keep'),
          fc.stringMatching(/^[a-z0-9@.]{1,8}$/),
        )
        .map(([k, v]) => `\t${k} = ${v}`),
    ),
    { maxLength: 12 },
  )
  .map((lines) => (lines.length ? `${['[other]', '\tkeep = 1', ...lines].join('\n')}\n` : ''));
/** Any value: printable, with the characters git's syntax treats specially, and every kind of white space. */
const values = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\r', '\v', '\f', '\n', '#', ';', '"', '\\', '=', 'ü') }),
);

describe('setInConfigText / setConfigValues', () => {
  it('sets every key so that git reads back the exact value, and leaves what it did not set as it was', () => {
    let n = 0;
    fc.assert(
      fc.property(
        existing,
        fc.uniqueArray(fc.constantFrom(...KEYS), { minLength: 1 }),
        fc.array(values, { minLength: 5, maxLength: 5 }),
        (text, keys, vals) => {
          const file = path.join(dir, `c${n++}`);
          writeFileSync(file, text);
          const others = gitList(file)
            .split('\n')
            .filter((l) => l && !keys.some((k) => l.toLowerCase().startsWith(`${k.toLowerCase()}=`)));
          writeFileSync(
            file,
            setInConfigText(
              text,
              keys.map((k, i) => [k, vals[i] as string]),
            ),
          );
          for (const [i, k] of keys.entries()) expect(gitGet(file, k)).toBe(vals[i]);
          for (const line of others) expect(gitList(file)).toContain(line);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('writes under the lock git uses, and waits for one that is held', async () => {
    const file = path.join(dir, 'config.worktree');
    writeFileSync(file, '[user]\n\tname = Old\n');
    writeFileSync(`${file}.lock`, '');
    const write = setConfigValues(file, [
      ['user.name', 'New'],
      ['user.email', 'n@x'],
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(file, 'utf8')).toBe('[user]\n\tname = Old\n'); // not written while git's lock is held
    rmSync(`${file}.lock`);
    await write;
    expect(gitGet(file, 'user.name')).toBe('New');
    expect(gitGet(file, 'user.email')).toBe('n@x');
  });
});

describe('parseConfigFile', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '[user]',
      '[worktreeguard]',
      '[core]',
      '[Remote "Origin"]',
      '[branch.Feat]',
      '# comment',
      '; comment',
      '',
    ),
    fc
      .tuple(
        fc.constantFrom('name', 'Email', 'pinnedFor', 'hooksPath', 'bare'),
        fc.constantFrom(' = ', '=', ' ='),
        fc.oneof(
          fc.stringMatching(/^[a-z0-9@. ]{0,10}$/),
          fc
            .string({ unit: fc.constantFrom('a', ' ', '\t', '#', ';', '\\"', '\\\\', '\\n', '\\t') })
            .map((s) => `"${s}"`),
        ),
        fc.constantFrom('', ' # trailing', ' ; trailing', '\\\n continued'),
      )
      .map(([k, eq, v, tail]) => `\t${k}${eq}${v}${tail}`),
    fc.constantFrom('\tflag', '\tflag # on'),
  );

  it('reads any file as git does (`git config --file --list -z`)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const text = `[core]\n${lines.join('\n')}\n`;
        const file = path.join(dir, `p${n++}`);
        writeFileSync(file, text);
        const ours = parseConfigFile(text, 'worktree');
        const r = spawnSync('git', ['config', '--file', file, '--list', '-z'], { encoding: 'utf8' });
        if (r.status !== 0) return; // git refuses the file: nothing to compare (ours may read or refuse it)
        const theirs = parseConfigList(
          r.stdout
            .split('\0')
            .filter(Boolean)
            .map((e) => `worktree\0${e}`)
            .join('\0') + (r.stdout ? '\0' : ''),
        );
        if (ours === null) return; // we leave it to git
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves files that include others to git', () => {
    expect(parseConfigFile('[include]\n\tpath = other\n', 'worktree')).toBeNull();
    expect(parseConfigFile('[includeIf "gitdir:/x/"]\n\tpath = other\n', 'worktree')).toBeNull();
  });
});
