// pg's own serialisation of a parameter (dates, arrays, JSON), which @types/pg does not declare.
declare module 'pg/lib/utils.js' {
  export function prepareValue(value: unknown): string | Buffer | null | undefined;
}
