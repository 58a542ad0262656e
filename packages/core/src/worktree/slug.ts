import path from 'node:path';

/**
 * A directory-safe form of a branch name: `/` and anything but letters, digits, `.`, `_` and `-`
 * become `-`; runs collapse; no leading dot or dash (so the result is never hidden or option-like).
 */
export function branchSlug(branch: string): string {
  const slug = branch
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug || 'worktree';
}

/** The name a repository goes by: its primary worktree's directory, or the bare dir less `.git`. */
export function repoName(primaryPath: string): string {
  return path.basename(primaryPath).replace(/\.git$/, '') || 'repo';
}

/** `../<repo-dir>-<branch-slug>`, beside the primary worktree (or the bare repository). */
export function defaultWorktreeDir(primaryPath: string, branch: string): string {
  return path.join(path.dirname(primaryPath), `${repoName(primaryPath)}-${branchSlug(branch)}`);
}
