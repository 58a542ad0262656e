# worktree-guard shim library v1 — sourced by the worktree-guard hook shims beside it; not a hook.
# Installed by `guard install`, removed by `guard uninstall`.
# shellcheck shell=sh
GUARD_CLI_RECORDED='@@GUARD_CLI@@'

guard_off() {
  [ "${WORKTREE_GUARD-}" = 0 ] || [ "${HUSKY-}" = 0 ]
}

# Runs the guard CLI, found in this worktree's node_modules, the primary's, PATH, or where
# `guard install` ran from. Returns 127 when there is none.
run_guard() {
  guard_common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null)
  for guard_cli in "$PWD/node_modules/.bin/worktree-guard" "${guard_common%/.git}/node_modules/.bin/worktree-guard"; do
    if [ -x "$guard_cli" ]; then
      "$guard_cli" "$@"
      return
    fi
  done
  if command -v worktree-guard >/dev/null 2>&1; then
    worktree-guard "$@"
    return
  fi
  if [ -f "$GUARD_CLI_RECORDED" ] && command -v node >/dev/null 2>&1; then
    node "$GUARD_CLI_RECORDED" "$@"
    return
  fi
  return 127
}

guard_missing() {
  echo "worktree-guard: guard CLI not found ($1); install it: npm i -g worktree-guard" >&2
}

# The hook that was here before guard (kept as <hook>.guard-chained): sh hooks are sourced so that $0
# stays the hook's name (husky reads it); others are run as they are. Its exit code is the hook's.
run_chained() {
  guard_chained="$0.guard-chained"
  [ -f "$guard_chained" ] || return 0
  case "$(head -n 1 "$guard_chained")" in
    '#!/bin/sh' | '#!/bin/sh '* | '#!/usr/bin/env sh' | '#!/usr/bin/env sh '*) guard_source=1 ;;
    *) guard_source= ;;
  esac
  if [ -n "$guard_source" ]; then
    # shellcheck source=/dev/null
    (. "$guard_chained")
  else
    "$guard_chained" "$@"
  fi
}
