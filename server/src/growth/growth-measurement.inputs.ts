import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { MeasurePosition } from '../graphql/enums.js';

@InputType()
export class RecordGrowthMeasurementInput {
  @Field(() => ID, { description: 'The child (under five on the measurement date)' })
  personId!: string;

  @Field(() => LocalDateResolver)
  measuredOn!: string;

  @Field(() => Float, { description: 'Length (lying) or height (standing) in cm' })
  heightCm!: number;

  @Field(() => MeasurePosition)
  position!: MeasurePosition;

  @Field(() => Float, { nullable: true })
  weightKg?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Client-generated key (8–128 characters); a retry with the same key returns the same measurement',
  })
  idempotencyKey?: string;
}
