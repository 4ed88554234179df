import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCsv, chartToPng, csvField, exportFilename, pngLayout, serializeSvg } from './export';

const SVG_NS = 'http://www.w3.org/2000/svg';

function chartSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '300');
  svg.setAttribute('height', '150');
  svg.setAttribute('style', 'width: 100%; height: 100%');
  svg.setAttribute('tabindex', '0');
  const text = document.createElementNS(SVG_NS, 'text');
  text.textContent = 'Pahandut & Jekan Raya';
  svg.append(text);
  document.body.append(svg);
  return svg;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and leaves plain ones alone', () => {
    expect(csvField('Pahandut')).toBe('Pahandut');
    expect(csvField('Dinas Sosial, P3A')).toBe('"Dinas Sosial, P3A"');
    expect(csvField('Yayasan "Peduli"')).toBe('"Yayasan ""Peduli"""');
    expect(csvField('baris\nkedua')).toBe('"baris\nkedua"');
  });

  it('writes numbers with a dot decimal and empty cells for missing values', () => {
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('keeps text that looks like a formula from running in a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+62 811')).toBe("'+62 811");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = buildCsv(['Wilayah', 'Cakupan (%)'], [['Pahandut', 41.2], ['Bukit Batu', null]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Wilayah,Cakupan (%)\r\nPahandut,41.2\r\nBukit Batu,\r\n');
  });
});

describe('exportFilename', () => {
  it('prefixes the app, slugs the name (accents and spaces) and appends the date', () => {
    expect(exportFilename('cakupan-per-wilayah', '2026-05-04', 'csv')).toBe('sinergi-cakupan-per-wilayah-2026-05-04.csv');
    expect(exportFilename('Kinerja Organisasi (Ré)', '2026-05-04', 'png')).toBe('sinergi-kinerja-organisasi-re-2026-05-04.png');
    expect(exportFilename('—', '2026-05-04', 'png')).toBe('sinergi-grafik-2026-05-04.png');
  });
});

describe('pngLayout', () => {
  const measure = (text: string) => text.length * 10;

  it('puts the title above the chart and the legend below it', () => {
    const layout = pngLayout(300, 150, [{ label: 'Terlayani', color: '#0a5c4a' }], measure);
    expect(layout.width).toBe(332);
    expect(layout.chart).toEqual({ x: 16, y: 44 });
    expect(layout.legend).toEqual([{ label: 'Terlayani', color: '#0a5c4a', x: 16, y: 206 }]);
    expect(layout.height).toBe(206 + 20 + 16);
  });

  it('wraps legend items that do not fit the width', () => {
    const legend = ['Belum terpenuhi', 'Direncanakan', 'Terlayani'].map((label) => ({ label, color: '#000' }));
    const layout = pngLayout(200, 100, legend, measure);
    expect(layout.legend.map((i) => [i.x, i.y])).toEqual([[16, 156], [16, 176], [16, 196]]);
    expect(layout.height).toBe(196 + 20 + 16);
  });

  it('leaves no legend space without a legend', () => {
    expect(pngLayout(300, 150, [], measure).height).toBe(44 + 150 + 16);
  });
});

describe('serializeSvg', () => {
  it('makes a standalone document: namespace, fixed size, page font, white background, escaped text', () => {
    const svg = chartSvg();
    const text = serializeSvg(svg, 300, 150, 'system-ui, sans-serif');
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('300');
    expect(root.getAttribute('viewBox')).toBe('0 0 300 150');
    expect(root.getAttribute('font-family')).toBe('system-ui, sans-serif');
    expect(root.hasAttribute('style')).toBe(false);
    expect(root.hasAttribute('tabindex')).toBe(false);
    expect(root.firstElementChild?.getAttribute('fill')).toBe('#ffffff');
    expect(root.textContent).toContain('Pahandut & Jekan Raya');
    // The page's own chart is untouched.
    expect(svg.getAttribute('style')).toBe('width: 100%; height: 100%');
    expect(svg.childElementCount).toBe(1);
  });
});

describe('chartToPng', () => {
  it('paints a white background, the title, the chart image and the legend, then encodes a PNG', async () => {
    const calls: string[] = [];
    const ctx = {
      font: '',
      fillStyle: '',
      textBaseline: '',
      measureText: (s: string) => ({ width: s.length * 6 }),
      scale: (x: number, y: number) => calls.push(`scale ${x} ${y}`),
      fillRect: (...a: number[]) => calls.push(`fillRect ${a.join(' ')}`),
      fillText: (s: string) => calls.push(`fillText ${s}`),
      drawImage: (img: { src: string }, ...a: number[]) => calls.push(`drawImage ${img.src.slice(0, 24)} ${a.join(' ')}`),
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation(function (this: HTMLCanvasElement, cb: BlobCallback) {
      calls.push(`toBlob ${this.width}x${this.height}`);
      cb(new Blob(['png'], { type: 'image/png' }));
    });
    // jsdom decodes no images: succeed as a browser would.
    vi.stubGlobal(
      'Image',
      class {
        onload: (() => void) | null = null;
        onerror: (() => void) | null = null;
        set src(value: string) {
          this._src = value;
          queueMicrotask(() => this.onload?.());
        }
        get src() {
          return this._src;
        }
        _src = '';
      },
    );

    const blob = await chartToPng(chartSvg(), { title: 'Cakupan', legend: [{ label: 'Terlayani', color: '#0a5c4a' }], fontFamily: 'sans-serif' });
    expect(blob.type).toBe('image/png');
    expect(calls).toEqual([
      'scale 2 2',
      'fillRect 0 0 332 242',
      'fillText Cakupan',
      'drawImage data:image/svg+xml;chars 16 44 300 150',
      'fillRect 16 210 12 12',
      'fillText Terlayani',
      'toBlob 664x484',
    ]);
  });

  it('refuses a chart that is not displayed', async () => {
    const svg = chartSvg();
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    await expect(chartToPng(svg, { title: 'x', legend: [], fontFamily: 'sans-serif' })).rejects.toThrow('not displayed');
  });
});
