import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from 'type-graphql';
import { BadInputError, CairnError } from '../../errors/cairn-error.js';
import { ErrorCode } from '../../errors/error-code.js';
import type { Mark, MarkKind } from '../../paths/marks/mark.js';
import { listMarks, removeMark, saveMark } from '../../paths/marks/mark-store.js';
import type { ServeContext } from '../context.js';

export enum MarkKindEnum {
  crownJewel = 'crownJewel',
  compromised = 'compromised',
}
registerEnumType(MarkKindEnum, { name: 'MarkKind' });

export enum JewelImpact {
  admin = 'admin',
  managementAccount = 'managementAccount',
  sensitiveStore = 'sensitiveStore',
  secret = 'secret',
  key = 'key',
  store = 'store',
}
registerEnumType(JewelImpact, {
  name: 'JewelImpact',
  description: "Which of the risk model's impacts a marked crown jewel is worth.",
});

@ObjectType({ description: "A person's word on a node, honoured by the next analysis's paths." })
export class MarkRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => MarkKindEnum)
  kind!: MarkKind;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { nullable: true })
  impact!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  by!: string;

  @Field(() => String)
  markedAt!: string;

  static from(mark: Mark): MarkRecord {
    return Object.assign(new MarkRecord(), mark);
  }
}

@InputType()
export class MarkInput {
  @Field(() => ID, { description: 'The node: an ARN, a resource id, ...' })
  id!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: 'Who decided.' })
  by!: string;
}

const TEXT_MAX = 500;

function checked(input: MarkInput): MarkInput {
  for (const [field, value] of Object.entries({ reason: input.reason, by: input.by })) {
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    if (!value.trim() || value.length > TEXT_MAX || /[\u0000-\u001f]/.test(value)) {
      throw new BadInputError(`${field}: 1 to ${TEXT_MAX} characters on one line`);
    }
  }
  return input;
}

@Resolver()
export class MarksResolver {
  @Query(() => [MarkRecord], { description: 'Every crown jewel and compromised mark.' })
  async marks(@Ctx() ctx: ServeContext): Promise<MarkRecord[]> {
    return (await listMarks(ctx.db)).map((mark) => MarkRecord.from(mark));
  }

  @Mutation(() => MarkRecord, {
    description:
      'Marks a node as a crown jewel: the next cairn analyze finds the attack paths to it.',
  })
  async markCrownJewel(
    @Arg('input', () => MarkInput) input: MarkInput,
    @Ctx() ctx: ServeContext,
    @Arg('impact', () => JewelImpact, { defaultValue: JewelImpact.sensitiveStore })
    impact: JewelImpact = JewelImpact.sensitiveStore,
  ): Promise<MarkRecord> {
    return mark(ctx, 'crownJewel', checked(input), impact);
  }

  @Mutation(() => MarkRecord, {
    description:
      'Marks a principal or resource as compromised: the next cairn analyze starts attack paths there.',
  })
  async markCompromised(
    @Arg('input', () => MarkInput) input: MarkInput,
    @Ctx() ctx: ServeContext,
  ): Promise<MarkRecord> {
    return mark(ctx, 'compromised', checked(input));
  }

  @Mutation(() => Boolean, { description: 'Removes a mark; false when there was none.' })
  async unmark(
    @Arg('kind', () => MarkKindEnum) kind: MarkKindEnum,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ServeContext,
  ): Promise<boolean> {
    return removeMark(ctx.db, kind, id);
  }
}

async function mark(
  ctx: ServeContext,
  kind: MarkKind,
  input: MarkInput,
  impact?: string,
): Promise<MarkRecord> {
  const saved = await saveMark(
    ctx.db,
    { kind, target: input.id, reason: input.reason, by: input.by, ...(impact ? { impact } : {}) },
    new Date().toISOString(),
  );
  if (!saved) throw new CairnError(ErrorCode.NOT_FOUND, `no node ${input.id}`);
  return MarkRecord.from(saved);
}
