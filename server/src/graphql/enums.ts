import { registerEnumType } from 'type-graphql';

// Domain enumerations: the API, the entities and the database CHECK constraints use the same values
// (a test compares them with the migrated schema).

export enum AreaLevel { CITY = 'CITY', KECAMATAN = 'KECAMATAN', KELURAHAN = 'KELURAHAN' }
export enum OrganizationType {
  PERANGKAT_DAERAH = 'PERANGKAT_DAERAH',
  CENTRAL_GOVERNMENT = 'CENTRAL_GOVERNMENT',
  PROVINCIAL_GOVERNMENT = 'PROVINCIAL_GOVERNMENT',
  NGO = 'NGO',
  COMMUNITY_ORGANIZATION = 'COMMUNITY_ORGANIZATION',
  PRIVATE_SECTOR = 'PRIVATE_SECTOR',
}
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  AGENCY_STAFF = 'AGENCY_STAFF',
  KELURAHAN_OFFICER = 'KELURAHAN_OFFICER',
  NGO_PARTNER = 'NGO_PARTNER',
  PRIVATE_PARTNER = 'PRIVATE_PARTNER',
  AUDITOR = 'AUDITOR',
}
export enum PovertyStatus {
  EXTREME_POOR = 'EXTREME_POOR',
  POOR = 'POOR',
  VULNERABLE = 'VULNERABLE',
  NOT_POOR = 'NOT_POOR',
  GRADUATED = 'GRADUATED',
}
export enum FloorType {
  EARTH = 'EARTH',
  BAMBOO = 'BAMBOO',
  WOOD_LOW_QUALITY = 'WOOD_LOW_QUALITY',
  WOOD_HIGH_QUALITY = 'WOOD_HIGH_QUALITY',
  CEMENT = 'CEMENT',
  TILE_CERAMIC = 'TILE_CERAMIC',
}
export enum WallType {
  BAMBOO = 'BAMBOO',
  WOOD_LOW_QUALITY = 'WOOD_LOW_QUALITY',
  WOOD_HIGH_QUALITY = 'WOOD_HIGH_QUALITY',
  PLASTERED_BRICK = 'PLASTERED_BRICK',
  UNPLASTERED_BRICK = 'UNPLASTERED_BRICK',
  OTHER = 'OTHER',
}
export enum RoofType {
  THATCH = 'THATCH',
  WOOD_SHINGLE = 'WOOD_SHINGLE',
  ZINC = 'ZINC',
  ASBESTOS = 'ASBESTOS',
  CLAY_TILE = 'CLAY_TILE',
  CONCRETE = 'CONCRETE',
}
export enum DrinkingWater {
  PIPED = 'PIPED',
  BOTTLED = 'BOTTLED',
  PROTECTED_WELL = 'PROTECTED_WELL',
  UNPROTECTED_WELL = 'UNPROTECTED_WELL',
  RIVER_LAKE = 'RIVER_LAKE',
  RAINWATER = 'RAINWATER',
  OTHER = 'OTHER',
}
export enum Sanitation { PRIVATE = 'PRIVATE', SHARED = 'SHARED', PUBLIC = 'PUBLIC', NONE = 'NONE' }
export enum Electricity {
  PLN_METERED = 'PLN_METERED',
  PLN_UNMETERED = 'PLN_UNMETERED',
  NON_PLN = 'NON_PLN',
  NONE = 'NONE',
}
export enum HomeOwnership {
  OWNED = 'OWNED',
  RENTED = 'RENTED',
  RENT_FREE = 'RENT_FREE',
  OFFICIAL_HOUSING = 'OFFICIAL_HOUSING',
  OTHER = 'OTHER',
}
export enum VerificationStatus { UNVERIFIED = 'UNVERIFIED', VERIFIED = 'VERIFIED', NEEDS_UPDATE = 'NEEDS_UPDATE' }
export enum Sex { MALE = 'MALE', FEMALE = 'FEMALE' }
export enum Relation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  GRANDCHILD = 'GRANDCHILD',
  PARENT = 'PARENT',
  PARENT_IN_LAW = 'PARENT_IN_LAW',
  OTHER_RELATIVE = 'OTHER_RELATIVE',
  OTHER = 'OTHER',
}
export enum EducationLevel {
  NONE = 'NONE',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  DIPLOMA = 'DIPLOMA',
  BACHELOR = 'BACHELOR',
  POSTGRADUATE = 'POSTGRADUATE',
}
export enum Disability {
  NONE = 'NONE',
  PHYSICAL = 'PHYSICAL',
  INTELLECTUAL = 'INTELLECTUAL',
  MENTAL = 'MENTAL',
  SENSORY = 'SENSORY',
  MULTIPLE = 'MULTIPLE',
}
export enum EmploymentStatus {
  EMPLOYED = 'EMPLOYED',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  UNEMPLOYED = 'UNEMPLOYED',
  NOT_IN_LABOR_FORCE = 'NOT_IN_LABOR_FORCE',
  STUDENT = 'STUDENT',
}
export enum JknStatus { NONE = 'NONE', PBI = 'PBI', NON_PBI = 'NON_PBI' }
export enum MeasurePosition { LYING = 'LYING', STANDING = 'STANDING' }
export enum StuntingStatus { NORMAL = 'NORMAL', STUNTED = 'STUNTED', SEVERELY_STUNTED = 'SEVERELY_STUNTED' }
export enum FocusAspect {
  STUNTING = 'STUNTING',
  INVESTMENT = 'INVESTMENT',
  P3DN = 'P3DN',
  INFLATION = 'INFLATION',
  SOCIAL_PROTECTION = 'SOCIAL_PROTECTION',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  HOUSING = 'HOUSING',
  LIVELIHOOD = 'LIVELIHOOD',
}
export enum Strategy {
  REDUCE_EXPENDITURE = 'REDUCE_EXPENDITURE',
  INCREASE_INCOME = 'INCREASE_INCOME',
  REDUCE_POVERTY_POCKETS = 'REDUCE_POVERTY_POCKETS',
}
export enum NeedType {
  STUNTING = 'STUNTING',
  NUTRITION_RISK = 'NUTRITION_RISK',
  HEALTH_INSURANCE = 'HEALTH_INSURANCE',
  SCHOOLING = 'SCHOOLING',
  HOUSING = 'HOUSING',
  WATER = 'WATER',
  SANITATION = 'SANITATION',
  ELECTRICITY = 'ELECTRICITY',
  INCOME = 'INCOME',
  FOOD = 'FOOD',
}
export enum TargetUnit { HOUSEHOLD = 'HOUSEHOLD', PERSON = 'PERSON' }
export enum Frequency { ONCE = 'ONCE', WEEKLY = 'WEEKLY', MONTHLY = 'MONTHLY', QUARTERLY = 'QUARTERLY', YEARLY = 'YEARLY' }
export enum InterventionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  VERIFIED = 'VERIFIED',
  CANCELLED = 'CANCELLED',
}
export enum AssignmentStatus { REQUESTED = 'REQUESTED', ACCEPTED = 'ACCEPTED', DECLINED = 'DECLINED', CLOSED = 'CLOSED' }
/** UU 27/2022 Pasal 20 ayat 2: the grounds for processing personal data, (a) to (f). */
export enum LawfulBasis {
  CONSENT = 'CONSENT',
  CONTRACT = 'CONTRACT',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  VITAL_INTEREST = 'VITAL_INTEREST',
  PUBLIC_TASK = 'PUBLIC_TASK',
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
}
export enum ConsentMethod { VERBAL = 'VERBAL', WRITTEN = 'WRITTEN', THUMBPRINT = 'THUMBPRINT' }
export enum Indicator {
  STUNTING_PREVALENCE_PCT = 'STUNTING_PREVALENCE_PCT',
  INVESTMENT_REALISATION_RP = 'INVESTMENT_REALISATION_RP',
  P3DN_SHARE_PCT = 'P3DN_SHARE_PCT',
  INFLATION_YOY_PCT = 'INFLATION_YOY_PCT',
}
export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  PII_READ = 'PII_READ',
  LOGIN = 'LOGIN',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGOUT = 'LOGOUT',
  EXPORT = 'EXPORT',
  IMPORT = 'IMPORT',
}
/** Why a member left the household's active roster (the record is kept). */
export enum MemberExit {
  DECEASED = 'DECEASED',
  MOVED_OUT = 'MOVED_OUT',
}
export enum SortDirection { ASC = 'ASC', DESC = 'DESC' }

