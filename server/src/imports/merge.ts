import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import { now, today } from '../config/clock.js';
import { measurementValues } from '../growth/growth-measurement.service.js';
import { defaultPovertyStatus } from '../households/household.service.js';
import { REGISTRATION_REASON } from '../households/poverty-assessment.service.js';
import { assertTargetFits } from '../interventions/intervention.service.js';
import { interventionPeriodKey } from '../interventions/period-key.js';
import type { Frequency } from '../graphql/enums.js';
import { alasanOf } from './alasan.js';
import { sqlRaw, type ImportActor } from './import-transaction.js';
import type { JobRow } from './dry-run.js';
import { defaultPosition, isoDate } from './validation.js';
import { SOURCES, type DinkesRecord, type DinsosRecord, type DisdikRecord, type DtsenRecord } from './sources/index.js';

/**
 * Near duplicates of new people: per row, the people of its birth date whose name is similar, in its
 * kelurahan. The birth-date index carries every column read here (migration 0047), so the candidates, a
 * number that grows with the registry, are read from the index alone instead of one heap page each; only
 * the few similar ones are looked up in their household.
 */
export const NEAR_DUPLICATES = `select distinct on (x.key) x.key, c.id, c.name, c.nik, c.household_id
         from jsonb_to_recordset(?::jsonb) as x(key int, name text, birth_date date, area_id uuid)
         cross join lateral (
           select p.id, p.name, p.nik, p.household_id, similarity(p.name, x.name) as score
             from person p
            where p.birth_date = x.birth_date and similarity(p.name, x.name) >= 0.6
              and exists (select 1 from household h where h.id = p.household_id and h.area_id = x.area_id)
           offset 0) c
        order by x.key, c.score desc, c.id`;

export interface StagedRow {
  line: number;
  records: object[];
  group_key: string;
}

export interface RowResult {
  line: number;
  status: 'INSERTED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED' | 'REVIEW';
  reason?: string;
}

export interface BatchResult {
  rows: RowResult[];
  /** Households the batch changed; `newHouseholdIds` those it created (a subset). */
  householdIds: Set<string>;
  newHouseholdIds: Set<string>;
  personIds: Set<string>;
}

const HOUSEHOLD_FIELDS = ['address', 'rt', 'rw', 'floorType', 'wallType', 'roofType', 'drinkingWater', 'sanitation', 'electricity', 'homeOwnership'] as const;
const PERSON_FIELDS = ['name', 'sex', 'birthDate', 'relation', 'educationLevel', 'schoolEnrolled', 'occupation', 'employmentStatus', 'jknStatus', 'disability'] as const;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
const json = (value: unknown) => JSON.stringify(value);
// The application clock, like the mutations' timestamps (tests move it).
const stamp = () => now().toISOString();

type Row = Record<string, unknown>;

/** Field-level provenance of the batch's existing records: entity id -> field -> source date (the latest write's). */
async function provenanceOf(trx: Knex.Transaction, ids: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  if (!ids.length) return out;
  const rows = (await sqlRaw(
    trx,
    `select entity_id, fields, to_char(source_date, 'YYYY-MM-DD') as date from field_provenance where entity_id = any (?::uuid[]) order by seq`,
    [ids],
  )).rows as { entity_id: string; fields: string[]; date: string }[];
  for (const r of rows) {
    const fields = out.get(r.entity_id) ?? out.set(r.entity_id, new Map()).get(r.entity_id)!;
    for (const field of r.fields) fields.set(field, r.date);
  }
  return out;
}

/** Collects a batch's writes and sends each kind as one statement. */
class Writes {
  households: Row[] = [];
  householdUpdates: Row[] = [];
  persons: Row[] = [];
  personUpdates: Row[] = [];
  assessments: Row[] = [];
  // Entity id -> its household and the fields this batch wrote.
  provenance = new Map<string, { householdId: string; fields: Set<string> }>();
  reviews: Row[] = [];
  interventions: Row[] = [];
  measurements: Row[] = [];

  constructor(
    private readonly actor: ImportActor,
    private readonly job: JobRow,
  ) {}

  provenanceFor(householdId: string, entityId: string, fields: string[]) {
    const entry = this.provenance.get(entityId) ?? { householdId, fields: new Set<string>() };
    for (const field of fields) entry.fields.add(field);
    this.provenance.set(entityId, entry);
  }

