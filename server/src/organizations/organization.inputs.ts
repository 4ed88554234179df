import { Field, ID, InputType } from 'type-graphql';
import { NeedType, OrganizationType } from '../graphql/enums.js';

@InputType()
export class OrganizationFilter {
  @Field(() => [OrganizationType], { nullable: true })
  type?: OrganizationType[];

  @Field(() => String, { nullable: true, description: 'Part of the name or short name' })
  search?: string;

  @Field(() => NeedType, { nullable: true, description: 'Only organisations running a program today that addresses this need (the partner picker lists them first)' })
  servesNeed?: NeedType;
}

@InputType()
export class CreateOrganizationInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string;

  @Field(() => OrganizationType)
  type!: OrganizationType;

  @Field(() => String, { nullable: true })
  contactEmail?: string;

  @Field(() => String, { nullable: true })
  contactPhone?: string;

  @Field(() => String, { nullable: true })
  address?: string;
}

@InputType({ description: 'Only the fields given are changed' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  shortName?: string;

  @Field(() => OrganizationType, { nullable: true })
  type?: OrganizationType;

  @Field(() => String, { nullable: true })
  contactEmail?: string;

  @Field(() => String, { nullable: true })
  contactPhone?: string;

  @Field(() => String, { nullable: true })
  address?: string;
}
