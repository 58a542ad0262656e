/** guard remove's parsers and shared-dir slots, as tables. */
import { parseCherry, parseLsRemote, parsePatchIds, sharedDirSlot, slotName } from '@worktree-guard/core';

describe('parsers', () => {
  it('git cherry', () => {
    expect(parseCherry(`+ ${'a'.repeat(40)}\n- ${'b'.repeat(40)}\n`)).toEqual([
      { commit: 'a'.repeat(40), equivalent: false },
      { commit: 'b'.repeat(40), equivalent: true },
    ]);
  });
  it('git patch-id', () => {
    expect(
      parsePatchIds(`${'1'.repeat(40)} ${'0'.repeat(40)}\n${'1'.repeat(40)} ${'b'.repeat(40)}\n`),
    ).toEqual([
      { patchId: '1'.repeat(40), commit: '0'.repeat(40) },
      { patchId: '1'.repeat(40), commit: 'b'.repeat(40) },
    ]);
  });
  it('git ls-remote', () => {
    const refs = parseLsRemote(
      `${'a'.repeat(40)}\trefs/heads/main\n${'b'.repeat(40)}\trefs/heads/feat/x y\n`,
    );
    expect([...refs]).toEqual([
      ['refs/heads/main', 'a'.repeat(40)],
      ['refs/heads/feat/x y', 'b'.repeat(40)],
    ]);
  });
});

describe('shared-dir slots: where orphans are looked for', () => {
  const env = { HOME: '/h', CLAUDE_CONFIG_DIR: '/c' };
  it.each([
    ['{claude}/projects/{key}/memory', { parent: '/c/projects', prefix: '', suffix: '', rest: 'memory' }],
    ['~/.cache/tool/wt-{dir}', { parent: '/h/.cache/tool', prefix: 'wt-', suffix: '', rest: '' }],
    ['{claude}/fixed', null],
    ['{claude}/{key}/{dir}', null],
  ])('%s', (entry, slot) => {
    expect(sharedDirSlot(entry, env)).toEqual(slot);
  });
  it('matches a path in the slot, and nothing else', () => {
    const slot = sharedDirSlot('{claude}/projects/{key}/memory', env);
    if (!slot) throw new Error('no slot');
    expect(slotName(slot, '/c/projects/-r-app/memory')).toBe('-r-app');
    expect(slotName(slot, '/c/projects/-r-app/other')).toBeNull();
    expect(slotName(slot, '/c/projects/-r-app')).toBeNull();
    expect(slotName(slot, '/elsewhere/-r-app/memory')).toBeNull();
  });
});
