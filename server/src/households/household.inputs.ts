import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  Disability,
  DrinkingWater,
  EducationLevel,
  Electricity,
  EmploymentStatus,
  FloorType,
  HomeOwnership,
  InterventionStatus,
  JknStatus,
  MemberExit,
  NeedType,
  PovertyStatus,
  Relation,
  RoofType,
  Sanitation,
  Sex,
  SortDirection,
  VerificationStatus,
  WallType,
} from '../graphql/enums.js';
import { NeedStatus } from '../needs/need.types.js';

export enum HouseholdOrderField {
  KK_NUMBER = 'KK_NUMBER',
  WELFARE_DECILE = 'WELFARE_DECILE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(HouseholdOrderField, { name: 'HouseholdOrderField' });

@InputType()
export class HouseholdOrder {
  @Field(() => HouseholdOrderField)
  field!: HouseholdOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: 'All conditions must hold' })
export class HouseholdFilter {
  @Field(() => ID, { nullable: true, description: 'Area (kota, kecamatan or kelurahan), including its sub-areas' })
  areaId?: string;

  @Field(() => String, { nullable: true, description: 'Area by Kemendagri code, including its sub-areas' })
  areaCode?: string;

  @Field(() => [PovertyStatus], { nullable: true })
  povertyStatus?: PovertyStatus[];

  @Field(() => Int, { nullable: true })
  decileMin?: number;

  @Field(() => Int, { nullable: true })
  decileMax?: number;

  @Field(() => ID, { nullable: true, description: 'Households with an intervention of this program' })
  programId?: string;

  @Field(() => [InterventionStatus], {
    nullable: true,
    description: 'Households with an intervention in one of these statuses (of programId, when given)',
  })
  interventionStatus?: InterventionStatus[];

  @Field(() => [VerificationStatus], { nullable: true })
  verificationStatus?: VerificationStatus[];

  @Field(() => [NeedType], { nullable: true, description: 'Households with a current need of one of these types' })
  needType?: NeedType[];

  @Field(() => [NeedStatus], {
    nullable: true,
    description: 'Households with a current need (of needType, when given) in one of these statuses this period',
  })
  needStatus?: NeedStatus[];

  @Field(() => String, { nullable: true, description: 'Member name, address, or the start of a KK number or NIK' })
  search?: string;
}

@InputType()
export class DataSourceInput {
  @Field(() => String)
  source!: string;

  @Field(() => LocalDateResolver)
  date!: string;
}

@InputType()
export class PersonInput {
  @Field(() => String, {
    nullable: true,
    description: 'Required, except for a child or grandchild born in the last 12 months whose NIK Dukcapil has not issued yet (then nikPending)',
  })
  nik?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => LocalDateResolver)
  birthDate!: string;

  @Field(() => Relation)
  relation!: Relation;

  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel;

  @Field(() => Boolean, { nullable: true })
  schoolEnrolled?: boolean;

  @Field(() => Disability, { nullable: true })
  disability?: Disability;

  @Field(() => String, { nullable: true })
  occupation?: string;

  @Field(() => EmploymentStatus, { nullable: true })
  employmentStatus?: EmploymentStatus;

  @Field(() => JknStatus, { nullable: true })
  jknStatus?: JknStatus;

  @Field(() => Boolean, { nullable: true })
  pregnant?: boolean;
}

@InputType({ description: 'Only the fields given are changed' })
export class UpdatePersonInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one answers CONFLICT' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Only to give a pending NIK; a wrong one is fixed with correctMemberNik' })
  nik?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Sex, { nullable: true })
  sex?: Sex;

  @Field(() => LocalDateResolver, { nullable: true })
  birthDate?: string;

  @Field(() => Relation, { nullable: true })
  relation?: Relation;

  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel;

  @Field(() => Boolean, { nullable: true })
  schoolEnrolled?: boolean;

  @Field(() => Disability, { nullable: true })
  disability?: Disability;

  @Field(() => String, { nullable: true })
  occupation?: string;

  @Field(() => EmploymentStatus, { nullable: true })
  employmentStatus?: EmploymentStatus;

  @Field(() => JknStatus, { nullable: true })
  jknStatus?: JknStatus;

  @Field(() => Boolean, { nullable: true })
  pregnant?: boolean;
}

