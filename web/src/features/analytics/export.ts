/*
 * Chart exports without extra libraries: CSV text from a figure's data, and a PNG drawn from the
 * chart's own SVG (serialised, loaded as an image, painted on a white canvas with title and legend).
 */

export type CsvValue = string | number | null | undefined;

const BOM = '\uFEFF';

/** One CSV field (RFC 4180): quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: CsvValue): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A leading = + - @ (or tab/CR) makes Excel evaluate the cell; a quote mark keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: UTF-8 byte-order mark (so that Excel reads the text as UTF-8), CRLF line ends. */
export function buildCsv(headers: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [headers, ...rows].map((cells) => cells.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `sinergi-<name>-<YYYY-MM-DD>.<ext>`, the name reduced to lower-case ASCII words. */
export function exportFilename(name: string, date: string, ext: 'csv' | 'png'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `sinergi-${slug || 'grafik'}-${date}.${ext}`;
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface PngOptions {
  title: string;
  legend: readonly LegendItem[];
  fontFamily: string;
  /** Device pixels per CSS pixel: 2 keeps the text sharp on a slide or a phone. */
  scale?: number;
}

const PAD = 16;
const TITLE_SIZE = 16;
const TITLE_GAP = 12;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const SWATCH = 12;
const SWATCH_GAP = 6;
const ITEM_GAP = 16;

export interface PngLayout {
  width: number;
  height: number;
  chart: { x: number; y: number };
  legend: Array<LegendItem & { x: number; y: number }>;
}

/** Where the title, the chart and each legend item go (CSS pixels); legend items wrap into rows. */
export function pngLayout(
  chartWidth: number,
  chartHeight: number,
  legend: readonly LegendItem[],
  measure: (text: string) => number,
): PngLayout {
  const width = Math.ceil(chartWidth + PAD * 2);
  const chartY = PAD + TITLE_SIZE + TITLE_GAP;
  const legendTop = chartY + chartHeight + (legend.length ? TITLE_GAP : 0);
  const items: PngLayout['legend'] = [];
  let x = PAD;
  let row = 0;
  for (const item of legend) {
    const w = SWATCH + SWATCH_GAP + measure(item.label);
    if (x > PAD && x + w > width - PAD) {
      row += 1;
      x = PAD;
    }
    items.push({ ...item, x, y: legendTop + row * LEGEND_ROW });
    x += w + ITEM_GAP;
  }
  const rows = legend.length ? row + 1 : 0;
  return { width, height: Math.ceil(legendTop + rows * LEGEND_ROW + PAD), chart: { x: PAD, y: chartY }, legend: items };
}

/** The size the chart is drawn at: its width/height attributes, else its box on screen. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || box.width;
  const height = Number(svg.getAttribute('height')) || box.height;
  return { width, height };
}

/**
 * A standalone SVG document of the chart (XMLSerializer declares the SVG namespace itself): a fixed size, the page font (an SVG drawn as an
 * image sees no page CSS) and a white background (transparent pixels turn black in some viewers).
 */
export function serializeSvg(svg: SVGSVGElement, width: number, height: number, fontFamily: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('style');
  clone.removeAttribute('tabindex');
  clone.setAttribute('font-family', fontFamily);
  const background = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '0', width: '100%', height: '100%', fill: '#ffffff' })) background.setAttribute(k, v);
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the chart image could not be decoded'));
    img.src = src;
  });
}

/** The chart as a PNG: white background, the title above it and its legend below. */
export async function chartToPng(svg: SVGSVGElement, options: PngOptions): Promise<Blob> {
  const scale = options.scale ?? 2;
  const { width, height } = svgSize(svg);
  if (!width || !height) throw new Error('the chart is not displayed');
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(svg, width, height, options.fontFamily))}`);

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw images');
  ctx.font = `${LEGEND_SIZE}px ${options.fontFamily}`;
  const layout = pngLayout(width, height, options.legend, (text) => ctx.measureText(text).width);
  canvas.width = layout.width * scale;
  canvas.height = layout.height * scale;
  // Resizing the canvas resets its state: scale and fonts are set after.
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.fillStyle = '#212529';
  ctx.textBaseline = 'top';
  ctx.font = `700 ${TITLE_SIZE}px ${options.fontFamily}`;
  ctx.fillText(options.title, PAD, PAD, layout.width - PAD * 2);
  ctx.drawImage(image, layout.chart.x, layout.chart.y, width, height);
  ctx.font = `${LEGEND_SIZE}px ${options.fontFamily}`;
  ctx.textBaseline = 'middle';
  for (const item of layout.legend) {
    ctx.fillStyle = item.color;
    ctx.fillRect(item.x, item.y + (LEGEND_ROW - SWATCH) / 2, SWATCH, SWATCH);
    ctx.fillStyle = '#212529';
    ctx.fillText(item.label, item.x + SWATCH + SWATCH_GAP, item.y + LEGEND_ROW / 2);
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png');
  });
}
