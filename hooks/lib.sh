# worktree-guard shim library — inlined into every shim by `guard install`, so that a shim works alone,
# wherever another hook manager moves it (.legacy, .old).
# shellcheck shell=sh
# shellcheck disable=SC2034 # GUARD_VERSION: read by the pre-commit stamp, recorded in every shim
GUARD_VERSION='@@VERSION@@'
GUARD_NODE='@@NODE@@'
GUARD_CLI='@@CLI@@'
GUARD_NL='
'

guard_off() {
  [ "${WORKTREE_GUARD-}" = 0 ] || [ "${HUSKY-}" = 0 ]
}

# Runs `guard hook "$@"` with the Node and the CLI recorded at install (then PATH), never one found in
# the checked-out tree. What guard says reaches git's stderr as it is written; what escapes it (a crash,
# Node failing to start) is caught in guard_err. guard_code: 0 go on · 10 refused · anything else failed.
guard_run() {
  guard_node=$GUARD_NODE
  [ -x "$guard_node" ] || guard_node=$(command -v node 2>/dev/null) || guard_node=
  guard_cli=$GUARD_CLI
  [ -f "$guard_cli" ] || guard_cli=$(command -v worktree-guard 2>/dev/null) || guard_cli=
  guard_err=
  if [ -z "$guard_node" ]; then
    guard_code=127 guard_err='@@MSG:noNode@@'
  elif [ -z "$guard_cli" ]; then
    guard_code=127 guard_err="@@MSG:noCli@@ $GUARD_CLI"
  else
    { guard_err=$("$guard_node" "$guard_cli" hook "$@" 2>&1 1>&3 3>&-); guard_code=$?; } 3>&2
  fi
}

# After guard_run: 0 and 10 pass guard's own words through; any other outcome is one line and git goes on.
# $1: what is skipped. Returns 1 when guard refused.
guard_outcome() {
  case $guard_code in
    0 | 10) [ -z "$guard_err" ] || printf '%s\n' "$guard_err" >&2 ;;
    *) guard_failed "$1" ;;
  esac
  [ "$guard_code" != 10 ]
}

guard_failed() {
  guard_first=${guard_err%%"$GUARD_NL"*}
  echo "worktree-guard: @@MSG:failed@@ (${guard_first:-exit $guard_code}) — $1. @@MSG:repair@@" >&2
}

# The hook that was here before guard, kept as <hook>.guard-chained beside the hook this shim stands for
# (wherever the shim itself was moved). git skips a hook without its exec bit; so does guard. sh hooks
# are sourced so that $0 stays the hook's name (husky reads it); others run as they are.
guard_chain() {
  guard_chained="${0%/*}/$GUARD_HOOK.guard-chained"
  [ -f "$guard_chained" ] && [ -x "$guard_chained" ] || return 0
  IFS= read -r guard_shebang <"$guard_chained" || guard_shebang=
  case $guard_shebang in
    '#!/bin/sh' | '#!/bin/sh '* | '#!/usr/bin/env sh' | '#!/usr/bin/env sh '*)
      # shellcheck source=/dev/null
      (. "$guard_chained")
      ;;
    *) "$guard_chained" "$@" ;;
  esac
}
