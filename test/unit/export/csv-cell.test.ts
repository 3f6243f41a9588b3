import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../src/export/csv-cell.js';

describe('csvCell', () => {
  it('leaves plain text and numbers as they are, and empties null', () => {
    expect(csvCell('arn:aws:s3:::bucket')).toBe('arn:aws:s3:::bucket');
    expect(csvCell(70)).toBe('70');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('defuses a cell starting with %j', (start) => {
    const cell = csvCell(`${start}HYPERLINK("http://evil")`);
    expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('defuses first, then quotes, so the quote mark sits inside the quoted cell', () => {
    expect(csvCell('=1+2,3')).toBe(`"'=1+2,3"`);
    expect(csvCell('=cmd|"/c calc"!A1')).toBe(`"'=cmd|""/c calc""!A1"`);
  });

  it('joins a record with commas and ends it with CRLF', () => {
    expect(csvLine(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });
});
