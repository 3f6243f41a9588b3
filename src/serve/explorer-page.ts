/** What `/` shows until the attack-path explorer lands: where the API is and what to ask it. */
export const explorerPlaceholder = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Cairn</title></head>
<body>
<h1>Cairn</h1>
<p>The GraphQL API is at <a href="/graphql"><code>/graphql</code></a> (POST JSON: <code>{"query": "..."}</code>).</p>
<p>Try <code>{ health { status version database { reachable version } } }</code> or <code>{ scopes { id status nodeCount } }</code>.</p>
</body>
</html>
`;
