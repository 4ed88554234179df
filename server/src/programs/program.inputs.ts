import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FocusAspect, Frequency, NeedType, Sex, Strategy, TargetUnit } from '../graphql/enums.js';

@InputType({ description: 'All conditions must hold' })
export class ProgramFilter {
  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => [FocusAspect], { nullable: true, description: 'Programs with any of these aspects' })
  focusAspects?: FocusAspect[];

  @Field(() => [Strategy], { nullable: true })
  strategy?: Strategy[];

  @Field(() => [NeedType], { nullable: true, description: 'Programs addressing any of these needs' })
  needTypes?: NeedType[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Programs running on this date' })
  activeOn?: string;

  @Field(() => String, { nullable: true, description: "Part of the program's name or of its owner's name or short name" })
  search?: string;
}

// Shared fields; type-graphql inherits only from decorated classes, and leaves unreferenced ones out of the schema.
@InputType()
class ProgramFields {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => [NeedType], { nullable: true })
  needTypes?: NeedType[];

  @Field(() => Int, { nullable: true })
  targetMinAgeMonths?: number;

  @Field(() => Int, { nullable: true })
  targetMaxAgeMonths?: number;

  @Field(() => Sex, { nullable: true })
  targetSex?: Sex;

  @Field(() => LocalDateResolver, { nullable: true })
  endsOn?: string;

  @Field(() => Float, { nullable: true })
  budgetRp?: number;

  @Field(() => Int, { nullable: true })
  quota?: number;
}

@InputType()
export class CreateProgramInput extends ProgramFields {
  @Field(() => ID)
  ownerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [FocusAspect])
  focusAspects!: FocusAspect[];

  @Field(() => Strategy)
  strategy!: Strategy;

  @Field(() => TargetUnit)
  targetUnit!: TargetUnit;

  @Field(() => String)
  deliveryUnit!: string;

  @Field(() => Frequency)
  frequency!: Frequency;

  @Field(() => LocalDateResolver)
  startsOn!: string;
}

@InputType({ description: 'Only the fields given are changed' })
export class UpdateProgramInput extends ProgramFields {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [FocusAspect], { nullable: true })
  focusAspects?: FocusAspect[];

  @Field(() => Strategy, { nullable: true })
  strategy?: Strategy;

  @Field(() => TargetUnit, { nullable: true })
  targetUnit?: TargetUnit;

  @Field(() => String, { nullable: true })
  deliveryUnit?: string;

  @Field(() => Frequency, { nullable: true })
  frequency?: Frequency;

  @Field(() => LocalDateResolver, { nullable: true })
  startsOn?: string;
}