  review(line: number, kind: string, detail: string, record: object, ids: { areaId?: string; householdId?: string; personId?: string }) {
    this.reviews.push({
      id: randomUUID(),
      job_id: this.job.id,
      source: this.job.source,
      file_name: this.job.file_name,
      line,
      kind,
      area_id: ids.areaId ?? null,
      household_id: ids.householdId ?? null,
      person_id: ids.personId ?? null,
      record,
      detail,
    });
  }

  async flush(trx: Knex.Transaction): Promise<void> {
    // The rows of one kind all carry the same keys; the table's defaults fill the rest.
    const insert = async (table: string, rows: Row[]) => {
      if (!rows.length) return;
      const columns = Object.keys(rows[0]!).join(', ');
      await sqlRaw(trx, `insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, ?::jsonb)`, [json(rows)]);
    };
    // A new household's search row waits for its people (migration 0044): written once, names included.
    if (this.households.length) await sqlRaw(trx, `select set_config('sinergi.household_search_later', 'on', true)`, []);
    await insert('household', this.households);
    for (const chunk of [this.householdUpdates]) {
      if (!chunk.length) continue;
      const cols = ['address', 'rt', 'rw', 'floor_type', 'wall_type', 'roof_type', 'drinking_water', 'sanitation', 'electricity', 'home_ownership', 'welfare_decile', 'poverty_status', 'data_sources'];
      await sqlRaw(
        trx,
        `update household h set ${cols.map((c) => `${c} = x.${c}`).join(', ')}, version = h.version + 1, updated_at = ?::timestamptz
           from jsonb_populate_recordset(null::household, ?::jsonb) x where h.id = x.id`,
        [stamp(), json(chunk)],
      );
    }
    await insert('person', this.persons);
    if (this.households.length) await sqlRaw(trx, `select household_search_add(?::uuid[])`, [this.households.map((h) => h['id'] as string)]);
    if (this.personUpdates.length) {
      const cols = ['name', 'sex', 'birth_date', 'relation', 'education_level', 'school_enrolled', 'occupation', 'employment_status', 'jkn_status', 'disability'];
      await sqlRaw(
        trx,
        `update person p set ${cols.map((c) => `${c} = x.${c}`).join(', ')}, version = p.version + 1, updated_at = ?::timestamptz
           from jsonb_populate_recordset(null::person, ?::jsonb) x where p.id = x.id`,
        [stamp(), json(this.personUpdates)],
      );
    }
    await insert('poverty_assessment', this.assessments);
    await insert('intervention', this.interventions);
    await insert('growth_measurement', this.measurements);
    if (this.provenance.size) {
      // Fields from an older source were left out above, so the file's fields simply win here. The
      // stamp once per entity (not per field): a narrow row, the field set as text.
      const entries = [...this.provenance].map(([id, e]) => ({ entity_id: id, household_id: e.householdId, fields: [...e.fields].join(',') }));
      await sqlRaw(
        trx,
        `insert into field_provenance (entity_id, household_id, source, job_id, source_date, fields)
         select x.entity_id, x.household_id, ?, ?::uuid, ?::date, string_to_array(x.fields, ',')
           from jsonb_to_recordset(?::jsonb) as x(entity_id uuid, household_id uuid, fields text)`,
        [this.job.source.toUpperCase(), this.job.id, isoDate(this.job.source_date), json(entries)],
      );
      // A registered member's earlier stamps follow them to the household the file now names (scope).
      const created = new Set([...this.households, ...this.persons].map((r) => r['id'] as string));
      const known = entries.filter((e) => !created.has(e.entity_id));
      if (known.length) {
        await sqlRaw(
          trx,
          `update field_provenance f set household_id = x.household_id
             from jsonb_to_recordset(?::jsonb) as x(entity_id uuid, household_id uuid)
            where f.entity_id = x.entity_id and f.household_id <> x.household_id`,
          [json(known.map((e) => ({ entity_id: e.entity_id, household_id: e.household_id })))],
        );
      }
    }
    if (this.reviews.length) {
      await sqlRaw(
        trx,
        `insert into import_review (id, job_id, source, file_name, line, kind, area_id, household_id, person_id, record, detail)
         select id, job_id, source, file_name, line, kind, area_id, household_id, person_id, record, detail
           from jsonb_populate_recordset(null::import_review, ?::jsonb)
         on conflict (job_id, line, kind) do nothing`,
        [json(this.reviews)],
      );
    }
  }

