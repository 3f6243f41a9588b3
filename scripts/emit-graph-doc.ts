// Writes schema/graph.md from the graph models (run by `npm run schema:emit`).
import { writeFileSync } from 'node:fs';
import { renderGraphDoc } from '../src/model/graph-doc.js';

writeFileSync(new URL('../schema/graph.md', import.meta.url), renderGraphDoc());
console.log('wrote schema/graph.md');
