/** Every sentence the CLI prints, in one place. Core's sentences live in core's messages.ts. */

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
    restoreMoved: (chained: string, file: string) =>
      `restore ${file} from ${chained} (where the hook manager that moved guard's shim aside keeps the hook it replaced)`,
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
  hook: {
    bootstrapped: (path: string) => `worktree-guard: bootstrapped ${path}`,
    needsPerson:
      'worktree-guard: the worktree was created; what is marked ✗ needs a person (then: guard bootstrap)',
    commitRefused: 'worktree-guard: commit refused',
    fixPrefix: 'fix: ',
    stashRefused:
      'worktree-guard: git stash refused — the stash is one stack shared by every worktree, and several exist: a stash popped in the wrong one corrupts it. Nothing was stashed; your changes are where they were.',
    stashUnknownRefused: (oid: string) =>
      `worktree-guard: a new stash entry was refused — the stash is one stack shared by every worktree, and several exist. If you ran git stash, nothing was stashed and your changes are where they were. If a program was storing a backup, it is commit ${oid}: keep it with git branch stash-backup ${oid}`,
    stashWarned:
      'worktree-guard: warning — the stash is shared by every worktree and several exist: pop this stash in this worktree only.',
    safetyNet: (oid: string, by: string, n: number) =>
      `worktree-guard: ${by ? `"${by}" ` : ''}stored stash entry ${oid.slice(0, 10)} as a backup; it was let through so that nothing is lost. The stash is shared by all ${n} worktrees: if the entry stays, guard doctor reports it and guard rescue turns it into a branch.`,
    stashAlternatives: [
      'instead:  guard park                         (park the work as a commit on this branch; guard unpark takes it back)',
      '          git commit -am wip                 (the same by hand; undo with git reset --soft HEAD~1)',
      '          guard new scratch/<name>           (a scratch worktree for the other task)',
      '          git switch -c <branch>             (carry the changes to a new branch)',
    ],
    /** Shown to a person at a terminal, never to an agent (it would simply run it). */
    escapeHatch: 'or, once: git -c worktreeguard.stash=allow stash …',
    unknownHook: (name: string) => `worktree-guard: unknown hook "${name}"`,
    configError: (file: string, key: string, message: string, more: number, consequence: string) =>
      `worktree-guard: configuration error in ${file}: ${key ? `${key}: ` : ''}${message}${more ? ` (and ${more} more: guard doctor lists them)` : ''} — ${consequence}`,
    configConsequence: {
      'pre-commit': 'checked with the defaults: identity and one branch per worktree still hold',
      'post-checkout': 'the new worktree was not bootstrapped; fix it, then run guard bootstrap there',
      'reference-transaction': 'the stash rule holds with its default (block)',
    } as Record<string, string>,
    internalError: (hook: string, what: string, log: string, goesOn: string) =>
      `worktree-guard: internal error in the ${hook} hook (${what}; details in ${log}); ${goesOn}`,
    goesOn: 'git goes on',
    stashRefusedToBeSafe: 'the stash is refused to be safe',
  },
  /** What the shims print themselves, when guard cannot run (no quotes, $, backslashes: they go into sh). */
  shim: {
    noNode: 'node not found (guard needs Node.js 20 or newer on PATH)',
    noCli: 'the guard CLI is gone from',
    failed: 'guard could not run',
    repair:
      'Repair: reinstall worktree-guard (npm i -g worktree-guard, or npm install where it is a dependency), then run guard install.',
    offBootstrap: 'off (WORKTREE_GUARD=0 or HUSKY=0): new worktree not bootstrapped',
    skippedBootstrap: 'the new worktree was not bootstrapped: run guard bootstrap there once guard works',
    offCommit: 'off (WORKTREE_GUARD=0 or HUSKY=0): commit not checked',
    skippedCommit: 'the commit was not checked and goes on',
    offStash: 'off (WORKTREE_GUARD=0 or HUSKY=0): stash not checked',
    storeLetThrough:
      'a program stored a stash entry as its backup: it was let through, so that nothing is lost',
    stashRefusedToBeSafe: 'the new stash entry is refused to be safe',
    stashRefused:
      'git stash refused — the stash is one stack shared by every worktree, and several exist. Nothing was stashed; your changes are where they were. Instead: git commit -am wip (undo with git reset --soft HEAD~1), or git switch -c <branch>.',
    skippedProtected: 'the protected branches were checked against the list guard wrote last',
    offProtected: 'off (WORKTREE_GUARD=0 or HUSKY=0): protected branch not checked',
    protectedRefused:
      'is a protected branch (protectedBranches): no linked worktree updates it. Commit on a branch of your own (git switch -c <branch>), or update it in the primary checkout,',
  } as Record<string, string>,
  demo: {
    repo: 'A repository with an origin, an ignored .env and .venv — like yours',
    install: 'guard install — from now on, plain git keeps the rules',
    stillThere: (status: string) => `the change is still there: ${status}`,
    parkWhy: '(the alternative: WIP as a commit on this branch, not in the shared stash)',
    newcomer: 'What a newcomer sees in each worktree',
    doctor: 'guard doctor — damage done by hand is found, and what is safe is repaired',
    leakFix: '(the fix doctor printed for the leak)',
    summary: `Four worktrees, one .env and one .venv; each identity pinned at worktree scope, so a plain
"git config user.email" in one worktree cannot leak into the others; git stash refused while they share it.`,
    kept: (dir: string) => `sandbox kept: ${dir}`,
  },
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
