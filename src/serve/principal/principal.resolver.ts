import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { UsageError } from '../../errors/cairn-error.js';
import { escalationPaths } from '../../paths/escalation-paths.js';
import { Neo4jEscalationGraph } from '../../paths/neo4j-escalation-graph.js';
import type { ServeContext } from '../context.js';
import { Entity } from '../node/entity.type.js';
import { EscalationPath, EscalationStep, StepEvidence } from './escalation-path.type.js';
import { Principal } from './principal.type.js';

const MAX_HOPS = 10;
const MAX_PATHS = 200;

@Resolver(() => Principal)
export class PrincipalResolver {
  @Query(() => Principal, {
    nullable: true,
    description: 'A principal by id (an IAM user or role ARN, ...); null when there is none.',
  })
  async principal(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: ServeContext,
  ): Promise<Principal | null> {
    const row = await ctx.loaders.entityById.load(id);
    return row && row.labels.includes('Principal') ? Principal.fromRow(row) : null;
  }

  @FieldResolver(() => [EscalationPath], {
    description:
      'Shortest ways to admin-equivalent permissions, one per target, shortest first; empty when none (or when already admin).',
  })
  async escalationPaths(
    @Root() principal: Principal,
    @Arg('maxHops', () => Int, { defaultValue: 6 }) maxHops: number,
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Ctx() ctx: ServeContext,
  ): Promise<EscalationPath[]> {
    if (maxHops < 1 || maxHops > MAX_HOPS)
      throw new UsageError(`maxHops must be between 1 and ${MAX_HOPS}`);
    if (first < 1 || first > MAX_PATHS)
      throw new UsageError(`first must be between 1 and ${MAX_PATHS}`);
    const paths = await escalationPaths(new Neo4jEscalationGraph(ctx.db), principal.id, {
      maxHops,
      limit: first,
    });
    const ids = [...new Set(paths.flatMap((p) => p.steps.flatMap((s) => [s.from, s.to])))];
    const rows = await ctx.loaders.entityById.loadMany(ids);
    const entities = new Map<string, Entity>();
    rows.forEach((row, i) => {
      const id = ids[i];
      if (id && row && !(row instanceof Error)) entities.set(id, Entity.fromRow(row));
    });
    // A path whose principals vanished (a reload between hops) is dropped, never half-shown.
    return paths.flatMap((path) => {
      const target = entities.get(path.target);
      const steps = path.steps.map((step) => {
        const from = entities.get(step.from);
        const to = entities.get(step.to);
        if (!from || !to) return undefined;
        const out = new EscalationStep();
        out.from = from;
        out.to = to;
        out.technique = step.technique;
        out.actions = [...step.actions];
        out.grantsAdmin = step.grantsAdmin;
        out.conditional = step.conditional;
        return out;
      });
      if (!target || steps.some((step) => !step)) return [];
      const result = new EscalationPath();
      result.target = target;
      result.steps = steps.filter((step): step is EscalationStep => step !== undefined);
      result.length = result.steps.length;
      result.conditional = path.conditional;
      return [result];
    });
  }
}

@Resolver(() => EscalationStep)
export class EscalationStepResolver {
  @FieldResolver(() => StepEvidence, {
    nullable: true,
    description: 'Why the step holds: statements per action, pending conditions, preconditions.',
  })
  async evidence(
    @Root() step: EscalationStep,
    @Ctx() ctx: ServeContext,
  ): Promise<StepEvidence | null> {
    return ctx.loaders.stepEvidence.load({
      from: step.from.id,
      to: step.to.id,
      technique: step.technique,
    });
  }
}