  get actorIds() {
    return { userId: this.actor.viewer.userId, organizationId: this.actor.viewer.organizationId };
  }
}

export async function mergeBatch(trx: Knex.Transaction, actor: ImportActor, job: JobRow, rows: StagedRow[]): Promise<BatchResult> {
  const writes = new Writes(actor, job);
  const result: BatchResult = { rows: [], householdIds: new Set(), newHouseholdIds: new Set(), personIds: new Set() };
  switch (job.source) {
    case 'dtsen':
      await mergeDtsen(trx, writes, job, rows, result);
      break;
    case 'dinsos':
      await mergeDinsos(trx, writes, job, rows, result);
      break;
    case 'dinkes':
      await mergeDinkes(trx, writes, job, rows, result);
      break;
    case 'disdik':
      await mergeDisdik(trx, writes, job, rows, result);
      break;
  }
  await writes.flush(trx);
  return result;
}

/** The file's header of a template column (the template's own when the file lacks it). */
function columnOf(job: JobRow, key: string): string {
  const column = job.mapping[key];
  return (column !== null && column !== undefined ? job.headers[column] : undefined) ?? SOURCES[job.source].columns.find((c) => c.key === key)?.header ?? key;
}

/** Changed fields of `record` over `existing` that the source may write (none newer from another source). */
function changes(
  record: Row,
  existing: Row,
  fields: readonly string[],
  provenance: Map<string, string> | undefined,
  sourceDate: string,
): string[] {
  return fields.filter((f) => {
    if (record[f] === undefined || record[f] === null) return false;
    const newer = provenance?.get(f);
    if (newer && newer > sourceDate) return false;
    const current = existing[snake(f)];
    const value = record[f];
    if (current instanceof Date) return isoDate(current) !== value;
    return current !== value;
  });
}

async function findByNameAndBirth(trx: Knex.Transaction, wanted: { key: number; name: string; birthDate: string; areaId?: string }[]) {
  const out = new Map<number, Row>();
  if (!wanted.length) return out;
  const rows = (await sqlRaw(
        trx,
    // As the near-duplicate search: birth date first, then the household by key (see there).
    `select distinct on (x.key) x.key, c.*
       from jsonb_to_recordset(?::jsonb) as x(key int, name text, birth_date date, area_id uuid)
       cross join lateral (
         select p.*, h.area_id
           from person p
           join household h on h.id = p.household_id
          where p.birth_date = x.birth_date and lower(p.name) = lower(x.name) and (x.area_id is null or h.area_id = x.area_id)
         offset 0) c
      order by x.key, c.id`,
    [json(wanted.map((w) => ({ key: w.key, name: w.name, birth_date: w.birthDate, area_id: w.areaId ?? null })))],
  )).rows as Row[];
  for (const r of rows) out.set(r['key'] as number, r);
  return out;
}

