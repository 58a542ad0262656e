/**
 * What guard tells coding agents — written for a model: the rule, why it exists, and the exact command
 * to run instead (never a way around it) — and what `guard install --agents` prints for a person.
 */
import type { AgentSession, ConfigTarget } from '@worktree-guard/core';

const denied = 'worktree-guard denied this command';
const nothingRan = 'Nothing ran.';
const wip =
  'keep work in progress as a commit on your own branch: `git add -A && git commit -m "wip: <what>"` (undo later with `git reset --soft HEAD~1`), or `guard park` (and `guard unpark`)';
const CHECKS = 'identity per worktree, one branch per worktree, no shared stash';

const TARGET: Record<ConfigTarget, string> = {
  local: 'the shared .git/config, which every worktree of this repository reads',
  worktree: "this worktree's own configuration",
  global: 'your global git configuration, which every repository on this machine reads',
  system: "the system's git configuration, which every user and repository on this machine reads",
  file: 'a configuration file outside this worktree',
};

export function sessionLabel(s: AgentSession, now: number, age: (ms: number) => string): string {
  const when = `${s.since.slice(0, 16).replace('T', ' ')} UTC, ${age(now - Date.parse(s.since))}`;
  return `${s.agent} session ${s.id}${s.pid ? ` (pid ${s.pid})` : ''}, since ${when}`;
}

