/** Core's sentences: bootstrap: what was found instead of what was wanted. */
export const bootstrapText = {
  foundSymlink: (target: string) => `a link to ${target}`,
  foundDir: () => 'a directory',
  foundFile: (size: number) => `a file of ${size} bytes`,
  foundOther: () => 'something that is neither file, directory nor link',
  wantedLink: (target: string) => `a link to ${target}`,
  wantedCopy: (source: string) => `a copy of ${source}`,
  conflict: (found: string, wanted: string) =>
    `${found} is there; bootstrap wanted ${wanted}. Left as it is.`,
  linkNotIgnored: (p: string, rule: string | null) =>
    rule
      ? `a link at ${p} would show up in git status: the ignore rule ${rule} matches directories only, and a link is not one. Write the pattern without the trailing "/" (e.g. "${p}") and run guard bootstrap again.`
      : `a link at ${p} would show up in git status: no ignore rule covers it in this worktree. Add "${p}" to .gitignore and run guard bootstrap again.`,
  danglingSource: (p: string, target: string) =>
    `the primary's ${p} is a link to ${target}, which does not exist: not linked`,
  notIgnoredInPrimary: (p: string) =>
    `${p} is not git-ignored in the primary (tracked or meant to be): checkout provides it`,
  noIdentity: () =>
    'no user.name/user.email to pin: set them in the primary (git config --worktree user.name "…"; git config --worktree user.email "…") or configure "identity"',
};
