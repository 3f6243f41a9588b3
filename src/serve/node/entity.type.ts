import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { bookkeepingProperties } from '../../model/models/common-properties.js';
import { Provider } from '../provider.enum.js';
import { Node } from './node.interface.js';
import { decodeProperties } from './decode-properties.js';
import { orderedLabels } from './entity-labels.js';
import type { EntityRow } from './entity-row.js';

/** Any loaded node, with its labels and properties; typed views per kind build on it. */
@ObjectType({ implements: Node, description: 'A loaded node of any kind.' })
export class Entity extends Node {
  @Field(() => [String], {
    description: 'Labels, the kind first, e.g. ["AWSRole", "Principal", "Workload"].',
  })
  labels!: string[];

  @Field(() => Provider)
  provider!: Provider;

  @Field(() => String, { description: 'Owning scope, e.g. `aws:123456789012`.' })
  scope!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Boolean, { description: 'Only referenced, not described, by the loaded data.' })
  stub!: boolean;

  @Field(() => String, { description: 'When a load first wrote it (ISO-8601).' })
  firstSeen!: string;

  @Field(() => String, { description: 'When a load last wrote it (ISO-8601).' })
  lastSeen!: string;

  @Field(() => String, { description: 'The load that last wrote it.' })
  scanId!: string;

  @Field(() => GraphQLJSONObject, {
    description: 'The kind-specific properties, JSON values decoded.',
  })
  properties!: Record<string, unknown>;

  static fromRow(row: EntityRow): Entity {
    const entity = new Entity();
    const p = row.props;
    entity.id = row.id;
    entity.labels = orderedLabels(row.labels);
    entity.provider = p['provider'] as Provider;
    entity.scope = String(p['scope']);
    entity.name = typeof p['name'] === 'string' ? p['name'] : null;
    entity.stub = p['stub'] === true;
    entity.firstSeen = String(p['firstSeen']);
    entity.lastSeen = String(p['lastSeen']);
    entity.scanId = String(p['scanId']);
    entity.properties = decodeProperties(
      row.labels,
      Object.fromEntries(
        Object.entries(p).filter(([key]) => !Object.hasOwn(bookkeepingProperties, key)),
      ),
    );
    return entity;
  }
}
