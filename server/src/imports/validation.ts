import type { Knex } from '@mikro-orm/knex';
import { can, inArea } from '../auth/policy.js';
import { Relation, Role } from '../graphql/enums.js';
import { householdFieldChanges, validatePerson } from '../households/household.service.js';
import { measurementValues } from '../growth/growth-measurement.service.js';
import { assertWithinProgram, validateAmounts } from '../interventions/intervention.service.js';
import { requireDate } from '../graphql/validate.js';
import { nikProblem } from '../households/identity-numbers.js';
import { today } from '../config/clock.js';
import { alasanOf, quoteColumn, translateProblem } from './alasan.js';
import type { AreaRef, RowProblem, SourceKey } from './import.types.js';
import type { ImportActor } from './import-transaction.js';
import type { ProgramRef } from './programs.js';
import { AreaResolver } from './regions.js';
import { SOURCES, type DinkesRecord, type DinsosRecord, type DisdikRecord, type DtsenRecord, type MappedRow } from './sources/index.js';

/** A program as the validation needs it (ownership, dates, target). */
export interface ProgramFacts extends ProgramRef {
  startsOn: string;
  endsOn?: string;
  frequency: string;
  targetUnit: string;
}

export interface ReferenceData {
  areas: AreaRef[];
  programs: ProgramFacts[];
}

export async function loadReferenceData(trx: Knex.Transaction): Promise<ReferenceData> {
  const areas = (await trx('area').select('id', 'code', 'name', 'level')) as AreaRef[];
  const programs = (
    await trx('program').select('id', 'name', 'owner_id', 'starts_on', 'ends_on', 'frequency', 'target_unit')
  ).map((p: Record<string, unknown>) => ({
    id: p['id'] as string,
    name: p['name'] as string,
    ownerId: p['owner_id'] as string,
    startsOn: isoDate(p['starts_on']),
    endsOn: p['ends_on'] ? isoDate(p['ends_on']) : undefined,
    frequency: p['frequency'] as string,
    targetUnit: p['target_unit'] as string,
  }));
  return { areas, programs };
}

export const isoDate = (value: unknown): string =>
  value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
    : String(value).slice(0, 10);

