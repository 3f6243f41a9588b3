import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One way the internet reaches a resource: a protocol and port range.' })
export class Exposure {
  @Field(() => String, { description: '`tcp`, `udp`, `icmp` (ports are ICMP types) or `all`.' })
  protocol!: string;

  @Field(() => Int, { description: 'First port (ICMP type; -1 for all types).' })
  fromPort!: number;

  @Field(() => Int, { description: 'Last port (ICMP type; -1 for all types).' })
  toPort!: number;

  @Field(() => [String], {
    description:
      'Ids of what lets it through: internet gateway, route table, network ACLs, security groups, load balancer, target group.',
  })
  via!: string[];

  @Field(() => [String], { description: 'The routes and rules that allow it, in words.' })
  rules!: string[];
}