async function mergeDtsen(trx: Knex.Transaction, writes: Writes, job: JobRow, rows: StagedRow[], result: BatchResult) {
  const sourceDate = isoDate(job.source_date);
  const all = rows.map((r) => ({ line: r.line, r: r.records[0] as DtsenRecord }));
  const niks = [...new Set(all.map((x) => x.r.nik).filter((n): n is string => !!n))];
  const persons = new Map(((await trx('person').whereIn('nik', niks).select('*')) as Row[]).map((p) => [p['nik'] as string, p]));
  // Rows without a KK number (P3KE): the family of the registered person with that NIK, or nothing.
  const familyOf = new Map(
    ((await trx('household')
      .whereIn('id', all.filter((x) => !x.r.kkNumber).map((x) => persons.get(x.r.nik!)?.['household_id'] as string).filter(Boolean))
      .select('id', 'kk_number')) as Row[]).map((h) => [h['id'] as string, h['kk_number'] as string]),
  );
  const records: { line: number; r: DtsenRecord & { kkNumber: string } }[] = [];
  for (const x of all) {
    const kkNumber = x.r.kkNumber ?? familyOf.get(persons.get(x.r.nik!)?.['household_id'] as string);
    if (kkNumber) records.push({ line: x.line, r: { ...x.r, kkNumber } });
    else result.rows.push({ line: x.line, status: 'REJECTED', reason: '"Nomor KK": wajib untuk orang yang belum terdaftar di Sinergi' });
  }
  const kks = [...new Set(records.map((x) => x.r.kkNumber))];
  const households = new Map(((await trx('household').whereIn('kk_number', kks).select('*')) as Row[]).map((h) => [h['kk_number'] as string, h]));
  const heads = new Map(
    ((await trx('person').whereIn('household_id', [...households.values()].map((h) => h['id'] as string)).where('relation', 'HEAD').select('household_id', 'nik')) as Row[]).map(
      (p) => [p['household_id'] as string, p['nik'] as string],
    ),
  );
  const withoutNik = await findByNameAndBirth(
    trx,
    records.filter((x) => !x.r.nik).map((x) => ({ key: x.line, name: x.r.name, birthDate: x.r.birthDate, areaId: x.r.areaId })),
  );
  // Near duplicates: a new NIK whose name and birth date are (almost) those of someone in the same kelurahan.
  const fresh = records.filter((x) => x.r.nik && !persons.has(x.r.nik));
  const near = new Map<number, Row>();
  if (fresh.length) {
    // Per row, the few people of its birth date (index), then their household by key. A plain join let
    // the planner, misled by a growing registry's stale statistics, pair each row with every household
    // of its kelurahan first (the batch's cost grew with the registry); `offset 0` keeps the order.
    const found = (await sqlRaw(
      trx,
      NEAR_DUPLICATES,
      [json(fresh.map((x) => ({ key: x.line, name: x.r.name, birth_date: x.r.birthDate, area_id: x.r.areaId })))],
    )).rows as Row[];
    for (const r of found) near.set(r['key'] as number, r);
  }
  const provenance = await provenanceOf(trx, [...[...households.values()].map((h) => h['id'] as string), ...[...persons.values()].map((p) => p['id'] as string), ...[...withoutNik.values()].map((p) => p['id'] as string)]);

  const byKk = new Map<string, typeof records>();
  for (const x of records) (byKk.get(x.r.kkNumber) ?? byKk.set(x.r.kkNumber, []).get(x.r.kkNumber)!).push(x);

  for (const [kk, members] of byKk) {
    const head = members.find((m) => m.r.relation === 'HEAD')?.r ?? members[0]!.r;
    // Household fields repeat on every member's row; the head's row speaks for the family.
    const householdRecord = head as unknown as Row;
    let household = households.get(kk);
    let householdChanged = false;
    let isNew = false;
    if (!household) {
      const problem = !members.some((m) => m.r.relation === 'HEAD')
        ? 'keluarga baru tanpa baris kepala keluarga'
        : !head.address
          ? 'keluarga baru: "Alamat" wajib diisi'
          : head.welfareDecile === undefined
            ? 'keluarga baru: "Desil" wajib diisi'
            : null;
      if (problem) {
        for (const m of members) result.rows.push({ line: m.line, status: 'REJECTED', reason: `"Nomor KK": ${problem}` });
        continue;
      }
      isNew = true;
      household = {
        id: randomUUID(),
        kk_number: kk,
        area_id: head.areaId,
        address: head.address,
        rt: head.rt ?? null,
        rw: head.rw ?? null,
        welfare_decile: head.welfareDecile,
        poverty_status: defaultPovertyStatus(head.welfareDecile!),
        floor_type: head.floorType ?? null,
        wall_type: head.wallType ?? null,
        roof_type: head.roofType ?? null,
        drinking_water: head.drinkingWater ?? null,
        sanitation: head.sanitation ?? null,
        electricity: head.electricity ?? null,
        home_ownership: head.homeOwnership ?? null,
        data_sources: [{ source: 'DTSEN', date: sourceDate }],
        verification_status: 'UNVERIFIED',
        version: 1,
        created_at: stamp(),
        updated_at: stamp(),
      };
      writes.households.push(household);
      result.newHouseholdIds.add(household['id'] as string);
      writes.assessments.push(assessment(writes, household['id'] as string, head.welfareDecile!, null, null, REGISTRATION_REASON));
      writes.provenanceFor(household['id'] as string, household['id'] as string, [
        'areaId', 'welfareDecile', ...HOUSEHOLD_FIELDS.filter((f) => householdRecord[f] !== undefined),
      ]);
    } else {
      const hid = household['id'] as string;
      // The KK is registered with another head: perhaps another family under a mistyped number. Nothing
      // of it is merged until someone has looked.
      const registeredHead = heads.get(hid);
      const fileHead = members.find((m) => m.r.relation === 'HEAD')?.r.nik;
      if (registeredHead && fileHead && registeredHead !== fileHead) {
        for (const m of members) {
          writes.review(m.line, 'KK_CONFLICT', 'Nomor KK sudah terdaftar dengan kepala keluarga lain', m.r, { areaId: m.r.areaId, householdId: hid, personId: persons.get(m.r.nik ?? '')?.['id'] as string | undefined });
          result.rows.push({ line: m.line, status: 'REVIEW', reason: 'menunggu peninjauan: Nomor KK terdaftar dengan kepala keluarga lain' });
        }
        continue;
      }
      const changed = changes(householdRecord, household, HOUSEHOLD_FIELDS, provenance.get(hid), sourceDate);
      const update: Row = { ...household };
      for (const f of changed) update[snake(f)] = householdRecord[f];
      const decileNewer = !(provenance.get(hid)?.get('welfareDecile') && provenance.get(hid)!.get('welfareDecile')! > sourceDate);
      if (head.welfareDecile !== undefined && head.welfareDecile !== household['welfare_decile'] && decileNewer) {
        update['welfare_decile'] = head.welfareDecile;
        update['poverty_status'] = defaultPovertyStatus(head.welfareDecile);
        writes.assessments.push(
          assessment(writes, hid, head.welfareDecile, household['welfare_decile'] as number, household['poverty_status'] as string, `Impor DTSEN (${sourceDate})`),
        );
        changed.push('welfareDecile');
      }
      if (changed.length) {
        householdChanged = true;
        const sources = (household['data_sources'] as { source: string; date: string }[]) ?? [];
        update['data_sources'] = [...sources.filter((s) => s.source !== 'DTSEN'), { source: 'DTSEN', date: sourceDate }];
        writes.householdUpdates.push(update);
        writes.provenanceFor(hid, hid, changed);
      }
    }
    const hid = household['id'] as string;
    let anyChange = householdChanged || isNew;
    for (const m of members) {
      const r = m.r as unknown as Row;
      const existing = m.r.nik ? persons.get(m.r.nik) : withoutNik.get(m.line);
      if (!existing) {
        if (!m.r.nik) {
          result.rows.push({ line: m.line, status: 'REJECTED', reason: '"NIK": kosong, dan tidak ada anggota dengan nama dan tanggal lahir yang sama di kelurahan ini' });
          continue;
        }
        const similar = near.get(m.line);
        if (similar) {
          writes.review(m.line, 'NEAR_DUPLICATE', `Nama dan tanggal lahir mirip dengan anggota yang sudah terdaftar (NIK lain)`, m.r, {
            areaId: m.r.areaId,
            householdId: similar['household_id'] as string,
            personId: similar['id'] as string,
          });
          result.rows.push({ line: m.line, status: 'REVIEW', reason: 'menunggu peninjauan: kemungkinan orang yang sama' });
          continue;
        }
        const id = randomUUID();
        writes.persons.push(personRow(id, hid, m.r));
        writes.provenanceFor(hid, id, ['nik', ...PERSON_FIELDS.filter((f) => r[f] !== undefined)]);
        result.rows.push({ line: m.line, status: 'INSERTED' });
        result.personIds.add(id);
        anyChange = true;
        continue;
      }
      const pid = existing['id'] as string;
      if (existing['household_id'] !== hid) {
        writes.review(m.line, 'NIK_OTHER_KK', `NIK sudah terdaftar di KK lain; berkas menyebutnya anggota KK ${kk}`, m.r, {
          areaId: m.r.areaId,
          householdId: existing['household_id'] as string,
          personId: pid,
        });
        result.rows.push({ line: m.line, status: 'REVIEW', reason: 'menunggu peninjauan: NIK sudah terdaftar di KK lain' });
        continue;
      }
      if (!sameName(existing['name'] as string, m.r.name) || isoDate(existing['birth_date']) !== m.r.birthDate) {
        writes.review(m.line, 'NIK_DIFFERENT_PERSON', 'NIK sama, tetapi nama atau tanggal lahir berbeda', m.r, { areaId: m.r.areaId, householdId: hid, personId: pid });
        result.rows.push({ line: m.line, status: 'REVIEW', reason: 'menunggu peninjauan: nama atau tanggal lahir berbeda untuk NIK yang sama' });
        continue;
      }
      const changed = changes(r, existing, PERSON_FIELDS, provenance.get(pid), sourceDate).filter((f) => f !== 'name' || existing['name'] !== r['name']);
      if (!changed.length) {
        result.rows.push({ line: m.line, status: 'UNCHANGED' });
        continue;
      }
      const update: Row = { ...existing };
      for (const f of changed) update[snake(f)] = r[f];
      writes.personUpdates.push(update);
      writes.provenanceFor(hid, pid, changed);
      result.rows.push({ line: m.line, status: 'UPDATED' });
      result.personIds.add(pid);
      anyChange = true;
    }
    if (anyChange) result.householdIds.add(hid);
    // A family's own fields changed while every member stayed the same: its head's row says "updated".
    if (householdChanged) {
      const headRow = result.rows.find((x) => members.some((m) => m.line === x.line) && x.status === 'UNCHANGED');
      if (headRow) headRow.status = 'UPDATED';
    }
  }
}

