/** Every sentence the CLI prints, in one place. Core's sentences live in core's messages.ts. */

export const VERSION = '0.1.0';

export const help = {
  main: `guard — safe parallel work in git worktrees, on plain git

Usage: guard <command> [options]

Commands:
  new <branch> [dir] [base]   fetch, then a bootstrapped worktree on <branch>
  bootstrap [--dry-run]       make the current worktree faithful to the primary (idempotent)
  doctor [--json] [--fix]     check every rule across all worktrees; --fix repairs what is safe
  list [--json]               every worktree: branch, identity, base, dirty, fetch age, links
  install [--dry-run]         arm the hook shims for every worktree, existing and future
  uninstall [--dry-run]       disarm them: the hooks directories end as they were
  park [-m msg] / unpark      park WIP as a commit on this branch (instead of git stash) / take it back
  rescue [--dry-run]          turn every stash entry into a branch, then drop it from the shared stash
  demo [--keep]               a guided run in a throwaway sandbox repository
  hook <name> [args...]       entry point for the shims (not for people)

Options:
  -h, --help     show help (also: guard <command> --help)
  --version      print the version

Exit codes: 0 all good · 1 a rule is broken or an operation was refused · 2 usage or configuration error.
Configuration: .worktreeguardrc.json (or .yaml, worktreeguard.config.js, "worktreeguard" in package.json).`,

  new: `Usage: guard new [options] [--] <branch> [dir] [base]

Fetches <remote>, then adds a worktree on <branch> and bootstraps it:
  - a new branch starts from [base], default <remote>/<baseBranch> (origin/main) — never a local main;
  - an existing local branch is attached; a branch only on the remote is created tracking it;
  - a branch already checked out in another worktree is refused.
[dir] defaults to ../<repo-dir>-<branch-slug>, beside the primary checkout.

Options:
  --no-fetch   do not fetch first (branch from what was fetched last)
  --json       print the result as one JSON document
  -h, --help   show this help`,

  bootstrap: `Usage: guard bootstrap [--dry-run] [--json]

Makes the current worktree faithful to the primary checkout; running it twice changes nothing:
  - links each configured "links" path the primary has and git ignores (.venv, .env, .claude/settings*.json);
  - copies "copies" entries and .worktreeinclude matches, modes kept;
  - enables extensions.worktreeConfig and pins user.name/user.email at worktree scope (here and in the primary);
  - links Claude Code's project memory (and other "sharedDirs") to the primary's;
  - runs "setup" commands once.
Nothing that exists is overwritten, moved or deleted: a conflict is reported and the exit code is 1.

Options:
  --dry-run    print the plan and change nothing
  --json       print the report as one JSON document
  -h, --help   show this help`,

  install: `Usage: guard install [--dry-run] [--json]

Arms the worktree-guard hook shims (post-checkout, pre-commit, reference-transaction) so that plain git
keeps the rules in every worktree, existing and future:
  - git worktree add   bootstraps the new worktree (post-checkout);
  - git stash          is refused while several worktrees exist (reference-transaction; config "stash");
  - git commit         is refused without a worktree-scoped identity, on a branch checked out in another
                       worktree, or on a "protectedBranches" branch from a linked worktree (pre-commit).
Without core.hooksPath the shims go in $(git rev-parse --git-common-dir)/hooks. With one (husky's
.husky/_, or any other, at repo or worktree scope) they go in the directory each worktree uses.
A hook that was there keeps running after guard's check (kept as <hook>.guard-chained).
Installing twice is installing once. WORKTREE_GUARD=0 (or HUSKY=0) turns the shims off for a command.

Options:
  --dry-run    print what would change and change nothing
  --json       print the plan as one JSON document
  -h, --help   show this help`,

  uninstall: `Usage: guard uninstall [--dry-run] [--json]

Removes exactly what guard install added: the shims and worktree-guard.sh are deleted, and each hook that
was there before is renamed back from <hook>.guard-chained, byte for byte as it was.

Options:
  --dry-run    print what would change and change nothing
  --json       print the plan as one JSON document
  -h, --help   show this help`,

  doctor: `Usage: guard doctor [--json] [--fix]

Checks every rule across all worktrees and prints each finding with the command that fixes it:
  live-stash            stash entries while several worktrees share the one stack (fix: guard rescue)
  identity-not-pinned   a worktree without user.name/user.email at worktree scope, or the extension off
  identity-leak         an identity in the shared .git/config that differs from the primary's pin
  duplicate-branch      one branch checked out in several worktrees
  detached-head         a worktree on no branch
  stale-base            the last fetch older than maxFetchAge, or a branch that started behind the remote base
  local-base            a branch carrying commits of the local base branch the remote does not have
  hooks-disarmed        a worktree where git would not run the guard shims
  hooks-not-installed   guard armed nowhere (fix: guard install)
  link-missing, link-broken, link-not-ignored, memory-not-shared
  prunable, worktree-missing, config-invalid
Exit 0 when there is no error (warnings allowed), 1 otherwise.

Options:
  --fix        repair what cannot lose data — re-pin, re-link, share memory, re-arm hooks — then check again.
               It never drops a stash, resets a tree, or deletes or overwrites a file.
  --json       print {"findings": [...], "worktrees": [...]} and nothing else on stdout
  -h, --help   show this help`,

  list: `Usage: guard list [--json]

Every worktree: path, branch, HEAD, pinned identity, ahead/behind the remote base, dirty counts
(staged, unstaged, untracked), when it last fetched itself (its own FETCH_HEAD), and how many configured
links are in place. Above the table: when the repository last fetched the remote base (any worktree).

Options:
  --json       print {"lastFetch": …, "worktrees": [...]} and nothing else on stdout
  -h, --help   show this help`,

  park: `Usage: guard park [-m <message>] [--json]

Parks everything in this worktree — staged, unstaged and untracked (not ignored) changes — as one WIP
commit on the current branch, and leaves a clean tree: the alternative to git stash, whose one stack is
shared by every worktree. Which changes were staged is kept in the commit too. No file is written: the
working tree already holds the parked content, only the index is set to it. No commit hook runs.
Take it back with guard unpark.

Options:
  -m, --message <msg>   the commit subject (default: "WIP: parked work on <branch>")
  --json                print the result as one JSON document
  -h, --help            show this help`,

  unpark: `Usage: guard unpark [--json]

Undoes the park commit at HEAD: the branch goes back to the commit the work was parked on, the working
tree keeps the parked changes, and what was staged is staged again. Refused (exit 1) when HEAD is not a
park commit, or when there are changes on top of it.

Options:
  --json       print the result as one JSON document
  -h, --help   show this help`,

  rescue: `Usage: guard rescue [--dry-run] [--json]

Turns every stash entry into a branch rescued/<origin-branch>/<n> (n counts per branch, oldest first, and
skips names that exist) whose tip holds the entry's changes — tracked, and untracked for -u entries — as one
commit on the commit it was made on, keeping the stash's subject, author and date. Then each entry is
dropped from the stash, but only after its branch exists and holds exactly what the stash holds, and only
if the stash did not change meanwhile. No working tree or index is touched. Run again after a stop: an
entry rescued before is recognised (trailer Rescued-Stash) and not rescued twice.

Options:
  --dry-run    print the branches it would make and change nothing
  --json       print the result as one JSON document
  -h, --help   show this help`,

  hook: `Usage: guard hook <post-checkout|pre-commit|reference-transaction> [args...]

The entry point the installed shims call. Not meant to be run by hand.`,

  demo: `Usage: guard demo [--keep]

Builds a throwaway sandbox (a bare "origin", a clone with an ignored .env and .venv), runs guard new
twice, and shows the links, the pinned identities and a clean git status. The sandbox is removed
afterwards unless --keep is given.`,
};

