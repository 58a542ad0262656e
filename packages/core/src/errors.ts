/**
 * Every error class core throws. Expected outcomes (a conflict, a refused rule) are values;
 * these are for what stops a command. Each carries data, and the CLI maps `exitCode` to the process.
 */

/** 1 = a rule is broken or an operation was refused · 2 = usage or configuration error. */
export type ExitCode = 1 | 2;

export class GuardError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  constructor(code: string, message: string, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad argument, not a repository, unsupported git: exit 2. */
export class UsageError extends GuardError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, 2, options);
  }
}

/** An operation refused to protect the user's work: exit 1. */
export class RefusedError extends GuardError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, 1, options);
  }
}

export interface ConfigProblem {
  /** The key (dotted, with array indexes) the problem is about; `""` for the file as a whole. */
  key: string;
  message: string;
}

/** The configuration file is unreadable or invalid: exit 2, naming the file and every bad key. */
export class ConfigError extends GuardError {
  readonly file: string;
  readonly problems: ConfigProblem[];
  constructor(file: string, problems: ConfigProblem[], options?: { cause?: unknown }) {
    super(
      'config-invalid',
      problems.map((p) => `${file}: ${p.key ? `${p.key}: ` : ''}${p.message}`).join('\n'),
      2,
      options,
    );
    this.file = file;
    this.problems = problems;
  }
}

/** guard's own files are missing or unreadable (a half-finished install or upgrade): exit 2, naming the file. */
export class BrokenInstallError extends GuardError {
  readonly file: string;
  constructor(file: string, options?: { cause?: unknown }) {
    super(
      'broken-install',
      `worktree-guard is not installed completely: ${file} is missing or unreadable — reinstall it (npm i -g worktree-guard, or npm install where it is a dependency)`,
      2,
      options,
    );
    this.file = file;
  }
}

/** A git command failed where failure was not an expected answer. */
export class GitError extends GuardError {
  readonly args: readonly string[];
  readonly gitExitCode: number;
  readonly stderr: string;
  constructor(args: readonly string[], gitExitCode: number, stderr: string) {
    super(
      'git-failed',
      `git ${args.join(' ')} failed (exit ${gitExitCode}): ${stderr.trim() || 'no message'}`,
      1,
    );
    this.args = args;
    this.gitExitCode = gitExitCode;
    this.stderr = stderr;
  }
}