export const agents = {
  deny: {
    stash: (action: string, n: number) =>
      action === 'push' ||
      action === 'save' ||
      action === 'create' ||
      action === 'store' ||
      action === 'branch'
        ? `${denied}: \`git stash\` is off while this repository has ${n} worktrees. The stash is one stack shared by all of them: an entry made here can be popped in another worktree (applying these changes to another branch), and a pop or drop elsewhere can take it. ${nothingRan} Your changes are untouched. Instead, ${wip}. For a separate task, make a worktree of your own: \`guard new <branch>\`.`
        : `${denied}: \`git stash ${action}\` is off while this repository has ${n} worktrees. The stash is one stack shared by all of them, so its entries may belong to other worktrees or sessions: applying one here puts someone else's changes on this branch, and dropping one loses their work. ${nothingRan} To look, \`git stash list\` and \`git stash show -p stash@{<n>}\` are allowed. To recover entries safely, \`guard rescue\` turns each into a branch (rescued/<branch>/<n>) without touching any worktree.`,
    'stash-override': (text: string) =>
      `${denied}: \`${text}\` switches off the stash rule of this repository, whose stash is shared by all its worktrees. The rule is not to be worked around. ${nothingRan} Instead, ${wip}.`,
    'hooks-path': (text: string) =>
      `${denied}: \`${text}\` points git at another hooks directory, which switches off the checks this repository relies on (${CHECKS}). ${nothingRan} Run the command without it; if a check then refuses, its message says what to do.`,
    'hooks-off': (text: string) =>
      `${denied}: \`${text}\` switches off this repository's git hooks (worktree-guard's checks: ${CHECKS}). ${nothingRan} Run the command without it; if a check then refuses, follow the fix it prints.`,
    'no-verify': (text: string) =>
      `${denied}: \`${text}\` skips the pre-commit check (a worktree-scoped identity, a branch no other worktree has checked out). ${nothingRan} Commit without --no-verify (or -n); if the check refuses the commit, its message names the fix.`,
    identity: (key: string, target: ConfigTarget) =>
      `${denied}: \`git config ${key} …\` without --worktree writes ${TARGET[target]}, so other worktrees and sessions would commit as that identity. ${nothingRan} Set it for this worktree only: \`git config --worktree ${key} "<value>"\` (the current one: \`git config ${key}\`).`,
    'branch-elsewhere': (branch: string, worktree: string) =>
      `${denied}: branch \`${branch}\` is checked out in another worktree, ${worktree} (another person or agent may be working there). Two worktrees on one branch overwrite each other's work. ${nothingRan} Work on \`${branch}\` only in that worktree (\`cd ${worktree} && …\`) and only if it is yours; otherwise start a branch of your own here (\`git switch -c <new-branch>\`) or in a new worktree (\`guard new <new-branch>\`).`,
    session: (what: 'command' | 'edit', worktree: string, owner: string) =>
      `worktree-guard denied this ${what}: another agent session is working in this worktree (${worktree}): ${owner}. Two sessions in one worktree overwrite each other's files, index and branch, and this repository allows one (agents.sessions: block): your file edits and git writes here are denied, reading is fine. ${what === 'edit' ? 'Nothing was written.' : nothingRan} Get a worktree of your own: \`guard new <branch>\` creates one and prints its directory; then work there (\`cd <dir> && …\` in each command, or a new session started in it).`,
    serial: (locks: string[], command: string) =>
      `worktree-guard: this command uses a shared resource (${locks.map((l) => `"${l}"`).join(', ')}) that the worktrees of this repository take turns on (config serial.commands). ${nothingRan} Run it under the lock instead, exactly as: ${command}`,
    /** Cursor shows this to the person; the model gets the full reason. */
    userMessage: 'worktree-guard blocked this command: the agent was told why and what to run instead.',
  },
  context: {
    head: (n: number) =>
      `worktree-guard: this repository has ${n} worktree${n === 1 ? '' : 's'}, one per task, each on its own branch.`,
    here: (path: string, branch: string | null, primary: boolean) =>
      `- You are in ${path}${primary ? ' (the primary checkout)' : ''}, on ${branch ? `branch ${branch}` : 'a detached HEAD'}.`,
    base: (ref: string, commit: string, ago: string) =>
      ` It started from ${ref} at ${commit.slice(0, 10)} ${ago}.`,
    fetched: (remoteBase: string, ago: string, ahead: number | null, behind: number | null) =>
      ` ${remoteBase} was last fetched ${ago}${ahead !== null && behind !== null ? `; this branch is ${ahead} ahead, ${behind} behind it` : ''}.`,
    neverFetched: (remoteBase: string) => ` ${remoteBase} has never been fetched here.`,
    others: (list: string) => `- Other worktrees (not yours unless the user says so): ${list}.`,
    other: (path: string, branch: string | null, sessions: number) =>
      `${path} (${branch ?? 'detached'}${sessions ? `, ${sessions} agent session${sessions === 1 ? '' : 's'} live` : ''})`,
    more: (n: number) => `and ${n} more`,
    rules: (stash: string) =>
      `- Rules here: ${stash} never check out a branch another worktree has (for new work: \`guard new <branch>\`, or \`git switch -c <branch>\` here); commit with this worktree's own identity (\`git config --worktree user.email …\`, never a plain \`git config user.*\`); never bypass the hooks (--no-verify, -c core.hooksPath, WORKTREE_GUARD=0, HUSKY=0). A command that breaks a rule is denied with the reason and what to run instead.`,
    stashRule:
      'no `git stash` (its one stack is shared by every worktree: commit work in progress on your branch, or `guard park`);',
    stashFree: '`git stash` is allowed while this is the only worktree;',
    findings: (list: string) => `- guard doctor finds here: ${list}.`,
    finding: (id: string, message: string, fix: string | null) =>
      `${id}: ${message}${fix ? ` (fix: ${fix})` : ''}`,
    ports: (list: string) =>
      `- Ports leased to this worktree (unique across worktrees; in your shell's environment where the agent supports it): ${list}. Use them for dev servers instead of fixed ports; \`guard port <name>\` leases another.`,
    port: (env: string, port: number) => `${env}=${port}`,
    portsError: (message: string) => `- A port for this session could not be leased: ${message}`,
    serial: (list: string) =>
      `- Commands that take turns across worktrees (guard runs them under a lock, waiting while another worktree holds it): ${list}. Run others of that kind as \`guard run --serial <lock> -- <command>\`.`,
    serialLock: (lock: string, patterns: string[]) =>
      `"${lock}": ${patterns.map((p) => `\`${p}\``).join(', ')}`,
    configError: (message: string) =>
      `- The worktree-guard configuration is invalid, so its defaults are in force: ${message}`,
    earlier: (owner: string, block: boolean) =>
      `- WARNING: another agent session is already working in this worktree: ${owner}. Two sessions in one worktree overwrite each other's files, index and branch. Get a worktree of your own: run \`guard new <branch>\` and work in the directory it prints (or ask the user to start you there).${block ? ' Until then your file edits and git writes here are denied (agents.sessions: block).' : ''}`,
  },
  install: {
    header: (names: string[], dry: boolean) =>
      `guard install --agents${dry ? ' (dry run: nothing changed)' : ''}: ${names.join(', ') || 'no agent'}`,
    uninstallHeader: (dry: boolean) => `guard uninstall --agents${dry ? ' (dry run: nothing changed)' : ''}`,
    writeScript: (file: string) => `write ${file} (what the agents' hooks run)`,
    removeScript: (file: string) => `remove ${file}`,
    writeSettings: (file: string, existed: boolean) =>
      existed
        ? `add guard's hooks to ${file} (the rest stays as it is)`
        : `create ${file} with guard's hooks`,
    restore: (file: string, content: string | null, exact: boolean) =>
      content === null
        ? `remove ${file} (guard created it)`
        : exact
          ? `restore ${file} byte for byte as it was before guard`
          : `remove guard's hooks from ${file} (everything else in it stays)`,
    exclude: (file: string) =>
      `add /.claude/settings.local.json to ${file} (personal settings stay out of git)`,
    unexclude: (file: string) => `remove guard's rule from ${file}`,
    unlink: (file: string, target: string) => `remove ${file} (bootstrap's link to ${target}, removed above)`,
    satisfied: (n: number) => `${n} file${n === 1 ? '' : 's'} already as wanted`,
    nothing: 'nothing to do',
    trackedPersonal: (file: string) =>
      `${file} is tracked by git: guard writes only personal settings git ignores. Use --shared (the team's .claude/settings.json), or untrack it first`,
    unreadable: (file: string, message: string) =>
      `${file} is not a JSON object guard can merge into (${message}): fix it, then run the command again`,
    noCheckout:
      'the primary is a bare repository: agents read their settings from a checkout. Run guard install --agents in a repository with a primary checkout',
    tracked: (file: string) => `${file} is tracked: commit it, and every clone's agents get the hooks`,
    noneFound:
      'no coding agent found (.claude, .codex or .cursor in the repository or your home): name them, e.g. guard install --agents claude,codex,cursor',
    codexTrust: "Codex runs a project's hooks once you trust the project (it asks)",
    linkExisting:
      'worktrees that exist already get .claude/settings.local.json through bootstrap: guard doctor --fix links it',
    noParser:
      "the shell parser (tree-sitter) could not be loaded here: agent hooks let every command through, and git's own hooks still refuse what they refuse",
    unknownAgent: (name: string, known: readonly string[]) =>
      `--agents: unknown agent "${name}" (known: ${known.join(', ')})`,
  },
  /** The sentences guard's script prints itself (no quotes, $, backslashes: they go into sh). */
  script: {
    agentNoGuard: 'guard cannot run (node or the worktree-guard CLI is missing): the command was let through',
    agentFailed: 'the agent hook failed, the command was let through',
  } as Record<string, string>,
};
