import type { EChartsCoreOption } from 'echarts/core'

export interface Count {
  key: string
  label: string
  services: number
  participants: number
}

const palette = ['#c0392b', '#2f6fb0', '#e6a23c', '#3a9a6b', '#8e44ad', '#16a085', '#d35400']

/** Services (bars) and people served (line) under each key, titled. */
export function countsChart(title: string, counts: Count[], names: [string, string], horizontal = false): EChartsCoreOption {
  const categories = counts.map((c) => c.label || c.key)
  const category = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : categories.length > 6 ? 35 : 0 } }
  const value = { type: 'value', minInterval: 1 }
  return {
    color: palette,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 40, containLabel: true },
    xAxis: horizontal ? value : category,
    // People served outnumber services many times: each has its own axis, so neither is drawn flat.
    yAxis: horizontal ? { ...category, inverse: true } : [value, { ...value, splitLine: { show: false } }],
    series: [
      { name: names[0], type: 'bar', barMaxWidth: 48, data: counts.map((c) => c.services) },
      { name: names[1], type: horizontal ? 'bar' : 'line', barMaxWidth: 48, yAxisIndex: horizontal ? 0 : 1, data: counts.map((c) => c.participants) },
    ],
  }
}

export function pieChart(title: string, slices: { name: string; value: number }[]): EChartsCoreOption {
  return {
    color: palette,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', radius: ['35%', '62%'], data: slices, label: { formatter: '{b}: {c}' } }],
  }
}

export interface Series {
  name: string
  data: number[]
  type?: 'bar' | 'line'
  stack?: string
}

/**
 * Bars (or lines) of several series over the same categories, on one value axis; counts (integer) get no
 * fractional ticks. An empty title leaves the heading to the page.
 */
export function seriesChart(title: string, categories: string[], series: Series[], horizontal = false, integer = true): EChartsCoreOption {
  const category = { type: 'category', data: categories, axisLabel: { interval: 0, rotate: horizontal ? 0 : categories.length > 6 ? 35 : 0 } }
  const value = integer ? { type: 'value', minInterval: 1 } : { type: 'value' }
  return {
    color: palette,
    title: { text: title, left: 'center', textStyle: { fontSize: 14 }, show: !!title },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: title ? 40 : 12, bottom: 40, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: series.map((s) => ({ type: s.type ?? 'bar', barMaxWidth: 48, ...s })),
  }
}
