/** The banner `guard new` prints. */
export const newBanner = {
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
