import type { AnalysisResult } from '../analyze/run-analysis.js';

/** The human summary of `cairn analyze`: one line per stage. */
export function printAnalysis(result: AnalysisResult): void {
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  for (const s of result.awsAdmins) {
    out(
      `${s.scope}: ${s.principals} principals; admin-equivalent ${s.counts.admin}, conditional ${s.counts.conditional}`,
    );
  }
  out(`${result.canAssume.edges} CAN_ASSUME edges (${result.canAssume.conditional} conditional)`);
  out(
    `${result.escalations.edges} CAN_ESCALATE edges (${result.escalations.conditional} conditional)`,
  );
  const problems = result.reachability.problems;
  out(
    `${result.reachability.reached} resources reachable from the internet` +
      (problems.length
        ? ` (${problems.length} rule sets could not be read: ${problems[0] ?? ''}${problems.length > 1 ? ', ...' : ''})`
        : ''),
  );
  const stores = Object.values(result.dataAccess.stores).reduce((a, b) => a + b, 0);
  out(
    `${result.dataAccess.edges} CAN_ACCESS edges to ${stores} data stores (${result.dataAccess.public} from the internet)`,
  );
  const paths = result.attackPaths;
  if (paths) {
    const bands = ['critical', 'high', 'medium', 'low']
      .map((band) => `${paths.byBand[band] ?? 0} ${band}`)
      .join(', ');
    out(
      `${paths.paths} attack paths in ${paths.groups} groups (${bands}; ${paths.new} new) from ${paths.entries} entry points to ${paths.crownJewels} crown jewels`,
    );
    if (paths.dropped > 0)
      out(`${paths.dropped} less likely attack paths beyond search.maxPaths were not kept`);
  }
  const posture = result.posture;
  if (posture) {
    const f = posture.findings;
    out(
      `${posture.rules} rules: ${posture.results.FAIL} failing, ${posture.results.PASS} passing, ${posture.results.ERROR} errors; findings ${f.opened} new, ${f.reopened} reopened, ${f.resolved} resolved, ${f.failing} open`,
    );
    for (const { ruleId, error } of posture.ruleErrors)
      out(`rule ${ruleId} could not run: ${error}`);
    for (const [framework, score] of Object.entries(posture.compliance)) {
      out(
        `${framework}: ${score.score === null ? 'no decided controls' : `${score.score}%`} (${score.passed} controls pass, ${score.failed} fail)`,
      );
    }
  }
  out(`analysis ${result.analysisId} complete`);
}
