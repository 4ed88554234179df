import { makeKk, makeNik } from '../src/households/identity-numbers.js';

/**
 * Valid inputs for registering households in Menteng (region 627103) through the API. Each test file
 * counts its own serials from a range of its own, so that no two numbers collide within a file.
 */

/** A member with a valid NIK for the sex and birth date. */
export function memberInput<E extends Record<string, unknown>>(serial: number, name: string, sex: 'MALE' | 'FEMALE', birthDate: string, extra = {} as E) {
  return { nik: makeNik({ regionCode: '627103', sex, birthDate, serial }), name, sex, birthDate, ...extra };
}

/** A household of one head, Sari Handayani; `member` changes the head, `overrides` the household. */
export function householdInput(serial: number, areaId: string, member: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  return {
    kkNumber: makeKk({ regionCode: '627103', issueDate: '2019-05-14', serial }),
    areaId,
    address: 'Jl. Tjilik Riwut Km 5 No. 12',
    rt: '3',
    rw: '002',
    welfareDecile: 1,
    members: [{ ...memberInput(serial, 'Sari Handayani', 'FEMALE', '1988-07-21', { relation: 'HEAD' }), ...member }],
    ...overrides,
  };
}