// Column names of the database CHECK constraints each enum must match.
export const ENUM_COLUMNS: ReadonlyArray<[Record<string, string>, string, string]> = [
  [AreaLevel, 'area', 'level'],
  [OrganizationType, 'organization', 'type'],
  [Role, 'app_user', 'role'],
  [PovertyStatus, 'household', 'poverty_status'],
  [PovertyStatus, 'poverty_assessment', 'poverty_status'],
  [PovertyStatus, 'poverty_assessment', 'previous_status'],
  [FloorType, 'household', 'floor_type'],
  [WallType, 'household', 'wall_type'],
  [RoofType, 'household', 'roof_type'],
  [DrinkingWater, 'household', 'drinking_water'],
  [Sanitation, 'household', 'sanitation'],
  [Electricity, 'household', 'electricity'],
  [HomeOwnership, 'household', 'home_ownership'],
  [VerificationStatus, 'household', 'verification_status'],
  [Sex, 'person', 'sex'],
  [Relation, 'person', 'relation'],
  [EducationLevel, 'person', 'education_level'],
  [Disability, 'person', 'disability'],
  [EmploymentStatus, 'person', 'employment_status'],
  [JknStatus, 'person', 'jkn_status'],
  [MeasurePosition, 'growth_measurement', 'position'],
  [StuntingStatus, 'growth_measurement', 'stunting_status'],
  [Strategy, 'program', 'strategy'],
  [TargetUnit, 'program', 'target_unit'],
  [Frequency, 'program', 'frequency'],
  [InterventionStatus, 'intervention', 'status'],
  [AssignmentStatus, 'assignment', 'status'],
  [NeedType, 'assignment', 'need_type'],
  [LawfulBasis, 'assignment', 'lawful_basis'],
  [ConsentMethod, 'assignment', 'consent_method'],
  [Indicator, 'indicator_value', 'indicator'],
  [AuditAction, 'audit_event', 'action'],
  [MemberExit, 'person', 'left_reason'],
];

