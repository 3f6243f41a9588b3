import { Field, ID, InputType, ObjectType } from 'type-graphql';

// Each fix shape is both an input (to simulateFix) and an output (a path step's fixes), so a
// client can pass what a step suggests straight back to simulateFix.
@ObjectType('RemoveHop', { description: 'Remove one hop (a derived edge).' })
@InputType({ description: 'Remove one hop (a derived edge): a grant, a trust, an escalation.' })
export class RemoveHopInput {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => String, { nullable: true, description: 'Only this technique; all when absent.' })
  technique?: string;
}

@ObjectType('ClosePorts', { description: 'Close ports of a resource to the internet.' })
@InputType({ description: 'Close ports of a resource to the internet.' })
export class ClosePortsInput {
  @Field(() => ID)
  resource!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'As `REACHES.ports` lists them (`tcp:22`); every port when absent.',
  })
  ports?: string[];
}

@ObjectType('DropTrust', { description: "Drop a role's trust in a principal (or in everyone)." })
@InputType({ description: "Drop a role's trust in a principal (or in everyone)." })
export class DropTrustInput {
  @Field(() => ID)
  role!: string;

  @Field(() => ID, { nullable: true })
  principal?: string;
}

@ObjectType('Fix', { description: 'One fix, as simulateFix takes it: exactly one field is set.' })
@InputType({ description: 'One fix: exactly one of the fields.' })
export class FixInput {
  @Field(() => RemoveHopInput, { nullable: true })
  removeHop?: RemoveHopInput;

  @Field(() => ClosePortsInput, { nullable: true })
  closePorts?: ClosePortsInput;

  @Field(() => DropTrustInput, { nullable: true })
  dropTrust?: DropTrustInput;
}

@ObjectType({ description: 'A change that cuts a hop, in words and as simulateFix takes it.' })
export class PathStepFix {
  @Field(() => String)
  summary!: string;

  @Field(() => FixInput)
  fix!: FixInput;
}
