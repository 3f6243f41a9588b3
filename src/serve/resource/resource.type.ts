import { Field, ObjectType } from 'type-graphql';
import { Entity } from '../node/entity.type.js';
import type { EntityRow } from '../node/entity-row.js';
import { Node } from '../node/node.interface.js';
import { Provider } from '../provider.enum.js';

/** A cloud resource (instance, load balancer, function, database, bucket...). */
@ObjectType({ implements: Node, description: 'A cloud resource of any kind.' })
export class Resource extends Node {
  @Field(() => String, { description: 'The kind, e.g. `AWSEC2Instance`.' })
  kind!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Provider)
  provider!: Provider;

  @Field(() => Entity, { description: 'Every loaded property of the resource.' })
  entity!: Entity;

  static fromRow(row: EntityRow): Resource {
    const entity = Entity.fromRow(row);
    const resource = new Resource();
    resource.id = entity.id;
    resource.kind = entity.labels[0] ?? 'Entity';
    resource.name = entity.name;
    resource.provider = entity.provider;
    resource.entity = entity;
    return resource;
  }
}
