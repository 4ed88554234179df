import { Area } from '../areas/area.entity.js';
import { Assignment } from '../assignments/assignment.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { UserSession } from '../auth/session.entity.js';
import { GrowthMeasurement } from '../growth/growth-measurement.entity.js';
import { Household } from '../households/household.entity.js';
import { Person } from '../households/person.entity.js';
import { PovertyAssessment } from '../households/poverty-assessment.entity.js';
import { IndicatorValue } from '../indicators/indicator-value.entity.js';
import { Intervention } from '../interventions/intervention.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Program } from '../programs/program.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [
  Area,
  Organization,
  User,
  UserSession,
  ApiToken,
  Household,
  Person,
  PovertyAssessment,
  GrowthMeasurement,
  Program,
  Intervention,
  Assignment,
  IndicatorValue,
  AuditEvent,
];
