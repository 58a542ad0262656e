/**
 * The entry guard's agent script runs (`guard agent-hook <agent> <event>`): the agent hook alone, so that
 * what coding agents run before a command loads neither the other commands nor git's hook code.
 */
import { runAgentHook } from './commands/agentHook';

export function main(argv: string[]): Promise<number> {
  return runAgentHook(argv.slice(1));
}
