import type { PathOptions } from 'leaflet'
import type { GridProperties, GridSearchHit, GridType, PoiKind } from './geoApi'

/** Fill colour of each grid type; the legend shows the same. */
export const GRID_TYPE_COLORS: Record<GridType, string> = {
  RESIDENTIAL: '#2f80ed',
  INDUSTRIAL_PARK: '#e67e22',
  MIXED: '#8e44ad',
  PUBLIC_AREA: '#27ae60',
}

const UNKNOWN_TYPE_COLOR = '#7f8c8d'

export function gridColor(type: string | null | undefined): string {
  return (type && GRID_TYPE_COLORS[type as GridType]) || UNKNOWN_TYPE_COLOR
}

/** How a grid polygon is drawn: coloured by its type, the selected one stronger and outlined. */
export function gridStyle(type: string | null | undefined, selected = false): PathOptions {
  const color = gridColor(type)
  return {
    color: selected ? '#d0021b' : color,
    weight: selected ? 3 : 1.2,
    opacity: 0.9,
    fillColor: color,
    fillOpacity: selected ? 0.45 : 0.22,
  }
}

/** Marker colour and the one-character glyph of each kind of point of interest. */
export const POI_STYLE: Record<PoiKind, { color: string; glyph: string }> = {
  SCHOOL: { color: '#1e88e5', glyph: '校' },
  PARK: { color: '#43a047', glyph: '园' },
  MARKET: { color: '#fb8c00', glyph: '市' },
  PARKING: { color: '#546e7a', glyph: 'P' },
  FACTORY: { color: '#6d4c41', glyph: '厂' },
  COMMAND_CENTRE: { color: '#c62828', glyph: '指' },
  HOSPITAL: { color: '#d81b60', glyph: '医' },
  OTHER: { color: '#757575', glyph: '·' },
}

export function poiStyle(kind: string): { color: string; glyph: string } {
  return POI_STYLE[kind as PoiKind] ?? POI_STYLE.OTHER
}

/** Zoom level from which grid names are drawn on the map. */
export const LABEL_MIN_ZOOM = 15

/** Below this zoom level points of interest shrink to dots, so that an overview stays readable. */
export const POI_FULL_ZOOM = 14

/** An area for people: m² below one hectare-ish scale, km² above. */
export function formatArea(m2: number | null | undefined, locale = 'zh-CN'): string {
  if (m2 === null || m2 === undefined || !Number.isFinite(m2)) return ''
  if (m2 >= 100_000) {
    return `${(m2 / 1_000_000).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} km²`
  }
  return `${Math.round(m2).toLocaleString(locale)} m²`
}

/** Client-side grid search (code prefix or name fragment), for when the server search is unavailable. */
export function filterGrids(grids: readonly GridProperties[], q: string, limit = 20): GridSearchHit[] {
  const needle = q.trim()
  if (!needle) return []
  return grids
    .filter((g) => g.code.startsWith(needle) || g.name.includes(needle) || (g.parentName ?? '').includes(needle))
    .slice(0, limit)
    .map((g) => ({ code: g.code, name: g.name, parentName: g.parentName }))
}
