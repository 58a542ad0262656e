#!/usr/bin/env node
/**
 * npm run bench — what guard costs, measured against floors and neighbours in the same run: cases run
 * interleaved and are reported as medians and ratios; nothing is asserted (timings never belong in a
 * test). Writes bench/results/latest.json. BENCH_ROUNDS sets the rounds (default 9).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, tmp, git } = require('./lib');
const {
  refRepos,
  refCases,
  pruneCase,
  commitRepos,
  commitCases,
  PACK_REFS,
  PRUNE_BRANCHES,
} = require('./hooks');
const { worktreeCases, sizedCases, SIZES } = require('./worktrees');
const { agentCases } = require('./agents');

const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);
const x = (a, b) => `${(a / b).toFixed(2)}×`;

const machine = `${git(tmp, 'version').trim()}, node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`;
say(`worktree-guard bench — ${machine}; medians of interleaved rounds`);

const refs = refCases(refRepos('rt'), ROUNDS);
const prune = pruneCase(refRepos('pr'), ROUNDS);
say(
  '\nref updates (reference-transaction)            guard      exit-0 hook   read-loop hook   cat hook     no hook',
);
for (const [label, r] of [
  ['update-ref ×200 (one ref each)', refs.one],
  ['update-ref --stdin, 20,000 refs at once', refs.big],
  [`pack-refs --all, ${PACK_REFS.toLocaleString('en')} loose refs`, refs.pack],
  [`fetch --prune, ${PRUNE_BRANCHES.toLocaleString('en')} deleted branches`, prune],
])
  say(`  ${label.padEnd(42)}${ms(r.guard)}${ms(r.exit)}${ms(r.read)}${ms(r.cat)}${ms(r.none)}`);
say(
  `  guard ÷ the cheapest reader (cat) for 20,000 refs: ${x(refs.big.guard, refs.big.cat)} (target ≤ 1.2×);`,
);
say(`  ÷ exit-0 for one-ref updates: ${x(refs.one.guard, refs.one.exit)}`);

const commits = commitCases(commitRepos(), ROUNDS);
const w = commits.warm;
say('\ncommits (pre-commit)');
say(
  `  warm (nothing the rules read changed)   guard ${ms(w.guard)}   lefthook ${ms(w.lefthook ?? Number.NaN)}   husky ${ms(w.husky)}   no hook ${ms(w.none)}`,
);
say(
  `  guard ÷ lefthook ${x(w.guard, w.lefthook ?? Number.NaN)} (target ≤ 0.8×) · ÷ husky ${x(w.guard, w.husky)}`,
);
say(
  `  3 commits on a detached HEAD ${ms(commits.detached3)} ÷ 3 on a branch ${ms(commits.branch3)}: ${x(commits.detached3, commits.branch3)} (target ≤ 1.2×)`,
);
say(
  `  cold (rules checked in Node) ${ms(commits.cold)} ÷ node -e '' ${ms(commits.nodeBare)}: ${x(commits.cold, commits.nodeBare)} (target ≤ 1.5×)`,
);

const wt = worktreeCases(ROUNDS);
say('\nworktrees');
say(
  `  git worktree add: with guard ${ms(wt.add.guard)}, without ${ms(wt.add.plain)}: +${(wt.add.guard - wt.add.plain).toFixed(1)} ms (target ≤ 100, stretch 70); guard's git processes: ${wt.addProcesses}`,
);
say(
  `  guard new ${ms(wt.create.guard)} ÷ the same steps in sh ${ms(wt.create.sh)}: ${x(wt.create.guard, wt.create.sh)} (target ≤ 2.5×) · node -e '' ${ms(wt.create.nodeBare)}`,
);

const sized = sizedCases(Math.max(3, Math.round(ROUNDS / 2)));
for (const cmd of ['doctor', 'list']) {
  const cells = SIZES.map(
    (n) =>
      `${n} wt ${ms(sized.times[`${cmd} ${n}`])} ${String(sized.processes[`${cmd} ${n}`]).padStart(4)} git`,
  );
  const per = (sized.processes[`${cmd} 200`] - sized.processes[`${cmd} 50`]) / 150;
  say(`  guard ${cmd.padEnd(6)} ${cells.join('  ')}   (${per.toFixed(2)} git per worktree)`);
}

const agents = agentCases(ROUNDS);
say(
  `\nagent hook, per shell command (Claude Code's PreToolUse as it runs it; floor: a hook that only reads stdin ${ms(agents.floor)})`,
);
for (const [k, v] of Object.entries(agents))
  if (k !== 'floor') say(`  ${k.padEnd(28)}${ms(v)}   added ${ms(v - agents.floor)}`);

const results = {
  machine,
  date: new Date().toISOString(),
  rounds: ROUNDS,
  refs,
  prune,
  commits,
  worktrees: wt,
  sized,
  agents,
};
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
say('\nwritten: bench/results/latest.json');
fs.rmSync(tmp, { recursive: true, force: true });

// guard run --serial: lock hand-over and takeover times (its own sandbox)
require('./serial.js');
