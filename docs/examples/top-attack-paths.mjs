// An analyst's first look at Cairn's attack paths, over plain HTTP (Node 18+, no packages):
// the worst groups of paths, hop by hop with the fix for each hop, the choke points, and what
// the best fix would remove. Run it against `npm run demo`:
//
//   node docs/examples/top-attack-paths.mjs
//
// CAIRN_URL picks another server (default http://127.0.0.1:4000/graphql); CAIRN_API_KEY is sent
// as a bearer token when the server has API keys.
const url = process.env.CAIRN_URL ?? 'http://127.0.0.1:4000/graphql';

async function graphql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (process.env.CAIRN_API_KEY) headers.authorization = `Bearer ${process.env.CAIRN_API_KEY}`;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  }
  return body.data;
}

const { attackPaths } = await graphql(
  `
    query Worst($first: Int) {
      attackPaths(first: $first, filter: { grouped: true }) {
        totalCount
        edges {
          node {
            score
            band
            similarCount
            sourceReason
            source {
              id
            }
            target {
              id
            }
            steps {
              technique
              to {
                id
              }
              fixes {
                summary
              }
            }
          }
        }
      }
    }
  `,
  { first: 5 },
);
console.log(
  `${attackPaths.totalCount} groups of attack paths; the worst ${attackPaths.edges.length}:`,
);
for (const { node } of attackPaths.edges) {
  const alike = node.similarCount ? ` (+${node.similarCount} alike)` : '';
  console.log(
    `\n${node.score} ${node.band}${alike}: ${node.source.id} (${node.sourceReason}) -> ${node.target.id}`,
  );
  for (const step of node.steps) {
    console.log(`  ${step.technique} -> ${step.to.id}`);
    console.log(`      fix: ${step.fixes[0]?.summary ?? 'none suggested'}`);
  }
}

const { chokePoints } = await graphql(`
  {
    chokePoints(first: 3) {
      technique
      paths
      risk
      from {
        id
      }
      to {
        id
      }
      fixes {
        summary
        fix {
          removeHop {
            from
            to
            technique
          }
          closePorts {
            resource
            ports
          }
          dropTrust {
            role
            principal
          }
        }
      }
    }
  }
`);
console.log('\nChoke points (hops most paths share):');
for (const point of chokePoints) {
  console.log(
    `  ${point.paths} paths, risk ${point.risk}: ${point.from.id} -[${point.technique}]-> ${point.to.id}`,
  );
  console.log(`      fix: ${point.fixes[0]?.summary}`);
}

const fix = chokePoints[0]?.fixes[0]?.fix;
if (fix) {
  // Only the one field of the fix that is set goes back (the others come back null).
  const input = Object.fromEntries(Object.entries(fix).filter(([, value]) => value !== null));
  const { simulateFix } = await graphql(
    `
      query WhatIf($fix: FixInput!) {
        simulateFix(fixes: [$fix]) {
          removed {
            id
          }
          remaining {
            id
          }
        }
      }
    `,
    { fix: input },
  );
  console.log(
    `\nCutting the top choke point would remove ${simulateFix.removed.length} paths; ${simulateFix.remaining.length} would remain.`,
  );
}
