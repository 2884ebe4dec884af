// The dashboard's charts, drawn by Apache ECharts (served from the application's own jar).
// Canvas rendering and tooltips drawn inside the chart keep the page free of inline styles, as
// its Content Security Policy demands; every chart also has its data as a table for screen
// readers and keyboard users.

import * as echarts from '../webjars/echarts/dist/echarts.esm.min.js';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1f2937';
const MUTED = '#6b7280';
const GRID = '#e5e7eb';

/** A colour per lead status, in the lifecycle's order. */
export const STATUS_COLOURS = {
  NEW: '#9ca3af',
  QUALIFIED: '#cbd5e1',
  OFFERED: '#f59e0b',
  ACCEPTED: '#60a5fa',
  CONTACTED: '#2563eb',
  OPPORTUNITY: '#7c3aed',
  WON: '#059669',
  LOST: '#dc2626',
  UNASSIGNED: '#ea580c',
  INSIDE_SALES: '#0d9488',
  NURTURE: '#a855f7',
  DISQUALIFIED: '#4b5563',
};

export const STAGE_COLOURS = {
  QUALIFICATION: '#93c5fd',
  PROPOSAL: '#60a5fa',
  NEGOTIATION: '#2563eb',
  WON: '#059669',
  LOST: '#dc2626',
};

const TOOLTIP = { renderMode: 'richText', confine: true, textStyle: { fontFamily: FONT, fontSize: 12 } };

const resizing = new ResizeObserver((entries) => {
  for (const entry of entries) {
    echarts.getInstanceByDom(entry.target)?.resize();
  }
});

/** Draws (or redraws) a chart into the element; `description` is read out by screen readers. */
export function draw(container, option, description) {
  let chart = echarts.getInstanceByDom(container);
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
    resizing.observe(container);
  }
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', description);
  chart.setOption({
    animation: false,
    color: ['#2563eb', '#059669', '#f59e0b', '#7c3aed', '#dc2626', '#0d9488'],
    textStyle: { fontFamily: FONT, color: INK },
    tooltip: TOOLTIP,
    ...option,
  }, true);
}

const axisLabel = { color: MUTED, fontFamily: FONT, hideOverlap: true };
const splitLine = { lineStyle: { color: GRID } };
const legend = { bottom: 0, type: 'scroll', textStyle: { color: INK, fontFamily: FONT }, icon: 'roundRect', itemWidth: 12, itemHeight: 12 };

/** Stacked bars: one bar per category, one stacked series per [name, values, colour]. */
export function stackedBars(categories, series, { horizontal = false, valueFormatter } = {}) {
  const categoryAxis = { type: 'category', data: categories, axisLabel: { ...axisLabel, interval: 0, width: 150, overflow: 'truncate' }, axisTick: { show: false }, axisLine: { lineStyle: { color: GRID } } };
  const valueAxis = { type: 'value', axisLabel: { ...axisLabel, formatter: valueFormatter }, splitLine, minInterval: 1 };
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    legend,
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map(([name, values, colour]) => ({
      name, type: 'bar', stack: 'total', data: values, itemStyle: { color: colour },
      barMaxWidth: 42, emphasis: { focus: 'series' },
    })),
  };
}

/** A funnel of steps [{name, value, conversion text}], widest first. */
export function funnel(steps) {
  const widest = Math.max(1, ...steps.map((s) => s.value));
  return {
    tooltip: { ...TOOLTIP, trigger: 'item', formatter: (p) => `${p.name}: ${p.value}\n${p.data.note}` },
    series: [{
      type: 'funnel', sort: 'none', left: '4%', right: '4%', top: 8, bottom: 8, min: 0, max: widest,
      minSize: '30%', gap: 3,
      label: {
        show: true, position: 'inside', color: '#fff', fontFamily: FONT, fontSize: 12, fontWeight: 600,
        formatter: (p) => `${p.name}  ${p.value}${p.data.conversion ? `  ·  ${p.data.conversion}` : ''}`,
      },
      labelLine: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      data: steps.map((s, index) => ({
        name: s.name, value: s.value, conversion: s.conversion, note: s.note,
        itemStyle: { color: FUNNEL_COLOURS[index % FUNNEL_COLOURS.length] },
      })),
    }],
  };
}

const FUNNEL_COLOURS = ['#1e3a8a', '#1e40af', '#1d4ed8', '#2563eb', '#3b82f6', '#0f766e', '#047857'];

/** Shares over weeks as lines (0-100 %) and offers as bars on a second axis. */
export function overTime(weeks, lines, bars) {
  return {
    grid: { left: 8, right: 8, top: 28, bottom: 48, containLabel: true },
    legend,
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    xAxis: { type: 'category', data: weeks, axisLabel, axisTick: { show: false }, axisLine: { lineStyle: { color: GRID } } },
    yAxis: [
      { type: 'value', min: 0, max: 1, axisLabel: { ...axisLabel, formatter: (v) => `${Math.round(v * 100)}%` }, splitLine },
      { type: 'value', minInterval: 1, axisLabel, splitLine: { show: false }, name: bars.name, nameTextStyle: { color: MUTED, align: 'right' } },
    ],
    series: [
      {
        name: bars.name, type: 'bar', yAxisIndex: 1, data: bars.values, itemStyle: { color: '#dbeafe' },
        barMaxWidth: 28, z: 1,
      },
      ...lines.map(([name, values, colour]) => ({
        name, type: 'line', data: values, connectNulls: true, symbolSize: 7, z: 3,
        lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour },
        tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`) },
      })),
    ],
  };
}