function assessment(writes: Writes, householdId: string, decile: number, previousDecile: number | null, previousStatus: string | null, reason: string): Row {
  return {
    id: randomUUID(),
    household_id: householdId,
    assessed_on: today(),
    welfare_decile: decile,
    poverty_status: defaultPovertyStatus(decile),
    previous_decile: previousDecile,
    previous_status: previousStatus,
    reason,
    assessed_by_id: writes.actorIds.userId,
    organization_id: writes.actorIds.organizationId,
    created_at: stamp(),
  };
}

function personRow(id: string, householdId: string, r: DtsenRecord): Row {
  return {
    id,
    household_id: householdId,
    nik: r.nik,
    name: r.name,
    sex: r.sex,
    birth_date: r.birthDate,
    relation: r.relation,
    education_level: r.educationLevel ?? null,
    school_enrolled: r.schoolEnrolled ?? false,
    disability: r.disability ?? 'NONE',
    occupation: r.occupation ?? null,
    employment_status: r.employmentStatus ?? null,
    jkn_status: r.jknStatus ?? 'NONE',
    pregnant: false,
    version: 1,
    created_at: stamp(),
    updated_at: stamp(),
  };
}

/** The people the rows name, by NIK or (without one) by name and birth date in the kelurahan. */
async function findPeople(trx: Knex.Transaction, rows: { line: number; nik?: string; name?: string; birthDate?: string; areaId?: string }[]) {
  const niks = [...new Set(rows.map((r) => r.nik).filter((n): n is string => !!n))];
  const byNik = new Map(((await trx('person').whereIn('nik', niks).select('*')) as Row[]).map((p) => [p['nik'] as string, p]));
  const byName = await findByNameAndBirth(
    trx,
    rows.filter((r) => !r.nik && r.name && r.birthDate).map((r) => ({ key: r.line, name: r.name!, birthDate: r.birthDate!, areaId: r.areaId })),
  );
  return (r: { line: number; nik?: string }) => (r.nik ? byNik.get(r.nik) : byName.get(r.line));
}

