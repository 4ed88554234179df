import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { AssignmentStatus, ConsentMethod, LawfulBasis, NeedType } from '../graphql/enums.js';

@InputType()
export class AssignmentFilter {
  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  householdId?: string;

  @Field(() => [AssignmentStatus], { nullable: true })
  status?: AssignmentStatus[];

  @Field(() => ID, { nullable: true, description: "Households of this area (kota, kecamatan or kelurahan), including its sub-areas" })
  areaId?: string;

  @Field(() => [NeedType], { nullable: true, description: 'Referrals for one of these needs' })
  needType?: NeedType[];
}

@InputType({ description: "A household's consent to the referral (UU 27/2022 Pasal 20 ayat 2 huruf a)" })
export class ReferralConsentInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => ID, { description: 'The member of the household who gave the consent' })
  givenById!: string;

  @Field(() => LocalDateResolver)
  givenOn!: string;

  @Field(() => ConsentMethod)
  method!: ConsentMethod;
}

@InputType()
export class CreateAssignmentInput {
  @Field(() => [ID], { description: 'One or more households (bulk referral, all or nothing)' })
  householdIds!: string[];

  @Field(() => ID, { description: 'The partner organisation' })
  organizationId!: string;

  @Field(() => NeedType, { nullable: true })
  needType?: NeedType;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => LawfulBasis, {
    nullable: true,
    description: 'Required for a non-government partner: CONSENT (then one entry per household in consents) or the other ground used',
  })
  lawfulBasis?: LawfulBasis;

  @Field(() => [ReferralConsentInput], { nullable: true, description: 'One per household when lawfulBasis is CONSENT' })
  consents?: ReferralConsentInput[];
}
