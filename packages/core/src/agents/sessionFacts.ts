/**
 * The live agent sessions of every worktree, added to gathered facts by the commands that show them
 * (doctor, list, an agent's session start). Kept apart from the gather itself, so that git's hooks —
 * which gather for the commit check — carry none of the agents' code.
 */
import type { RepoFacts } from '../state/types';
import { mapLimit } from '../util/mapLimit';
import { liveSessions } from './sessions';

export async function addSessionFacts(facts: RepoFacts): Promise<RepoFacts> {
  await mapLimit(facts.worktrees, 6, async (w) => {
    w.sessions = w.gitDir ? await liveSessions(w.gitDir) : [];
  });
  return facts;
}
