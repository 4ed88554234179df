import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Indicator } from '../graphql/enums.js';

@InputType({ description: 'One indicator figure of one area for one quarter; an existing figure of that period is replaced' })
export class UpsertIndicatorValueInput {
  @Field(() => ID)
  areaId!: string;

  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => Int, { description: '2000 to the current year' })
  year!: number;

  @Field(() => Int, { description: '1–4; a quarter that has not started yet is refused' })
  quarter!: number;

  @Field(() => Float, { description: 'Percentages 0–100, Rp ≥ 0, year-on-year inflation −100 to 1000' })
  value!: number;

  @Field(() => String, { description: 'Where the figure comes from (2–300 characters)' })
  source!: string;
}
