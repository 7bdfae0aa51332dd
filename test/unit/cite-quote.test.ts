import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/cli/extract';
import { formatCitation, quoteCitation, quotationText } from '../../src/cite/index';
import { annotationOn } from './annotation-helpers';

const SEED_URL = 'http://gansu.gscn.com.cn/system/2020/03/15/012339876.shtml';
const SEED_GBT = `[1] 漆琳. 安宁区齿轮厂社区:关心关爱弱势群体 让防疫充满温情[EB/OL]. (2020-03-15)[2026-11-29]. ${SEED_URL}.`;

describe('quoteCitation', () => {
  it('gives “the highlighted text” and the GB/T 7714 reference the citation copy gives', async () => {
    const page = new URL('../fixtures/corpus/pages/gscn-1.html', import.meta.url).pathname;
    const article = await extractFile({ file: page, url: SEED_URL });
    const highlight = annotationOn(article.textContent, '齿轮厂社区', '批注不进引用');
    const text = await quoteCitation(highlight, article, '2026-11-29');
    expect(text).toBe(`“齿轮厂社区”\n${SEED_GBT}`);
    expect(text.split('\n')[1]).toBe(await formatCitation(article, 'gbt7714-numeric', { accessed: '2026-11-29' }));
    // A note's accessedAt (an ISO time) works as the access date.
    expect(await quoteCitation(highlight, article, new Date(2026, 10, 29, 12))).toBe(text);
  });

  it('nests inner quotation marks and joins lines of a highlight that spans paragraphs', () => {
    expect(quotationText('他说“防疫”很重要\n\n  第二段 ')).toBe('“他说‘防疫’很重要 第二段”');
  });
});
