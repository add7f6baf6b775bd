// A quote as plain JSON (`hashtwin quote --json`, saved files): bigint amounts become decimal strings
// of their unit (µUSD, sat), as the result's ledger writes them, so nothing is lost to floats.

export type QuoteJson<T> = T extends bigint ? string
  : T extends readonly (infer U)[] ? QuoteJson<U>[]
    : T extends object ? { -readonly [K in keyof T]: QuoteJson<T[K]> } : T;

export function quoteToJson<T>(value: T): QuoteJson<T> {
  if (typeof value === 'bigint') return value.toString() as QuoteJson<T>;
  if (Array.isArray(value)) return value.map((v) => quoteToJson(v)) as QuoteJson<T>;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quoteToJson(v)])) as QuoteJson<T>;
  }
  return value as QuoteJson<T>;
}
