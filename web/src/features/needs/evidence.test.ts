import { describe, expect, it } from 'vitest';
import i18next from '../../i18n/i18n';
import { makeFormatters } from '../../i18n/format';
import rulesSource from '../../../../server/src/needs/need-rules.ts?raw';
import schemaSource from '../../../../schema/schema.graphql?raw';
import { describeEvidence, EVIDENCE_FIELDS } from './evidence';

/** The arguments of a call starting at `open` (the index of its "("), split at top-level commas. */
function callArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      args.push(source.slice(start, i).trim());
      return args;
    } else if (c === ',' && depth === 1) {
      args.push(source.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error('unbalanced parentheses');
}

/** Each rule's need type, evidence keys (every other argument of jsonb_build_object) and SQL. */
function parseRules() {
  return rulesSource
    .split(/type: NeedType\./)
    .slice(1)
    .map((block) => {
      const type = /^(\w+)/.exec(block)![1]!;
      const keys: string[] = [];
      for (const m of block.matchAll(/jsonb_build_object\(/g)) {
        const args = callArguments(block, m.index + m[0].length - 1);
        args.forEach((arg, i) => {
          if (i % 2 === 0) keys.push(/^'(\w+)'$/.exec(arg)![1]!);
        });
      }
      return { type, keys, sql: block };
    });
}

function schemaEnum(name: string): string[] | null {
  const m = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schemaSource);
  return m ? m[1]!.split('\n').map((l) => l.trim()).filter((l) => /^[A-Z_]+$/.test(l)) : null;
}

const rules = parseRules();
const LANGUAGES = ['id', 'en'] as const;

describe('need evidence', () => {
  it('finds the evidence keys of every rule', () => {
    expect(rules.map((r) => r.type).sort()).toEqual(schemaEnum('NeedType')!.sort());
    for (const rule of rules) expect(rule.keys.length, rule.type).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.type, r] as const))('translates every evidence key and value of %s', (_type, rule) => {
    for (const key of rule.keys) {
      const spec = EVIDENCE_FIELDS[key];
      expect(spec, `no display rule for evidence key "${key}"`).toBeDefined();
      for (const lng of LANGUAGES) {
        expect(i18next.exists(`evidence.field.${key}`, { lng }), `${lng}: evidence.field.${key}`).toBe(true);
      }
      if (spec!.kind !== 'enum') continue;
      // The GraphQL enum named like the key (wallType → WallType), else the literals the rule emits.
      const graphqlName = key[0]!.toUpperCase() + key.slice(1);
      const values = schemaEnum(graphqlName) ?? [...rule.sql.matchAll(/then '([A-Z_]+)'/g)].map((m) => m[1]!);
      expect(values.length, `values of ${key}`).toBeGreaterThan(0);
      for (const value of values) {
        for (const lng of LANGUAGES) {
          expect(i18next.exists(`${spec!.namespace}.${value}`, { lng }), `${lng}: ${spec!.namespace}.${value}`).toBe(true);
        }
      }
    }
  });

  const id = i18next.getFixedT('id');
  const en = i18next.getFixedT('en');
  const pairs = (evidence: Record<string, unknown>, lng: 'id' | 'en' = 'id') =>
    describeEvidence(evidence, lng === 'id' ? id : en, makeFormatters(lng)).map((e) => `${e.label}: ${e.value}`);

  it('formats enums, numbers, dates and booleans in Indonesian', () => {
    expect(pairs({ wallType: 'WOOD_LOW_QUALITY', floorType: 'EARTH' })).toEqual(['Lantai: Tanah', 'Dinding: Kayu kualitas rendah']);
    expect(pairs({ measuredOn: '2026-03-02', heightForAgeZ: -2.413, stuntingStatus: 'STUNTED', ageMonths: 26 })).toEqual([
      'Tanggal pengukuran: 2 Mar 2026',
      'Umur: 26 bulan',
      'Z-skor TB/U: -2,41 SD',
      'Status pertumbuhan: Pendek (stunting)',
    ]);
    expect(pairs({ reason: 'UNDER_TWO', welfareDecile: 1, ageMonths: 14 })).toEqual([
      'Alasan: Anak di bawah 2 tahun',
      'Umur: 14 bulan',
      'Desil kesejahteraan: 1',
    ]);
    expect(pairs({ age: 12, schoolEnrolled: false })).toEqual(['Umur: 12 tahun', 'Bersekolah: Tidak']);
    expect(pairs({ jknStatus: 'NONE' })).toEqual(['Status JKN: Tidak ada']);
    expect(pairs({ workingAgeMembers: 2, employed: 0 })).toEqual(['Anggota usia kerja (18–60 th): 2 orang', 'Yang bekerja: 0 orang']);
    expect(pairs({ welfareDecile: 1, socialAssistanceSince: '2025-07-01' })).toEqual([
      'Desil kesejahteraan: 1',
      'Tanpa bansos sejak: 1 Jul 2025',
    ]);
  });

  it('formats in English with plurals', () => {
    expect(pairs({ age: 1, sanitation: 'NONE', workingAgeMembers: 1 }, 'en')).toEqual([
      'Age: 1 year',
      'Latrine: None',
      'Working-age members (18–60): 1 person',
    ]);
    expect(pairs({ heightForAgeZ: -3.1, electricity: 'NONE' }, 'en')).toEqual(['Height-for-age z-score: -3.10 SD', 'Electricity: None']);
  });

  it('shows keys and values it does not know as they came', () => {
    expect(pairs({ wallType: 'MUD', newKey: { a: 1 } })).toEqual(['Dinding: MUD', 'newKey: {"a":1}']);
  });
});