/** A timestamptz as the driver hands it to raw queries ('2026-12-06 11:43:55.53+00') or as a Date. */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(String(value).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

export type RowOutcome =
  | { status: 'VALID'; records: object[]; groupKey: string }
  | { status: 'REJECTED'; reason: string }
  | { status: 'REVIEW'; records: object[]; reason: string; groupKey: string };

/** A column's header for the shared validators' field names. */
type FieldNamer = (name: string) => string;

/**
 * Checks one row: the source's format and code lists, then the API's own rules (the validators the
 * mutations use), then the importing user's scope. Does not look at the registry: matching is the
 * commit's; duplicates inside the file are the caller's (`InFileDuplicates`).
 */
export class RowValidator {
  private readonly areas: AreaResolver;
  private readonly programs: Map<string, ProgramFacts>;
  private readonly areaCodes: Map<string, string>;

  constructor(
    readonly source: SourceKey,
    private readonly actor: ImportActor,
    private readonly reference: ReferenceData,
    private readonly sourceDate: string,
  ) {
    this.areas = new AreaResolver(reference.areas);
    this.programs = new Map(reference.programs.map((p) => [p.id, p]));
    this.areaCodes = new Map(reference.areas.map((a) => [a.id, a.code]));
  }

  validate(values: MappedRow): RowOutcome {
    const definition = SOURCES[this.source] as { parse(v: MappedRow, c: unknown): { records: object[]; problems: RowProblem[] } };
    const { records, problems } = definition.parse(values, { areas: this.areas, programs: this.reference.programs, sourceDate: this.sourceDate });
    const rejections = problems.filter((p) => !p.review);
    if (rejections.length) return { status: 'REJECTED', reason: rejections.map((p) => `${quoteColumn(p.column)}: ${p.message}`).join('; ') };
    const header = (key: string) => values[key]?.column ?? key;
    const errors: string[] = [];
    for (const record of records) {
      try {
        this.applyRules(record, header, values);
      } catch (error) {
        errors.push(error instanceof RowRuleError ? error.message : alasanOf(error, (field) => header(field ?? 'nik')));
      }
    }
    if (errors.length) return { status: 'REJECTED', reason: errors.join('; ') };
    const groupKey = this.groupKey(records[0]);
    if (problems.length) return { status: 'REVIEW', records, reason: problems.map((p) => `${quoteColumn(p.column)}: ${p.message}`).join('; '), groupKey };
    return { status: 'VALID', records, groupKey };
  }

  private groupKey(record: object | undefined): string {
    const r = record as Record<string, unknown> | undefined;
    // A family is committed in one batch, whole: all rows with its KK number.
    if (this.source === 'dtsen') {
      if (r?.['kkNumber']) return `kk:${r['kkNumber'] as string}`;
      return r?.['familyId'] ? `family:${r['familyId'] as string}` : `nik:${r?.['nik'] as string}`;
    }
    return `nik:${(r?.['nik'] as string | undefined) ?? (r?.['kkNumber'] as string | undefined) ?? `${r?.['name'] as string}|${r?.['birthDate'] as string}`}`;
  }

  /** A kelurahan officer's file may hold rows of their own area only; those are refused row by row. */
  private assertOfficerArea(areaId: string | undefined, column: string): void {
    if (!areaId || this.actor.viewer.role !== Role.KELURAHAN_OFFICER) return;
    const code = this.areaCodes.get(areaId);
    if (!code || !inArea(code, this.actor.viewer.areaCode!)) throw new RowRuleError(column, 'kelurahan di luar wilayah Anda');
  }

  private applyRules(record: object, header: (key: string) => string, values: MappedRow): void {
    // The shared validators name fields as the API does; the template keys are the same names.
    const field: FieldNamer = (name) => header(name);
    switch (this.source) {
      case 'dtsen': {
        const r = record as DtsenRecord;
        validatePerson('', {
          nik: r.nik,
          name: r.name,
          sex: r.sex,
          birthDate: r.birthDate,
          relation: r.relation as Relation,
          occupation: r.occupation,
        } as never);
        householdFieldChanges(
          { kkNumber: r.kkNumber, address: r.address, rt: r.rt, rw: r.rw, welfareDecile: r.welfareDecile },
          field,
        );
        this.assertOfficerArea(r.areaId, values['kelurahanCode'] ? header('kelurahanCode') : header('kelurahanName'));
        return;
      }
      case 'dinsos': {
        const r = record as DinsosRecord;
        const program = this.programs.get(r.programId)!;
        if (!can(this.actor.viewer, 'intervention.deliver', { programOwnerId: program.ownerId })) {
          throw new RowRuleError(header('program'), 'program ini bukan milik organisasi Anda');
        }
        const deliveredOn = requireDate(header('deliveredOn'), r.deliveredOn, { min: '2000-01-01', max: today() });
        assertWithinProgram(header('deliveredOn'), program, deliveredOn);
        validateAmounts({ quantity: r.quantity, valueRp: r.valueRp }, (name) => header(name));
        if (r.nik) checkNik(r.nik, header('nik'));
        return;
      }
      case 'dinkes': {
        const r = record as DinkesRecord;
        if (r.nik) checkNik(r.nik, header('nik'), r.sex && r.birthDate ? { sex: r.sex, birthDate: r.birthDate } : undefined);
        if (r.sex && r.birthDate) {
          measurementValues(
            { sex: r.sex, birthDate: r.birthDate },
            { measuredOn: r.measuredOn, heightCm: r.heightCm, weightKg: r.weightKg, position: (r.position ?? defaultPosition(r)) as never },
            (name) => header(name === 'personId' ? 'birthDate' : name),
          );
        } else {
          requireDate(header('measuredOn'), r.measuredOn, { min: '2000-01-01', max: today() });
        }
        this.assertOfficerArea(r.areaId, header('kelurahanName'));
        return;
      }
      case 'disdik': {
        const r = record as DisdikRecord;
        if (r.nik) checkNik(r.nik, header('nik'), undefined);
        this.assertOfficerArea(r.areaId, header('kelurahanName'));
        return;
      }
    }
  }

}

/** A child measured without a position: lying under two years, standing from two (WHO's convention). */
export function defaultPosition(r: { birthDate?: string; measuredOn: string }): 'LYING' | 'STANDING' {
  if (!r.birthDate) return 'LYING';
  const [by, bm, bd] = r.birthDate.split('-').map(Number) as [number, number, number];
  const [my, mm, md] = r.measuredOn.split('-').map(Number) as [number, number, number];
  const months = (my - by) * 12 + (mm - bm) - (md < bd ? 1 : 0);
  return months < 24 ? 'LYING' : 'STANDING';
}


function checkNik(nik: string, column: string, person?: { sex: 'MALE' | 'FEMALE'; birthDate: string }) {
  const problem = nikProblem(nik, person);
  if (problem) throw new RowRuleError(column, translateProblem(problem));
}

/** A rule of the import itself (scope, ownership), already in Indonesian. */
export class RowRuleError extends Error {
  constructor(column: string, reason: string) {
    super(`${quoteColumn(column)}: ${reason}`);
  }
}
