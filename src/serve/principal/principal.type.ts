import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.interface.js';
import { Entity } from '../node/entity.type.js';
import type { EntityRow } from '../node/entity-row.js';
import { Provider } from '../provider.enum.js';

/** An identity of any cloud that can act: an IAM user or role today. */
@ObjectType({ implements: Node, description: 'A user, role or other identity that can act.' })
export class Principal extends Node {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Provider)
  provider!: Provider;

  @Field(() => String, { description: 'The kind, e.g. `AWSUser` or `AWSRole`.' })
  kind!: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Admin-equivalent by its own effective permissions (docs/analysis/aws-identity.md); null until `cairn analyze` has run.',
  })
  isAdmin!: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: '`admin`, `conditional` (only under unknown conditions) or `not-admin`.',
  })
  adminStatus!: string | null;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The statements that grant it, or the actions it lacks and why.',
  })
  adminEvidence!: unknown;

  @Field(() => Entity, { description: 'Every loaded property of the principal.' })
  entity!: Entity;

  static fromRow(row: EntityRow): Principal {
    const entity = Entity.fromRow(row);
    const principal = new Principal();
    principal.id = entity.id;
    principal.name = entity.name;
    principal.provider = entity.provider;
    principal.kind = entity.labels[0] ?? 'Principal';
    const p = row.props;
    principal.isAdmin = typeof p['isAdmin'] === 'boolean' ? p['isAdmin'] : null;
    principal.adminStatus = typeof p['adminStatus'] === 'string' ? p['adminStatus'] : null;
    principal.adminEvidence =
      typeof p['adminEvidence'] === 'string' ? (JSON.parse(p['adminEvidence']) as unknown) : null;
    principal.entity = entity;
    return principal;
  }
}
