import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../graphql/enums.js';

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => [Role], { nullable: true })
  role?: Role[];

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the username or display name' })
  search?: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String, { description: '3–40 lowercase letters, digits, dot, dash or underscore' })
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for KELURAHAN_OFFICER: their kelurahan (or kecamatan)' })
  areaId?: string;

  @Field(() => String, { description: 'Initial password, at least 10 characters' })
  password!: string;
}

@InputType({ description: 'Only the fields given are changed' })
export class UpdateUserInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  areaId?: string;

  @Field(() => Boolean, { nullable: true, description: 'false deactivates the user and ends all their sessions and tokens' })
  active?: boolean;
}
