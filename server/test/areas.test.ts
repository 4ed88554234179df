import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDARY_FILE } from '../src/areas/boundary-file.js';
import { importBoundaries } from '../src/areas/boundary-import.js';
import { startTestServer, type TestServer } from './harness.js';

const IMPORT = 'mutation ($g: JSONObject!) { importAreaBoundaries(geojson: $g) { features updated unchanged kelurahanWithoutBoundary } }';
const MENTENG = '62.71.03.1002';
const PALANGKA = '62.71.03.1001';
const square = (lon: number, lat: number, d = 0.01) => [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
const feature = (code: string, geometry: unknown) => ({ type: 'Feature', properties: { kode: code }, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const boundaryOf = async (code: string) => (await t.query<{ boundary: unknown }>('select boundary from area where code = ?', [code]))[0]!.boundary;
const importEvents = async () => (await t.query<{ n: string }>(`select count(*) as n from audit_event where action = 'IMPORT' and entity_type = 'Area'`))[0]!.n;

describe('importAreaBoundaries', () => {
  it.skipIf(!fs.existsSync(DEFAULT_BOUNDARY_FILE))('finds the shared boundaries already imported into the test database', async () => {
    const [row] = await t.query<{ n: string }>(`select count(*) as n from area where level = 'KELURAHAN' and boundary is null`);
    expect(row!.n).toBe('0');
  });

  it('stores Polygon and MultiPolygon boundaries as given, audited, and answers what changed', async () => {
    await t.query(`update area set boundary = null where code in (?, ?)`, [MENTENG, PALANGKA]);
    const menteng = { type: 'Polygon', coordinates: square(113.89, -2.25) };
    const palangka = { type: 'MultiPolygon', coordinates: [square(113.88, -2.21), square(113.9, -2.2)] };
    const res = await t.gql(IMPORT, { g: collection(feature(MENTENG, menteng), feature(PALANGKA, palangka)) }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.importAreaBoundaries).toMatchObject({ features: 2, updated: 2, unchanged: 0 });
    expect(res.data.importAreaBoundaries.kelurahanWithoutBoundary).not.toContain(MENTENG);
    expect(await boundaryOf(MENTENG)).toEqual(menteng);
    expect(await boundaryOf(PALANGKA)).toEqual(palangka);

    const [event] = await t.query<any>(
      `select e.entity_ids, e.new_values, u.username from audit_event e join app_user u on u.id = e.actor_id
        where e.action = 'IMPORT' and e.entity_type = 'Area' order by e.id desc limit 1`,
    );
    const ids = await t.query<{ id: string }>('select id from area where code in (?, ?) order by code', [PALANGKA, MENTENG]);
    expect(event).toMatchObject({ username: 'admin', new_values: { boundaries: 2, updated: 2, unchanged: 0 } });
    expect(event.entity_ids).toEqual(ids.map((r) => r.id));

    const read = await t.gql(`{ area(code: "${MENTENG}") { hasBoundary boundary } }`, {}, admin);
    expect(read.data.area).toEqual({ hasBoundary: true, boundary: menteng });
  });

  it('re-importing the same boundaries changes no row', async () => {
    const g = collection(feature(MENTENG, await boundaryOf(MENTENG)));
    const [before] = await t.query<{ updated_at: Date }>('select updated_at from area where code = ?', [MENTENG]);
    const res = await t.gql(IMPORT, { g }, admin);
    expect(res.data.importAreaBoundaries).toMatchObject({ features: 1, updated: 0, unchanged: 1 });
    const [after] = await t.query<{ updated_at: Date }>('select updated_at from area where code = ?', [MENTENG]);
    expect(after!.updated_at).toEqual(before!.updated_at);
  });

  it('is for administrators only', async () => {
    const before = await boundaryOf(MENTENG);
    const events = await importEvents();
    for (const user of ['bappeda', 'dinsos', 'lurah.menteng', 'ngo', 'inspektorat']) {
      const res = await t.gql(IMPORT, { g: collection(feature(MENTENG, { type: 'Polygon', coordinates: square(113, -2) })) }, await t.login(user));
      expect(res.errors?.[0]?.extensions?.code, user).toBe('FORBIDDEN');
    }
    expect((await t.gql(IMPORT, { g: collection() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await boundaryOf(MENTENG)).toEqual(before);
    expect(await importEvents()).toBe(events);
  });

  it('refuses a bad feature with BAD_USER_INPUT naming it, and writes nothing, not even the good features', async () => {
    const before = { menteng: await boundaryOf(MENTENG), palangka: await boundaryOf(PALANGKA), events: await importEvents() };
    const open = [[[113.9, -2.2], [114, -2.2], [114, -2.1], [113.95, -2.1]]];
    const res = await t.gql(
      IMPORT,
      { g: collection(feature(MENTENG, { type: 'Polygon', coordinates: square(113.5, -2) }), feature(PALANGKA, { type: 'Polygon', coordinates: open })) },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'geojson.features[1].geometry.coordinates[0]' });
    expect(res.errors?.[0]?.message).toMatch(/62\.71\.03\.1001.*ring must end where it starts/);
    expect(await boundaryOf(MENTENG)).toEqual(before.menteng);
    expect(await boundaryOf(PALANGKA)).toEqual(before.palangka);
    expect(await importEvents()).toBe(before.events);

    const outOfRange = await t.gql(IMPORT, { g: collection(feature(MENTENG, { type: 'Polygon', coordinates: square(213.9, -2.2) })) }, admin);
    expect(outOfRange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'geojson.features[0].geometry.coordinates[0][0]' });
    const point = await t.gql(IMPORT, { g: collection(feature(MENTENG, { type: 'Point', coordinates: [113.9, -2.2] })) }, admin);
    expect(point.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'geojson.features[0].geometry.type' });
    expect(await boundaryOf(MENTENG)).toEqual(before.menteng);
  });

  it('refuses unknown codes and codes of a kecamatan, naming them', async () => {
    const before = await boundaryOf(MENTENG);
    const res = await t.gql(
      IMPORT,
      {
        g: collection(
          feature(MENTENG, { type: 'Polygon', coordinates: square(113.5, -2) }),
          feature('62.71.09.1001', { type: 'Polygon', coordinates: square(113.6, -2) }),
          feature('62.71.03', { type: 'Polygon', coordinates: square(113.7, -2) }),
        ),
      },
      admin,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'geojson.features[1]' });
    expect(res.errors?.[0]?.message).toContain('no kelurahan has the code 62.71.09.1001');
    expect(res.errors?.[0]?.message).toContain('geojson.features[2] (62.71.03): no kelurahan has the code 62.71.03');
    expect(await boundaryOf(MENTENG)).toEqual(before);
  });

  it('updates in one statement per batch', async () => {
    const codes = (await t.query<{ code: string }>(`select code from area where level = 'KELURAHAN' order by code`)).map((r) => r.code);
    await t.query(`update area set boundary = null`);
    const statements: string[] = [];
    const summary = await importBoundaries(
      (sql, params) => {
        statements.push(sql);
        return t.query(sql, params);
      },
      collection(...codes.map((code, i) => feature(code, { type: 'Polygon', coordinates: square(113.5 + i * 0.01, -2) }))),
      { batchSize: 12 },
    );
    expect(summary).toMatchObject({ features: codes.length, unchanged: 0, withoutBoundary: [] });
    expect(summary.updated).toHaveLength(codes.length);
    expect(statements.filter((s) => /^\s*update area/.test(s))).toHaveLength(Math.ceil(codes.length / 12));
  });
});

describe('Area boundaries in queries', () => {
  it('loads the geometry of many areas in one statement, and hasBoundary without it', async () => {
    await t.query(`update area set boundary = null where code = ?`, [MENTENG]);
    const statements = await t.countStatements(async () => {
      const res = await t.gql('{ areas(level: KELURAHAN) { code hasBoundary boundary } }', {}, admin);
      const menteng = res.data.areas.find((a: any) => a.code === MENTENG);
      expect(menteng).toEqual({ code: MENTENG, hasBoundary: false, boundary: null });
      expect(res.data.areas.filter((a: any) => a.hasBoundary && a.boundary?.type === 'Polygon')).toHaveLength(res.data.areas.length - 1);
    });
    const withoutGeometry = await t.countStatements(() => t.gql('{ areas(level: KELURAHAN) { code hasBoundary } }', {}, admin));
    expect(statements - withoutGeometry).toBe(1);
  });
});

describe.skipIf(!fs.existsSync(DEFAULT_BOUNDARY_FILE))('the shared boundaries file', () => {
  it('imports through the mutation for all 30 kelurahan, and again without change', async () => {
    const g = JSON.parse(fs.readFileSync(DEFAULT_BOUNDARY_FILE, 'utf8'));
    const first = await t.gql(IMPORT, { g }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.importAreaBoundaries).toMatchObject({ features: 30, kelurahanWithoutBoundary: [] });
    const again = await t.gql(IMPORT, { g }, admin);
    expect(again.data.importAreaBoundaries).toEqual({ features: 30, updated: 0, unchanged: 30, kelurahanWithoutBoundary: [] });
  });
});
