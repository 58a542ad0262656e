/**
 * `guard install --agents` merges guard's hooks into each agent's settings, keeps Claude Code's personal
 * settings out of git through .git/info/exclude, and `guard uninstall --agents` takes out exactly guard's
 * entries: a file guard's entries were the only change to comes back byte for byte.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git, gitResult, guard, healthyRepo, makeRepo, write } from '../helpers/repo';

const FILES = ['.claude/settings.local.json', '.codex/hooks.json', '.cursor/hooks.json'];

const read = (file: string) => (existsSync(file) ? readFileSync(file) : null);
const snapshot = (dir: string, rels: string[]) =>
  Object.fromEntries(rels.map((r) => [r, read(path.join(dir, r))]));

/** Settings a user already had, each in its own style (inline arrays, tabs, no final newline). */
const USER_SETTINGS: Record<string, string> = {
  '.claude/settings.local.json':
    '{\n  "permissions": { "allow": ["Bash(npm test)"] },\n  "hooks": {\n    "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "echo mine" }] }]\n  }\n}\n',
  '.codex/hooks.json':
    '{\n\t"hooks": {\n\t\t"Stop": [{ "hooks": [{ "type": "command", "command": "echo stop" }] }]\n\t}\n}',
  '.cursor/hooks.json': '{"version":1,"hooks":{"afterFileEdit":[{"command":"./format.sh"}]}}',
};

