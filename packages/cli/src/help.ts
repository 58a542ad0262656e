/** Every command's --help text, in one place. */

export const help = {
  main: `guard — safe parallel work in git worktrees, on plain git

Usage: guard <command> [options]

Commands:
  new <branch> [dir] [base]   fetch, then a bootstrapped worktree on <branch>
  bootstrap [--dry-run]       make the current worktree faithful to the primary (idempotent)
  doctor [--json] [--fix]     check every rule across all worktrees; --fix repairs what is safe
  list [--json]               every worktree: branch, identity, base, dirty, fetch age, links
  install [--dry-run]         arm the hook shims for every worktree, existing and future
                              (--agents: also coding agents' hooks — Claude Code, Codex, Cursor)
  uninstall [--dry-run]       disarm them: the hooks directories end as they were
  park [-m msg] / unpark      park WIP as a commit on this branch (instead of git stash) / take it back
  rescue [--dry-run]          turn every stash entry into a branch, then drop it from the shared stash
  run --serial <n> -- <cmd>   run a command holding a lock shared by every worktree (--remote: every clone)
  locks [--json]              the locks held, by whom, since when, and who waits
  port <name> [--env]         a port for <name> unique to this worktree (--release, --list)
  remove [<wt|branch>...]     remove worktrees only when nothing would be lost, and what guard made outside
  sweep [--dry-run] [--yes]   remove every worktree whose work is integrated and has nothing to lose
  demo [--keep]               a guided run in a throwaway sandbox repository
  hook <name> [args...]       entry point for the shims (not for people)
  agent-hook <agent> <event>  entry point for coding agents' hooks (not for people)

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

  install: `Usage: guard install [--agents [claude,codex,cursor]] [--shared] [--global] [--dry-run] [--json]

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

With --agents, also writes guard's hooks into coding agents' settings in the primary checkout, merged with
what is there: Claude Code (.claude/settings.local.json, kept out of git through .git/info/exclude),
Codex (.codex/hooks.json), Cursor (.cursor/hooks.json). Before a shell command runs, they deny git stash
(while several worktrees exist) and the ways around the hooks, with the reason and what to run instead;
at session start (Claude Code, Codex) the agent is told where it is and which rules hold, and a second
live session in one worktree is told about the first. Without a list: the agents whose configuration
directory exists in the repository or your home.

Options:
  --agents [list]  also the agents' hooks (comma-separated: claude,codex,cursor)
  --shared     Claude Code: write the tracked .claude/settings.json (for the team) instead
  --global     arm a hooks directory that core.hooksPath sets in the global or system configuration
               (refused without it: that directory serves every repository on this machine)
  --dry-run    print what would change and change nothing
  --json       print the plan as one JSON document
  -h, --help   show this help`,

  uninstall: `Usage: guard uninstall [--agents] [--global] [--dry-run] [--json]

Removes exactly what guard install added: the shims and worktree-guard.sh are deleted, and each hook that
was there before is renamed back from <hook>.guard-chained, byte for byte as it was.
With --agents, also guard's entries in the agents' settings: a file guard's entries were the only change
to is put back byte for byte (or removed, if guard created it); in any other, only guard's entries go.

Options:
  --agents     also the coding agents' hooks
  --global     disarm a hooks directory set in the global or system configuration (as install --global)
  --dry-run    print what would change and change nothing
  --json       print the plan as one JSON document
  -h, --help   show this help`,

  doctor: `Usage: guard doctor [--json] [--fix]

Checks every rule across all worktrees and prints each finding with the command that fixes it:
  live-stash            stash entries while several worktrees share the one stack (fix: guard rescue)
  identity-not-pinned   a worktree without user.name/user.email at worktree scope, or the extension off
  identity-leak         an identity in the shared .git/config that differs from the primary's pin
  duplicate-branch      one branch checked out in several worktrees
  protected-branch      a linked worktree on a "protectedBranches" branch
  detached-head         a worktree on no branch
  stale-base            the last fetch older than maxFetchAge, or a branch that started behind the remote base
  local-base            a branch carrying commits of the local base branch the remote does not have
  hooks-disarmed        a worktree where git would not run the guard shims
  hooks-not-installed   guard armed nowhere (fix: guard install)
  link-missing, link-broken, link-not-ignored, memory-not-shared
  prunable, worktree-missing, config-invalid
  worktree-not-ignored  a worktree inside the primary checkout that git status would show
  lock-orphaned         a lock held or waited for by a run from a worktree that no longer exists
  port-lease-orphaned   a port leased to a worktree that no longer exists
  orphan-link           a link guard made for a worktree that is gone, or that points nowhere
  sessions-share-worktree  two live coding-agent sessions in one worktree (an error with agents.sessions: block)
Exit 0 when there is no error (warnings allowed), 1 otherwise.

Options:
  --fix        repair what cannot lose data — re-pin, re-link, share memory, re-arm hooks, free the locks
               (whose process is gone) and port leases of worktrees that no longer exist, remove orphaned
               links — then check again. It never drops a stash, resets a tree, or deletes or overwrites
               a file (an orphaned link is removed only while it is the symlink guard made).
  --json       print {"findings": [...], "worktrees": [...]} and nothing else on stdout
  -h, --help   show this help`,

  list: `Usage: guard list [--json]

Every worktree: path, branch, HEAD, pinned identity, ahead/behind the remote base, dirty counts
(staged, unstaged, untracked), when it last fetched itself (its own FETCH_HEAD), and how many configured
links are in place, whether its work is integrated into the remote base (the rule that matched:
ready to remove); while runs of guard run --serial hold locks, a LOCKS column names them, and while
coding agents work in worktrees (guard install --agents), an AGENTS column names them. Above the
table: when the repository last fetched the remote base (any worktree).

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

  remove: `Usage: guard remove [<worktree-path|branch>...] [--dry-run] [--json] [--keep-branch]
                    [--force=<reason>[,<reason>...]] [--no-fetch]

Removes each worktree only when nothing would be lost. It fetches <remote> first, then refuses (exit 1),
naming every reason, the command that resolves it, and the --force=<reason> that accepts that loss:
  uncommitted          staged, unstaged or conflicted changes
  untracked            untracked files that git does not ignore
  local-files          "copies"/.worktreeinclude files that differ from the primary's (or it lacks), and a
                       "links" path holding a file of its own: git ignores them, so removal would delete them
  unpushed             commits neither integrated into <remote>/<baseBranch> nor on the branch's upstream
                       (forced: the branch is kept, and keeps them)
  parked               a park commit at HEAD (guard park)
  locked               git worktree lock — Claude Code locks the worktree of an agent while it works
  serial-run           a run of guard run --serial started there holds or waits for a lock
  agent-session        a live coding-agent session works there (guard install --agents)
  unreachable-commits  commits only a detached HEAD holds        } never forced: resolve them
  nested-worktree      another worktree inside this one          }
  primary              the primary checkout is never removed     }
--force names each loss: there is no blanket --force.

Then: git worktree remove (never anything else — a removal git refuses is reported), the branch if its
work is integrated (unless --keep-branch; deleted only if it still points where it was judged), and the
links guard made outside the worktree (Claude Code's memory link: the link, never the primary's memory).
Integrated into <remote>/<baseBranch>, by the first rule that matches: ancestor (merged, fast-forwarded),
merge-noop (merging it would change nothing; git >= 2.38), patch-ids (every commit has an equivalent:
rebased), squash-patch-id (its whole change is one commit there: squashed).

Arguments: a worktree's directory, or a branch checked out in one (a directory wins). None: the worktree
you are in — guard runs from the primary checkout and then tells you to cd there, as your shell is left
in a directory that is gone.
Exit 0 when every named worktree was removed, 1 when one was refused (or git refused), 2 for usage.

Options:
  --dry-run            say what would be removed and change nothing
  --force=<reason>     accept that loss (repeat, or separate with commas)
  --keep-branch        keep the branch even when it is integrated
  --no-fetch           do not fetch first (judge on what was fetched last)
  --json               print the result as one JSON document
  -h, --help           show this help`,

  sweep: `Usage: guard sweep [--dry-run] [--json] [--yes] [--no-fetch]

Fetches <remote>, then lists every linked worktree whose work is integrated into <remote>/<baseBranch> and
that guard remove would remove without --force, each with the rule that found it integrated, and removes
them (worktree, branch, the links guard made) after a yes on a terminal — or with --yes. Integrated
worktrees that would lose something are listed as kept, with their reasons; a branch with no commit of its
own (just started) is not integrated; the worktree you are in is left alone.
Exit 0 when all were removed (or there was nothing to sweep), 1 when not confirmed or one removal failed.

Options:
  --dry-run    list and change nothing
  -y, --yes    remove without asking (needed off a terminal, and with --json)
  --no-fetch   do not fetch first
  --json       print the result as one JSON document
  -h, --help   show this help`,

  hook: `Usage: guard hook <post-checkout|pre-commit|reference-transaction> [args...]

The entry point the installed shims call. Not meant to be run by hand.`,

  agentHook: `Usage: guard agent-hook <claude|codex|cursor> <bash|edit|shell|session-start|session-end>

The entry point of coding agents' hooks (guard install --agents): the agent's event as JSON on stdin, its
answer on stdout. Not meant to be run by hand.`,

  demo: `Usage: guard demo [--keep]

Builds a throwaway sandbox (a bare "origin", a clone with an ignored .env and .venv), runs guard new
twice, and shows the links, the pinned identities and a clean git status. The sandbox is removed
afterwards unless --keep is given.`,

  run: `Usage: guard run --serial <name> [--wait <duration>] [--remote] [--break] -- <cmd> [args...]

Runs <cmd> holding the lock <name>, shared by every worktree of this repository (kept in the common git
dir); runs of the same lock take turns, in the order they asked. <cmd> runs directly, without a shell
(write -- sh -c '...' for one). While it waits, guard shows who holds the lock — worktree, branch, pid,
command, since when — and how long it has waited (one live line on a terminal, plain lines otherwise).
A holder whose processes are gone (same host: guard's and the command's pid and start time) is taken over
and said so; a holder on another host is never broken without --break.

The exit code is the command's (127 when it is not found, 128+n when signal n ended it); SIGINT, SIGTERM
and SIGHUP are passed to the command and guard waits for it. The lock is released on every way out.

Options:
  --serial <name>    the lock: letters, digits, ".", "_", "-", at most 64 characters, not starting with "-" or "."
  --wait <duration>  give up (exit 1) after this long, e.g. 30s, 10m; --wait 0 fails at once when held.
                     Default: wait as long as it takes
  --remote           also hold the lock across clones: the ref refs/worktree-guard/locks/<name> on the
                     remote (config "remote"), taken by an atomic push, renewed while <cmd> runs
                     (config serial.remote: true makes this the default)
  --break            take over a holder guard cannot check: one on another host, or a remote lease not
                     renewed within serial.ttl
  -h, --help         show this help`,

  locks: `Usage: guard locks [--json] [--remote]

The locks held by runs of guard run --serial: each lock's holder (worktree, branch, pid, command, since
when, and whether its process still runs), and the runs waiting for it, in order.

Options:
  --remote     also list the locks held on the remote (refs/worktree-guard/locks/*)
  --json       print {"locks": [...], "remote": [...]} and nothing else on stdout
  -h, --help   show this help`,

  port: `Usage: guard port <name>... [--env] [--json]
       guard port <name>... --release
       guard port --list [--json]

Prints a port for <name> unique to this worktree: the same on every call, distinct from every other
worktree's, inside ports.range (default [20000, 29999]). A new lease is taken under a lock from a registry
in the common git dir, and only a port free on this machine (probed) is handed out.

Options:
  --env        print NAME_PORT=<port> lines (API_PORT=20417), for .env files and eval
  --release    give the lease back
  --list       every lease of every worktree
  --json       print {"ports": [...]} and nothing else on stdout
  -h, --help   show this help`,
};