const NOT_FOUND = '"NIK": orang ini tidak terdaftar di Sinergi (atau di luar wilayah Anda)';

async function mergeDinsos(trx: Knex.Transaction, writes: Writes, job: JobRow, rows: StagedRow[], result: BatchResult) {
  const records = rows.flatMap((row) => (row.records as DinsosRecord[]).map((r) => ({ line: row.line, r })));
  const person = await findPeople(trx, records.map((x) => ({ line: x.line, nik: x.r.nik })));
  const kks = [...new Set(records.map((x) => x.r.kkNumber).filter((k): k is string => !!k))];
  const households = new Map(((await trx('household').whereIn('kk_number', kks).select('id', 'kk_number')) as Row[]).map((h) => [h['kk_number'] as string, h['id'] as string]));
  const programIds = [...new Set(records.map((x) => x.r.programId))];
  const programs = new Map(((await trx('program').whereIn('id', programIds).select('*')) as Row[]).map((p) => [p['id'] as string, p]));
  const outcome = new Map<number, RowResult['status'][]>();
  const reasons = new Map<number, string>();
  const planned: { line: number; row: Row }[] = [];
  for (const { line, r } of records) {
    const program = programs.get(r.programId)!;
    const p = r.nik ? person({ line, nik: r.nik }) : undefined;
    const householdId = (p?.['household_id'] as string | undefined) ?? (r.kkNumber ? households.get(r.kkNumber) : undefined);
    const push = (s: RowResult['status']) => (outcome.get(line) ?? outcome.set(line, []).get(line)!).push(s);
    if (!householdId) {
      push('REJECTED');
      reasons.set(line, r.nik ? NOT_FOUND : '"Nomor KK": keluarga ini tidak terdaftar di Sinergi (atau di luar wilayah Anda)');
      continue;
    }
    const personTarget = program['target_unit'] === 'PERSON' ? (p ?? null) : null;
    try {
      assertTargetFits(
        {
          targetUnit: program['target_unit'] as never,
          targetMinAgeMonths: program['target_min_age_months'] as number | undefined,
          targetMaxAgeMonths: program['target_max_age_months'] as number | undefined,
          targetSex: program['target_sex'] as never,
        },
        personTarget ? { birthDate: isoDate(personTarget['birth_date']), sex: personTarget['sex'] as never } : null,
        false,
        r.deliveredOn,
        () => columnOf(job, 'nik'),
      );
    } catch (error) {
      push('REJECTED');
      reasons.set(line, alasanOf(error, (field) => field ?? columnOf(job, 'nik')));
      continue;
    }
    planned.push({
      line,
      row: {
        id: randomUUID(),
        program_id: r.programId,
        household_id: householdId,
        person_id: personTarget?.['id'] ?? null,
        status: 'DELIVERED',
        delivered_on: r.deliveredOn,
        period_key: interventionPeriodKey(program['frequency'] as Frequency, { deliveredOn: r.deliveredOn }),
        quantity: r.quantity ?? null,
        value_rp: r.valueRp ?? null,
        note: `Impor Dinas Sosial, baris ${line}`,
        logged_by_id: writes.actorIds.userId,
        organization_id: program['owner_id'],
        version: 1,
        created_at: stamp(),
        updated_at: stamp(),
      },
    });
  }
  // Already recorded for the same program, target and period: unchanged (a re-import adds nothing).
  const existing = new Set<string>();
  if (planned.length) {
    const slot = (p: Row) => `${p['program_id'] as string}|${p['household_id'] as string}|${(p['person_id'] as string | null) ?? ''}|${p['period_key'] as string}`;
    const found = (await sqlRaw(
        trx,
      `select i.program_id, i.household_id, i.person_id, i.period_key from intervention i
         join unnest(?::uuid[], ?::uuid[], ?::text[]) as x(program_id, household_id, period_key)
           on i.program_id = x.program_id and i.household_id = x.household_id and i.period_key = x.period_key
        where i.status <> 'CANCELLED'`,
      [planned.map((p) => p.row['program_id']), planned.map((p) => p.row['household_id']), planned.map((p) => p.row['period_key'])],
    )).rows as Row[];
    for (const f of found) existing.add(slot(f));
    for (const { line, row } of planned) {
      const push = (s: RowResult['status']) => (outcome.get(line) ?? outcome.set(line, []).get(line)!).push(s);
      if (existing.has(slot(row))) {
        push('UNCHANGED');
        continue;
      }
      existing.add(slot(row));
      writes.interventions.push(row);
      result.householdIds.add(row['household_id'] as string);
      push('INSERTED');
    }
  }
  for (const row of rows) result.rows.push({ line: row.line, status: combine(outcome.get(row.line) ?? ['UNCHANGED']), reason: reasons.get(row.line) });
}