export const messages = {
  badArgs: (command: string, why: string) => `${command}: ${why}\nRun "guard ${command} --help" for usage.`,
  tooManyArgs: (command: string, extra: string[]) =>
    `${command}: unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(' ')}\nRun "guard ${command} --help" for usage.`,
  missingArg: (command: string, what: string) =>
    `${command}: missing ${what}\nRun "guard ${command} --help" for usage.`,
  unknownCommand: (name: string) => `unknown command "${name}"\nRun "guard --help" for the list of commands.`,
  errorPrefix: 'guard: ',
  internalError: (message: string) => `internal error: ${message} (set GUARD_DEBUG=1 for the stack)`,

  // progress (stderr)
  fetching: (remote: string) => `fetching ${remote}…`,
  adding: (path: string, branch: string) => `adding worktree ${path} on ${branch}…`,
  setupStart: (command: string) => `setup: ${command}`,
  setupEnd: (command: string, code: number | string) => `setup: ${command} exited ${code}`,
  warning: (text: string) => `warning: ${text}`,

  // bootstrap report
  bootstrapHeader: (path: string, dry: boolean) =>
    dry ? `bootstrap plan for ${path} (dry run: nothing changed)` : `bootstrap ${path}`,
  nothingToDo: (n: number) => `nothing to do: ${n} thing${n === 1 ? '' : 's'} already in place`,
  alreadyInPlace: (n: number) => `${n} already in place`,
  actionText: {
    enableWorktreeConfig: (moves: string[]) =>
      `enable extensions.worktreeConfig${moves.length ? ` (moving ${moves.join(', ')} to the primary's config.worktree)` : ''}`,
    pinIdentity: (who: string, where: string, inherited: boolean) =>
      `pin ${who} at worktree scope in ${where}${inherited ? ' (replacing the pin inherited from the worktree it was made from)' : ''}`,
    link: (rel: string, target: string) => `link ${rel} → ${target}`,
    copy: (rel: string) => `copy ${rel}`,
    createDir: (p: string) => `create ${p}`,
    shareDir: (dest: string, target: string) => `link ${dest} → ${target}`,
    armHooks: (dir: string, from: string) =>
      `arm hooks: copy ${from} to ${dir} (git runs no hook here without it)`,
    setup: (commands: string[]) => `run setup: ${commands.join(' && ')}`,
    recordBase: (branch: string, ref: string | null, commit: string) =>
      `record where ${branch} started: ${ref && ref !== commit ? `${ref} @ ` : ''}${commit.slice(0, 10)} (for guard doctor)`,
  },

  // guard new banner
  ready: (path: string) => `worktree ready: ${path}`,
  notQuiteReady: (path: string) => `worktree created, but it needs a person: ${path}`,
  bannerBranch: (branch: string, how: string) => `${branch} (${how})`,
  howNew: (ref: string, commit: string) => `new, from ${ref} @ ${commit.slice(0, 10)}`,
  howAttached: 'existing branch, attached',
  howTracking: (remote: string) => `new, tracking ${remote}`,
  fetchedFresh: (remote: string, when: string) => `${remote} fetched ${when}`,
  fetchedSkipped: (remote: string, when: string) =>
    `not fetched (--no-fetch); ${remote} last fetched ${when}`,
  fetchedNone: 'no remote: nothing fetched',
  none: '—',
  identityPinned: (name: string, email: string) => `${name} <${email}> (pinned at worktree scope)`,
  identityMissing: 'not pinned — see below',
  rules: [
    'no git stash here: the stash is shared by every worktree — park WIP with guard park',
    'one branch per worktree: switch branches in another worktree, not here',
  ],
  next: (path: string) => `cd ${path}`,
  // hooks
  hooks: {
    installHeader: (n: number, dry: boolean) =>
      `guard install${dry ? ' (dry run: nothing changed)' : ''}: ${n} hooks director${n === 1 ? 'y' : 'ies'}`,
    uninstallHeader: (dry: boolean) => `guard uninstall${dry ? ' (dry run: nothing changed)' : ''}`,
    createDir: (dir: string) => `create ${dir} (core.hooksPath points there)`,
    seedDir: (dir: string, from: string) =>
      `create ${dir} as a copy of ${from} (it was missing, so git ran no hook in that worktree)`,
    write: (file: string) => `write ${file}`,
    update: (file: string) => `update ${file}`,
    chain: (file: string, chained: string) =>
      `write ${file}; the hook that was there keeps running as ${chained}`,
    remove: (file: string) => `remove ${file}`,
    unchain: (chained: string, file: string) => `restore ${file} from ${chained}`,
    relativeNote: (value: string, scope: string, worktree: string) =>
      `core.hooksPath=${value} (${scope} scope) is relative: ${worktree} uses its own copy`,
    chainedDiffers: (file: string, chained: string) =>
      `${file} is not guard's, and ${chained} already holds a different hook: compare them, keep one, then run guard install again`,
    notAFile: (file: string) => `${file} is not a regular file guard can chain: left as it is`,
    huskyTip:
      'husky rewrites .husky/_ on every install: run "guard install" after it, e.g. "prepare": "husky && guard install"',
  },
  doctor: {
    header: (worktrees: number, errors: number, warnings: number) =>
      `guard doctor: ${worktrees} worktree${worktrees === 1 ? '' : 's'}, ${
        errors + warnings === 0
          ? 'every rule holds'
          : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
      }`,
    worktree: (path: string, what: string) => `${path} (${what})`,
    primary: 'primary',
    detached: 'detached',
    gone: 'directory gone',
    fix: (command: string) => `fix: ${command}`,
    autofix: '[--fix]',
    autofixFooter: 'guard doctor --fix repairs what is marked [--fix]; the rest needs a person.',
    fixHeader: 'guard doctor --fix',
    fixNothing: 'nothing guard can repair safely',
    fixIn: (path: string) => `in ${path}:`,
    afterFix: 'checked again:',
  },
  list: {
    columns: ['WORKTREE', 'BRANCH', 'HEAD', 'IDENTITY', 'BASE ±', 'DIRTY', 'FETCHED', 'LINKS'],
    lastFetch: (base: string, when: string) =>
      `${base}: last fetched ${when} (FETCHED: each worktree's own last fetch; BASE ±: ahead/behind ${base})`,
    primary: ' (primary)',
    detached: '(detached)',
    gone: '(gone)',
    none: '—',
    clean: 'clean',
    dirty: (staged: number, unstaged: number, untracked: number, conflicted: number) =>
      [
        staged ? `${staged} staged` : '',
        unstaged ? `${unstaged} changed` : '',
        untracked ? `${untracked} new` : '',
        conflicted ? `${conflicted} conflicted` : '',
      ]
        .filter(Boolean)
        .join(', '),
    aheadBehind: (ahead: number, behind: number) => (ahead || behind ? `+${ahead} -${behind}` : '='),
  },
  park: {
    parked: (short: string, branch: string | null, files: number) =>
      `parked ${files} file${files === 1 ? '' : 's'} as ${short} on ${branch ?? 'a detached HEAD'}; the tree is clean`,
    nothing: 'nothing to park: no staged, unstaged or untracked changes',
    back: 'take it back with: guard unpark',
    unparked: (short: string, branch: string | null) =>
      `unparked ${short} on ${branch ?? 'a detached HEAD'}: your changes are back, staged as they were`,
  },
  rescue: {
    header: (n: number, dry: boolean) =>
      `guard rescue${dry ? ' (dry run: nothing changed)' : ''}: ${n} stash entr${n === 1 ? 'y' : 'ies'}`,
    empty: 'nothing to rescue: the stash is empty',
    item: (ref: string, branch: string, subject: string) => `${ref} → ${branch}  (${subject})`,
    already: 'rescued earlier',
    failed: (ref: string, why: string) => `${ref}: ${why} — kept in the stash`,
    dropped: (n: number) =>
      `dropped ${n} entr${n === 1 ? 'y' : 'ies'} from the stash, each after checking its branch`,
    stashChanged:
      'the stash changed while rescuing, so nothing was dropped: the branches are made; run guard rescue again',
    apply: (where: string | null, branch: string) =>
      `${where ? `git -C ${where} ` : 'git '}cherry-pick --no-commit ${branch}`,
    applyHeader: 'apply one where it belongs (its changes land staged; nothing is committed):',
  },
  hookBootstrapped: (path: string) => `worktree-guard: bootstrapped ${path}`,
  hookNeedsPerson:
    'worktree-guard: the worktree was created; what is marked ✗ needs a person (then: guard bootstrap)',
  commitRefused: 'worktree-guard: commit refused',
  fixPrefix: 'fix: ',
  stashRefused:
    'worktree-guard: git stash refused — the stash is one stack shared by every worktree, and several exist: a stash popped in the wrong one corrupts it. Nothing was stashed; your changes are where they were.',
  stashWarned:
    'worktree-guard: warning — the stash is shared by every worktree and several exist: pop this stash in this worktree only.',
  stashAlternatives: [
    'instead:  guard park                         (park the work as a commit on this branch; guard unpark takes it back)',
    '          git commit -am wip                 (the same by hand; undo with git reset --soft HEAD~1)',
    '          guard new scratch/<name>           (a scratch worktree for the other task)',
    '          git switch -c <branch>             (carry the changes to a new branch)',
    'or, once: git -c worktreeguard.stash=allow stash …',
  ],
  unknownHook: (name: string) => `worktree-guard: unknown hook "${name}"`,
  hookConfigError: (what: string, stashing: boolean) =>
    `worktree-guard: configuration error, ${stashing ? 'so the stash is refused to be safe' : 'checks skipped'} — ${what.split('\n').join('; ')}`,
  hookInternalError: (hook: string, what: string, log: string, stashing: boolean) =>
    `worktree-guard: internal error in the ${hook} hook (${what}; details in ${log}); ${stashing ? 'the stash is refused to be safe' : 'git goes on'}`,
  labels: {
    branch: 'branch',
    fetch: 'base',
    linked: 'linked',
    copied: 'copied',
    memory: 'memory',
    identity: 'identity',
    setup: 'setup',
    rules: 'rules',
    next: 'next',
  },
};
