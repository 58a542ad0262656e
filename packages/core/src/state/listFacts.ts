/** `guard list`'s facts: doctor's, plus dirty counts and ahead/behind (gather.ts), plus integration. */
import { worktreeIntegration } from '../remove/integration';
import { mapLimit } from '../util/mapLimit';
import { type GatherInput, gatherFacts } from './gather';
import type { RepoFacts } from './types';

const PARALLEL = 6;

export async function gatherListFacts(input: Omit<GatherInput, 'depth'>): Promise<RepoFacts> {
  const facts = await gatherFacts({ ...input, depth: 'list' });
  await mapLimit(
    facts.worktrees.filter((w) => w.present && w.view),
    PARALLEL,
    async (w) => {
      w.integration = await worktreeIntegration(facts, w);
    },
  );
  return facts;
}
