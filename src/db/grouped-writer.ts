import type { Database } from './connection.js';
import type { CypherName } from './cypher-names.js';
import { writeNamed, type Params } from './transactions.js';

/**
 * Sends rows to a named `UNWIND $groups ...` write in transactions of about `batchSize` rows,
 * each as soon as it is full, while the caller goes on producing the next: one write in flight
 * at a time, so evaluation and Neo4j overlap without unbounded memory. Groups keep rows that
 * share an endpoint together, so the query matches that node once.
 */
export class GroupedWriter<Group> {
  private groups: Group[] = [];
  private size = 0;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly name: CypherName,
    private readonly params: Params,
    private readonly batchSize: number,
  ) {}

  /** Queues a group of `rows` rows; waits only when a batch is full and the previous is busy. */
  async add(group: Group, rows: number): Promise<void> {
    this.groups.push(group);
    this.size += rows;
    if (this.size >= this.batchSize) await this.flush();
  }

  /** Sends what is queued and waits until every write has finished. */
  async close(): Promise<void> {
    if (this.size > 0) await this.flush();
    await this.writing;
  }

  private async flush(): Promise<void> {
    await this.writing;
    const groups = this.groups;
    this.groups = [];
    this.size = 0;
    this.writing = writeNamed(this.db, this.name, { ...this.params, groups });
  }
}
