import { randomBytes } from 'node:crypto';

/** Sortable, unique, readable: `scan-20261123T001500Z-9f2c1a`. */
export function newScanId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `scan-${stamp}-${randomBytes(3).toString('hex')}`;
}
