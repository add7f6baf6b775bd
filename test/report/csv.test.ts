// CSV export of result tables: header = union of the rows' keys in first-seen order, quoting per RFC 4180.
import { describe, expect, it } from 'vitest';
import { tableCsv, type DigestedResult } from '../../src/report/index.js';

const withTables = (tables: DigestedResult['tables']) => ({ tables } as unknown as DigestedResult);

describe('tableCsv', () => {
  it('writes the union of keys as the header and blanks for missing cells', () => {
    const csv = tableCsv(withTables({ 'colo.tenants': [{ id: 'a', marginUsd: 1.5 }, { id: 'b', invoices: 3 }] }), 'colo.tenants');
    expect(csv).toBe('id,marginUsd,invoices\na,1.5,\nb,,3\n');
  });

  it('quotes cells with commas, quotes or newlines', () => {
    const csv = tableCsv(withTables({ t: [{ note: 'say "hi", then\nleave', ok: true, none: null }] }), 't');
    expect(csv).toBe('note,ok,none\n"say ""hi"", then\nleave",true,\n');
  });

  it('gives an empty table for an unknown name', () => {
    expect(tableCsv(withTables({}), 'missing')).toBe('\n');
  });
});
