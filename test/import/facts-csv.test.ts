import { describe, expect, it } from 'vitest';
import { readFactsCsv } from '../../src/ui/import/facts-csv';

const HEADER = 'report_id,table,item,column,value,raw,derived,row_label,column_label,unit,location';

describe('readFactsCsv', () => {
  it('loads valid rows and keeps a blank value blank (null), not 0', () => {
    const text = [HEADER,
      'r1,requests,new,total,95,95,false,一、本年新收政府信息公开申请数量,总计,件,p3 L10',
      'r1,requests,carried_over,total,,—,false,二、上年结转,总计,件,p3 L11',
    ].join('\n');
    const { rows, errors } = readFactsCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ report_id: 'r1', table: 'requests', item: 'new', column: 'total', value: 95, raw: '95' });
    expect(rows[1].value).toBeNull();
    expect(rows[1].raw).toBe('—');
  });

  it('reports a non-numeric value and an unknown item by line and column, and still loads the valid rows', () => {
    const text = [HEADER,
      'r1,requests,new,total,95,95,false,a,b,件,',
      'r1,requests,granted,total,十二,十二,false,a,b,件,',
      'r1,requests,no_such_item,total,3,3,false,a,b,件,',
      'r1,appeals,review,corrected,1,1,false,a,b,件,',
    ].join('\n');
    const { rows, errors } = readFactsCsv(text);
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, column: 'value' }),
      expect.objectContaining({ line: 4, column: 'item' }),
    ]);
    expect(rows.map((r) => `${r.table}.${r.item}.${r.column}=${r.value}`)).toEqual(['requests.new.total=95', 'appeals.review.corrected=1']);
  });

  it('reports unknown tables and columns with their column names', () => {
    const text = [HEADER, 'r,nope,new,total,1,,,,,,', 'r,requests,new,sum,1,,,,,,', 'r,requests,new,total,1,,maybe,,,,', 'r,requests,new,total,1,,,,,美元,'].join('\n');
    const { rows, errors } = readFactsCsv(text);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 'table'], [3, 'column'], [4, 'derived'], [5, 'unit']]);
  });

  it('reports a wrong header on line 1 and loads nothing it cannot interpret', () => {
    const { rows, errors } = readFactsCsv('id,tbl,item,column,value\nr,requests,new,total,1\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ line: 1, column: 'report_id' }),
      expect.objectContaining({ line: 1, column: 'table' }),
      expect.objectContaining({ line: 1, column: 'id' }),
    ]));
  });

  it('counts lines correctly after a quoted cell that spans two lines, with CRLF and a BOM', () => {
    const text = '\uFEFF' + [HEADER, 'r,requests,new,total,1,"a\r\nb",false,x,y,件,', 'r,requests,granted,total,x,,false,x,y,件,'].join('\r\n');
    const { rows, errors } = readFactsCsv(text);
    expect(rows).toHaveLength(1);
    expect(rows[0].raw).toBe('a\r\nb');
    expect(errors).toEqual([expect.objectContaining({ line: 4, column: 'value' })]);
  });

  it('says an empty file is empty instead of loading nothing silently', () => {
    expect(readFactsCsv('').errors[0]).toMatchObject({ line: 1 });
  });

  it('reports a row with the wrong number of fields', () => {
    const { errors } = readFactsCsv(`${HEADER}\nr,requests,new,total,1\n`);
    expect(errors[0]).toMatchObject({ line: 2, column: '' });
  });
});
