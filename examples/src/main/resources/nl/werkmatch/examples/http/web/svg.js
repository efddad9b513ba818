// Charts as inline SVG, drawn from numbers the server sent: horizontal bars with an optional reference line,
// and a Lorenz curve. Each chart has a title and a text description for screen readers; the same numbers
// stand in a table next to it.

const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function frame(title, description, width, height, id) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart', id },
    s('title', { id: `${id}-t` }, title), s('desc', { id: `${id}-d` }, description));
}

/**
 * Horizontal bars: rows [{label, value, text, flagged}] against max; line (a value) draws a dashed reference
 * line with lineLabel. Flagged bars are drawn in the warning colour.
 */
export function bars(rows, { id, title, description, max, line, lineLabel }) {
  const labelWidth = 220;
  const width = 720;
  const barArea = width - labelWidth - 90;
  const rowHeight = 26;
  const top = line != null ? 22 : 6;
  const height = top + rows.length * rowHeight + 8;
  const top0 = max > 0 ? max : 1;
  const svg = frame(title, description, width, height, id);
  rows.forEach((r, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(0, Math.min(1, r.value / top0)) * barArea;
    svg.append(
      s('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'chart-label' }, r.label),
      s('rect', { x: labelWidth, y: y + 4, width: barArea, height: 18, class: 'chart-track' }),
      s('rect', { x: labelWidth, y: y + 4, width: w.toFixed(1), height: 18, class: r.flagged ? 'chart-bar flagged' : 'chart-bar' }),
      s('text', { x: labelWidth + barArea + 8, y: y + 17, class: 'chart-value' }, r.text));
  });
  if (line != null) {
    const x = labelWidth + Math.min(1, line / top0) * barArea;
    svg.append(s('line', { x1: x, x2: x, y1: 14, y2: height - 4, class: 'chart-line' }),
      s('text', { x, y: 11, 'text-anchor': 'middle', class: 'chart-line-label' }, lineLabel));
  }
  return svg;
}

/** The Lorenz curve of points (share of exposure held by the lowest i% of people, i = 0..100) with the diagonal. */
export function lorenz(points, { id, title, description, xLabel, yLabel }) {
  const size = 300;
  const pad = 44;
  const inner = size - pad - 12;
  const svg = frame(title, description, size + 20, size, id);
  const px = (i) => pad + (i / (points.length - 1)) * inner;
  const py = (v) => 12 + (1 - v) * inner;
  const path = points.map((v, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
  svg.append(
    s('rect', { x: pad, y: 12, width: inner, height: inner, class: 'chart-track' }),
    s('line', { x1: px(0), y1: py(0), x2: px(points.length - 1), y2: py(1), class: 'chart-diagonal' }),
    s('path', { d: `${path} L${px(points.length - 1)},${py(0)} Z`, class: 'chart-area' }),
    s('path', { d: path, class: 'chart-curve' }),
    [0, 0.5, 1].map((v) => [
      s('text', { x: pad - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'chart-value' }, `${v * 100}%`),
      s('text', { x: pad + v * inner, y: size - 18, 'text-anchor': 'middle', class: 'chart-value' }, `${v * 100}%`)]),
    s('text', { x: pad + inner / 2, y: size - 2, 'text-anchor': 'middle', class: 'chart-label' }, xLabel),
    s('text', { x: 12, y: 12 + inner / 2, 'text-anchor': 'middle', class: 'chart-label', transform: `rotate(-90 12 ${12 + inner / 2})` }, yLabel));
  return svg;
}