const described: Array<[object, string, string]> = [
  [AreaLevel, 'AreaLevel', 'Level of an administrative area (kota > kecamatan > kelurahan)'],
  [OrganizationType, 'OrganizationType', 'Kind of organisation taking part'],
  [Role, 'Role', 'What a user may see and do'],
  [PovertyStatus, 'PovertyStatus', 'Poverty status of a household'],
  [FloorType, 'FloorType', 'Main floor material'],
  [WallType, 'WallType', 'Main wall material'],
  [RoofType, 'RoofType', 'Main roof material'],
  [DrinkingWater, 'DrinkingWater', 'Main source of drinking water'],
  [Sanitation, 'Sanitation', 'Latrine access'],
  [Electricity, 'Electricity', 'Electricity supply'],
  [HomeOwnership, 'HomeOwnership', 'Tenure of the dwelling'],
  [VerificationStatus, 'VerificationStatus', 'Field verification state of household data'],
  [Sex, 'Sex', 'Sex as registered in the civil registry'],
  [Relation, 'Relation', 'Relation to the head of household'],
  [EducationLevel, 'EducationLevel', 'Highest completed education level'],
  [Disability, 'Disability', 'Disability'],
  [EmploymentStatus, 'EmploymentStatus', 'Employment status'],
  [JknStatus, 'JknStatus', 'JKN health insurance: none, state-paid premium (PBI) or other'],
  [MeasurePosition, 'MeasurePosition', 'Length measured lying (recumbent) or height standing'],
  [StuntingStatus, 'StuntingStatus', 'Height-for-age status (WHO 2006): z < -2 stunted, z < -3 severely'],
  [FocusAspect, 'FocusAspect', "Aspects of the city's extreme poverty strategy"],
  [Strategy, 'Strategy', 'Inpres 4/2022 strategy'],
  [NeedType, 'NeedType', 'A need derived from household data'],
  [TargetUnit, 'TargetUnit', 'Whether a program is delivered to a household or a person'],
  [Frequency, 'Frequency', 'How often a program may be delivered to one target'],
  [InterventionStatus, 'InterventionStatus', 'PLANNED -> IN_PROGRESS -> DELIVERED -> VERIFIED, or CANCELLED'],
  [AssignmentStatus, 'AssignmentStatus', 'State of a referral to a partner'],
  [LawfulBasis, 'LawfulBasis', 'Ground for sharing a household with a partner (UU 27/2022 Pasal 20 ayat 2, a to f)'],
  [ConsentMethod, 'ConsentMethod', 'How the household gave its consent'],
  [Indicator, 'Indicator', 'Area-level indicator of the four aspects'],
  [AuditAction, 'AuditAction', 'Kind of audited event'],
  [MemberExit, 'MemberExit', 'Why a member left the household (death or moving out); the record is kept'],
  [SortDirection, 'SortDirection', 'Sort direction'],
];
for (const [enumObj, name, description] of described) registerEnumType(enumObj, { name, description });