// Shared fields; type-graphql inherits only from decorated classes, and leaves unreferenced ones out of the schema.
@InputType()
class HouseholdFields {
  @Field(() => String, { nullable: true })
  address?: string;

  @Field(() => String, { nullable: true })
  rt?: string;

  @Field(() => String, { nullable: true })
  rw?: string;

  @Field(() => Float, { nullable: true })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field(() => Float, { nullable: true })
  monthlyExpenditurePerCapita?: number;

  @Field(() => FloorType, { nullable: true })
  floorType?: FloorType;

  @Field(() => WallType, { nullable: true })
  wallType?: WallType;

  @Field(() => RoofType, { nullable: true })
  roofType?: RoofType;

  @Field(() => DrinkingWater, { nullable: true })
  drinkingWater?: DrinkingWater;

  @Field(() => Sanitation, { nullable: true })
  sanitation?: Sanitation;

  @Field(() => Electricity, { nullable: true })
  electricity?: Electricity;

  @Field(() => HomeOwnership, { nullable: true })
  homeOwnership?: HomeOwnership;

  @Field(() => [DataSourceInput], { nullable: true })
  dataSources?: DataSourceInput[];
}

@InputType()
export class CreateHouseholdInput extends HouseholdFields {
  @Field(() => String)
  kkNumber!: string;

  @Field(() => ID, { description: 'The kelurahan' })
  areaId!: string;

  // Given only here: afterwards they change through recordPovertyAssessment, which keeps the history.
  @Field(() => Int, { nullable: true, description: 'Required. DTSEN welfare decile, 1 (poorest) to 10; recorded as the first assessment' })
  welfareDecile?: number;

  @Field(() => PovertyStatus, { nullable: true, description: 'Defaults from the decile when omitted' })
  povertyStatus?: PovertyStatus;

  @Field(() => [PersonInput], { description: 'Members; exactly one with relation HEAD' })
  members!: PersonInput[];
}

@InputType({ description: 'Only the fields given are changed; the decile and poverty status change through recordPovertyAssessment' })
export class UpdateHouseholdInput extends HouseholdFields {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one answers CONFLICT' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'The registered one only; a wrong one is fixed with correctKkNumber' })
  kkNumber?: string;

  @Field(() => ID, { nullable: true })
  areaId?: string;

  @Field(() => VerificationStatus, { nullable: true })
  verificationStatus?: VerificationStatus;
}

@InputType({ description: 'A death or a move out: the member leaves the active roster and stays on record' })
export class RecordMemberExitInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int, { description: 'The version you read; a newer one answers CONFLICT' })
  version!: number;

  @Field(() => MemberExit)
  reason!: MemberExit;

  @Field(() => LocalDateResolver, { description: 'Not in the future, not before the birth date' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'e.g. the death certificate or the new address (up to 500 characters)' })
  note?: string;

  @Field(() => ID, { nullable: true, description: 'Required when the member is the head: an active member who becomes head' })
  newHeadId?: string;
}

@InputType({ description: 'Moves a member to another household (e.g. after marriage); both households re-derive their needs' })
export class MoveMemberInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int, { description: 'The version you read; a newer one answers CONFLICT' })
  version!: number;

  @Field(() => ID)
  toHouseholdId!: string;

  @Field(() => Relation, { description: 'Relation to the head of the new household (not HEAD: it has one)' })
  relation!: Relation;

  @Field(() => ID, { nullable: true, description: 'Required when the member is the head of the household left: an active member who becomes head' })
  newHeadId?: string;
}

@InputType({ description: 'Corrects a wrongly registered NIK; the old value is kept in the audit trail' })
export class CorrectNikInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  nik!: string;

  @Field(() => String, { description: 'Why, e.g. the Dukcapil document seen (3–500 characters)' })
  reason!: string;
}

@InputType({ description: 'Corrects a wrongly registered KK number; the old value is kept in the audit trail' })
export class CorrectKkNumberInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  kkNumber!: string;

  @Field(() => String, { description: 'Why, e.g. the Dukcapil document seen (3–500 characters)' })
  reason!: string;
}