describe('guard install --agents / guard uninstall --agents', () => {
  it('merges with what the agents had, and uninstall restores every file byte for byte', () => {
    const fx = makeRepo({ name: 'merge' });
    for (const [rel, text] of Object.entries(USER_SETTINGS)) write(path.join(fx.primary, rel), text);
    const excludeBefore = readFileSync(path.join(fx.primary, '.git/info/exclude'));
    const before = snapshot(fx.primary, FILES);

    const r = guard(fx.primary, ['install', '--agents', 'claude,codex,cursor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /add guard's hooks to .*\.claude\/settings\.local\.json \(the rest stays as it is\)/,
    );
    const claude = JSON.parse(readFileSync(path.join(fx.primary, FILES[0] as string), 'utf8'));
    expect(claude.permissions).toEqual({ allow: ['Bash(npm test)'] });
    expect(claude.hooks.PreToolUse[0]).toEqual({
      matcher: 'Bash',
      hooks: [{ type: 'command', command: 'echo mine' }],
    });
    expect(claude.hooks.PreToolUse.map((g: { matcher: string }) => g.matcher)).toEqual([
      'Bash',
      'Bash',
      'Edit|MultiEdit|Write|NotebookEdit',
    ]);
    expect(Object.keys(claude.hooks)).toEqual(['PreToolUse', 'SessionStart', 'SessionEnd']);
    const codex = readFileSync(path.join(fx.primary, '.codex/hooks.json'), 'utf8');
    expect(codex).toMatch(/^\{\n\t"hooks"/); // its indentation kept
    expect(Object.keys(JSON.parse(codex).hooks)).toEqual(['Stop', 'PreToolUse', 'SessionStart']);
    const cursor = JSON.parse(readFileSync(path.join(fx.primary, '.cursor/hooks.json'), 'utf8'));
    expect(cursor.version).toBe(1);
    expect(cursor.hooks.afterFileEdit).toEqual([{ command: './format.sh' }]);
    expect(cursor.hooks.beforeShellExecution).toEqual([{ command: expect.stringContaining('agent-hook') }]);
    // personal settings stay out of git, through .git/info/exclude, never a tracked file
    expect(gitResult(fx.primary, 'check-ignore', '-q', '.claude/settings.local.json').code).toBe(0);
    expect(git(fx.primary, 'status', '--porcelain')).not.toMatch(/settings\.local|\.gitignore/);

    const again = guard(fx.primary, ['install', '--agents', 'claude,codex,cursor']);
    expect(again.stdout).toMatch(/nothing to do/);
    expect(again.stdout).toMatch(/4 files already as wanted/);

    const u = guard(fx.primary, ['uninstall', '--agents']);
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/restore .*settings\.local\.json byte for byte/);
    expect(snapshot(fx.primary, FILES)).toEqual(before);
    expect(readFileSync(path.join(fx.primary, '.git/info/exclude'))).toEqual(excludeBefore);
    expect(existsSync(path.join(fx.primary, '.git/worktree-guard/agent-hook'))).toBe(false);
    expect(existsSync(path.join(fx.primary, '.git/worktree-guard/agents'))).toBe(false);
  });

  it('files it created go, with their directories, and so do the links bootstrap made to them', () => {
    const fx = healthyRepo(['feat/a']);
    for (const d of ['.codex', '.cursor']) expect(existsSync(path.join(fx.primary, d))).toBe(false);
    const before = git(fx.primary, 'status', '--porcelain');
    expect(guard(fx.primary, ['install', '--agents', 'claude,codex,cursor']).code).toBe(0);
    // a worktree made afterwards gets the personal settings through bootstrap's link
    const wt = path.join(fx.root, 'app-feat-z');
    expect(guard(fx.primary, ['new', 'feat/z']).code).toBe(0);
    expect(readFileSync(path.join(wt, '.claude/settings.local.json'), 'utf8')).toMatch(/agent-hook/);
    expect(guard(fx.primary, ['uninstall', '--agents']).code).toBe(0);
    for (const rel of FILES) expect(existsSync(path.join(fx.primary, rel))).toBe(false);
    for (const d of ['.codex', '.cursor']) expect(existsSync(path.join(fx.primary, d))).toBe(false);
    expect(existsSync(path.join(wt, '.claude/settings.local.json'))).toBe(false);
    expect(git(wt, 'status', '--porcelain')).toBe('');
    expect(git(fx.primary, 'status', '--porcelain')).toBe(before);
  });

  it('a file changed since keeps the change: only guard’s entries go', () => {
    const fx = makeRepo({ name: 'edited' });
    write(path.join(fx.primary, '.codex/hooks.json'), USER_SETTINGS['.codex/hooks.json'] as string);
    expect(guard(fx.primary, ['install', '--agents', 'codex']).code).toBe(0);
    const file = path.join(fx.primary, '.codex/hooks.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.hooks.PreToolUse.push({ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo added later' }] });
    doc.model = 'added later';
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const u = guard(fx.primary, ['uninstall', '--agents']);
    expect(u.stdout).toMatch(/remove guard's hooks from .*hooks\.json \(everything else in it stays\)/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      hooks: {
        Stop: [{ hooks: [{ type: 'command', command: 'echo stop' }] }],
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo added later' }] }],
      },
      model: 'added later',
    });
  });

  it('writes through a settings file that is a link (to a dotfiles repository, say), and keeps the link', () => {
    const fx = makeRepo({ name: 'linked settings' });
    const dotfiles = path.join(fx.root, 'dotfiles', 'claude-local.json');
    write(dotfiles, '{\n  "model": "opus"\n}\n');
    mkdirSync(path.join(fx.primary, '.claude'));
    symlinkSync(dotfiles, path.join(fx.primary, '.claude/settings.local.json'));
    expect(guard(fx.primary, ['install', '--agents', 'claude']).code).toBe(0);
    expect(lstatSync(path.join(fx.primary, '.claude/settings.local.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(dotfiles, 'utf8')).toMatch(/agent-hook/);
    expect(guard(fx.primary, ['uninstall', '--agents']).code).toBe(0);
    expect(lstatSync(path.join(fx.primary, '.claude/settings.local.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(dotfiles, 'utf8')).toBe('{\n  "model": "opus"\n}\n');
  });

  it('--shared writes the tracked .claude/settings.json, for the team to commit', () => {
    const fx = makeRepo({ name: 'shared' });
    write(path.join(fx.primary, '.claude/settings.json'), '{\n  "model": "opus"\n}\n');
    git(fx.primary, 'add', '.claude/settings.json');
    git(fx.primary, 'commit', '-q', '-m', 'team settings');
    const r = guard(fx.primary, ['install', '--agents', 'claude', '--shared']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/settings\.json is tracked: commit it/);
    expect(existsSync(path.join(fx.primary, '.claude/settings.local.json'))).toBe(false);
    expect(git(fx.primary, 'status', '--porcelain')).toBe(' M .claude/settings.json\n');
    expect(guard(fx.primary, ['uninstall', '--agents']).code).toBe(0);
    expect(git(fx.primary, 'status', '--porcelain')).toBe('');
  });

  it('refuses a tracked personal settings file and an unreadable one, changing nothing', () => {
    const fx = makeRepo({ name: 'refuse' });
    write(path.join(fx.primary, '.claude/settings.local.json'), '{}\n');
    git(fx.primary, 'add', '-f', '.claude/settings.local.json');
    git(fx.primary, 'commit', '-q', '-m', 'oops');
    write(path.join(fx.primary, '.codex/hooks.json'), '{ "hooks": ');
    const r = guard(fx.primary, ['install', '--agents', 'claude,codex']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/settings\.local\.json is tracked by git: .*Use --shared/);
    expect(r.stdout).toMatch(/hooks\.json is not a JSON object guard can merge into/);
    expect(readFileSync(path.join(fx.primary, '.codex/hooks.json'), 'utf8')).toBe('{ "hooks": ');
    expect(git(fx.primary, 'status', '--porcelain')).toBe('?? .codex/\n');
  });

  it('without a list: the agents whose configuration directory exists here or in the home', () => {
    const fx = makeRepo({ name: 'detect' });
    // the test HOME has Claude Code's config dir (CLAUDE_CONFIG_DIR), no ~/.codex, no ~/.cursor
    mkdirSync(path.join(fx.primary, '.cursor'));
    const r = guard(fx.primary, ['install', '--agents', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).agents.agents).toEqual(['claude', 'cursor']);
    expect(existsSync(path.join(fx.primary, '.codex'))).toBe(false);
  });

  it('an unknown agent is a usage error (exit 2)', () => {
    const fx = makeRepo({ name: 'unknown' });
    const r = guard(fx.primary, ['install', '--agents', 'claude,copilot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--agents: unknown agent "copilot" \(known: claude, codex, cursor\)/);
  });
});
