"""An analyst's first look at Cairn's attack paths, over plain HTTP (Python 3.8+, standard library):
the worst groups of paths hop by hop with the fix for each hop, then which paths the first
suggested fix would remove. Run it against `npm run demo`:

    python3 docs/examples/top_attack_paths.py

CAIRN_URL picks another server (default http://127.0.0.1:4000/graphql); CAIRN_API_KEY is sent as
a bearer token when the server has API keys.
"""
import json
import os
import sys
import urllib.error
import urllib.request

URL = os.environ.get("CAIRN_URL", "http://127.0.0.1:4000/graphql")

WORST = """
query Worst($first: Int) {
  attackPaths(first: $first, filter: { grouped: true }) {
    totalCount
    edges { node {
      score band similarCount sourceReason
      source { id } target { id }
      steps { technique to { id } fixes { summary fix {
        removeHop { from to technique } closePorts { resource ports } dropTrust { role principal }
      } } }
    } }
  }
}"""

WHAT_IF = """
query WhatIf($fix: FixInput!) { simulateFix(fixes: [$fix]) { removed { id } remaining { id } } }"""


def graphql(query, variables=None):
    headers = {"content-type": "application/json"}
    if os.environ.get("CAIRN_API_KEY"):
        headers["authorization"] = "Bearer " + os.environ["CAIRN_API_KEY"]
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(URL, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        answer = json.load(error)
    if answer.get("errors"):
        first = answer["errors"][0]
        sys.exit(f"{first.get('extensions', {}).get('code')}: {first['message']}")
    return answer["data"]


paths = graphql(WORST, {"first": 5})["attackPaths"]
print(f"{paths['totalCount']} groups of attack paths; the worst {len(paths['edges'])}:")
for edge in paths["edges"]:
    node = edge["node"]
    alike = f" (+{node['similarCount']} alike)" if node["similarCount"] else ""
    print(f"\n{node['score']} {node['band']}{alike}: {node['source']['id']} "
          f"({node['sourceReason']}) -> {node['target']['id']}")
    for step in node["steps"]:
        print(f"  {step['technique']} -> {step['to']['id']}")
        if step["fixes"]:
            print(f"      fix: {step['fixes'][0]['summary']}")

if paths["edges"]:
    first_step = paths["edges"][0]["node"]["steps"][0]
    fix = {kind: value for kind, value in first_step["fixes"][0]["fix"].items() if value}
    result = graphql(WHAT_IF, {"fix": fix})["simulateFix"]
    print(f"\nApplying the first fix of the worst path would remove {len(result['removed'])} "
          f"paths; {len(result['remaining'])} would remain.")
