import { api, withQuery, type UploadOptions } from '../platform/api'

export type GridType = 'RESIDENTIAL' | 'INDUSTRIAL_PARK' | 'MIXED' | 'PUBLIC_AREA'
export const GRID_TYPES: readonly GridType[] = ['RESIDENTIAL', 'INDUSTRIAL_PARK', 'MIXED', 'PUBLIC_AREA']

export type PoiKind = 'SCHOOL' | 'PARK' | 'MARKET' | 'PARKING' | 'FACTORY' | 'COMMAND_CENTRE' | 'HOSPITAL' | 'OTHER'
export const POI_KINDS: readonly PoiKind[] = [
  'SCHOOL',
  'PARK',
  'MARKET',
  'PARKING',
  'FACTORY',
  'COMMAND_CENTRE',
  'HOSPITAL',
  'OTHER',
]

/** `GET /api/geo/map-config`. */
export interface MapConfig {
  tilesUrl: string | null
  tilesCrs: 'WGS84' | 'GCJ02'
  attribution: string | null
  /** `[longitude, latitude]`. */
  center: [number, number]
  zoom: number
}

export interface GridProperties {
  code: string
  name: string
  type: GridType
  parent: string
  parentName: string
  areaM2: number
  version: number
  validFrom?: string
  poiCounts?: Partial<Record<PoiKind, number>>
}

export type GridGeometry = GeoJSON.Polygon | GeoJSON.MultiPolygon
export type GridFeature = GeoJSON.Feature<GridGeometry, GridProperties>
export type GridCollection = GeoJSON.FeatureCollection<GridGeometry, GridProperties>

export interface PoiProperties {
  id: string
  kind: PoiKind
  name: string
  gridCode: string | null
}
export type PoiFeature = GeoJSON.Feature<GeoJSON.Point, PoiProperties>
export type PoiCollection = GeoJSON.FeatureCollection<GeoJSON.Point, PoiProperties>

export interface GridSearchHit {
  code: string
  name: string
  parentName: string
}

export interface ImportResult {
  created: number
  updated: number
  dryRun: boolean
}

/** One entry of the `errors` of a `geo.import-invalid` problem. */
export interface ImportError {
  feature: number
  code?: string
  message: string
}

export const GRIDS_EXPORT_URL = '/api/geo/grids/export'

export const geoApi = {
  mapConfig: () => api.get<MapConfig>('/api/geo/map-config'),
  grids: () => api.get<GridCollection>('/api/geo/grids'),
  grid: (code: string) => api.get<GridFeature>(`/api/geo/grids/${encodeURIComponent(code)}`),
  pois: () => api.get<PoiCollection>('/api/geo/pois'),
  search: (q: string) => api.get<GridSearchHit[]>(withQuery('/api/geo/search', { q })),
  importGrids: (file: File, dryRun: boolean, options: UploadOptions = {}) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<ImportResult>(withQuery('/api/geo/grids/import', { dryRun: dryRun || undefined }), form, options)
  },
}