/** One row may hold several deliveries (flag columns): inserted if any was, rejected only if all were. */
function combine(statuses: RowResult['status'][]): RowResult['status'] {
  if (statuses.includes('INSERTED')) return 'INSERTED';
  if (statuses.every((s) => s === 'REJECTED')) return 'REJECTED';
  return 'UNCHANGED';
}

async function mergeDinkes(trx: Knex.Transaction, writes: Writes, job: JobRow, rows: StagedRow[], result: BatchResult) {
  const records = rows.map((row) => ({ line: row.line, r: row.records[0] as DinkesRecord }));
  const person = await findPeople(trx, records.map((x) => ({ line: x.line, nik: x.r.nik, name: x.r.name, birthDate: x.r.birthDate, areaId: x.r.areaId })));
  const found = records.map((x) => ({ ...x, p: person({ line: x.line, nik: x.r.nik }) }));
  const ids = found.filter((x) => x.p).map((x) => x.p!['id'] as string);
  const measured = new Map(
    ((await trx('growth_measurement').whereIn('person_id', ids).select('person_id', 'measured_on', 'height_cm', 'weight_kg')) as Row[]).map((m) => [
      `${m['person_id'] as string}|${isoDate(m['measured_on'])}`,
      m,
    ]),
  );
  for (const { line, r, p } of found) {
    if (!p) {
      result.rows.push({ line, status: 'REJECTED', reason: r.nik ? NOT_FOUND : '"Nama": anak dengan nama dan tanggal lahir ini tidak terdaftar di kelurahannya' });
      continue;
    }
    const birthDate = isoDate(p['birth_date']);
    let values;
    try {
      values = measurementValues(
        { sex: p['sex'] as never, birthDate },
        { measuredOn: r.measuredOn, heightCm: r.heightCm, weightKg: r.weightKg, position: (r.position ?? defaultPosition({ birthDate, measuredOn: r.measuredOn })) as never },
        (name) => columnOf(job, name === 'personId' ? 'birthDate' : name),
      );
    } catch (error) {
      result.rows.push({ line, status: 'REJECTED', reason: alasanOf(error, (field) => field ?? columnOf(job, 'nik')) });
      continue;
    }
    const key = `${p['id'] as string}|${values.measuredOn}`;
    const before = measured.get(key);
    if (before) {
      const same = Number(before['height_cm']) === values.heightCm && (before['weight_kg'] === null ? values.weightKg === undefined : Number(before['weight_kg']) === values.weightKg);
      result.rows.push(
        same
          ? { line, status: 'UNCHANGED' }
          : { line, status: 'REJECTED', reason: '"Tanggal Pengukuran": anak ini sudah punya pengukuran lain pada tanggal yang sama' },
      );
      continue;
    }
    measured.set(key, { height_cm: values.heightCm, weight_kg: values.weightKg ?? null });
    writes.measurements.push({
      id: randomUUID(),
      person_id: p['id'],
      measured_on: values.measuredOn,
      age_days: values.ageDays,
      weight_kg: values.weightKg ?? null,
      height_cm: values.heightCm,
      position: values.position,
      height_for_age_z: values.heightForAgeZ,
      stunting_status: values.stuntingStatus,
      recorded_by_id: writes.actorIds.userId,
      organization_id: writes.actorIds.organizationId,
      created_at: stamp(),
    });
    result.householdIds.add(p['household_id'] as string);
    result.personIds.add(p['id'] as string);
    result.rows.push({ line, status: 'INSERTED' });
  }
}

async function mergeDisdik(trx: Knex.Transaction, writes: Writes, job: JobRow, rows: StagedRow[], result: BatchResult) {
  const sourceDate = isoDate(job.source_date);
  const records = rows.map((row) => ({ line: row.line, r: row.records[0] as DisdikRecord }));
  const person = await findPeople(trx, records.map((x) => ({ line: x.line, nik: x.r.nik, name: x.r.name, birthDate: x.r.birthDate, areaId: x.r.areaId })));
  const found = records.map((x) => ({ ...x, p: person({ line: x.line, nik: x.r.nik }) }));
  const provenance = await provenanceOf(trx, found.filter((x) => x.p).map((x) => x.p!['id'] as string));
  const seen = new Set<string>();
  for (const { line, r, p } of found) {
    if (!p) {
      result.rows.push({ line, status: 'REJECTED', reason: r.nik ? NOT_FOUND : '"Nama": anak dengan nama dan tanggal lahir ini tidak terdaftar di kelurahannya' });
      continue;
    }
    const pid = p['id'] as string;
    const changed = seen.has(pid) ? [] : changes({ schoolEnrolled: r.schoolEnrolled }, p, ['schoolEnrolled'], provenance.get(pid), sourceDate);
    seen.add(pid);
    if (!changed.length) {
      result.rows.push({ line, status: 'UNCHANGED' });
      continue;
    }
    writes.personUpdates.push({ ...p, school_enrolled: r.schoolEnrolled });
    writes.provenanceFor(p['household_id'] as string, pid, changed);
    result.householdIds.add(p['household_id'] as string);
    result.personIds.add(pid);
    result.rows.push({ line, status: 'UPDATED' });
  }
}
