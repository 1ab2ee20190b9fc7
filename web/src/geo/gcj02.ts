/**
 * WGS-84 ↔ GCJ-02, the coordinate system of Chinese web maps (the published "mars" formulas, the
 * same algorithm as the server's `geo` module). Points outside China's bounding box are not
 * shifted. Coordinates are `[longitude, latitude]` as in GeoJSON.
 */
export type LonLat = [number, number]

const A = 6378245.0
const EE = 0.00669342162296594323

/** The rough bounding box inside which GCJ-02 differs from WGS-84. */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0
  return ret
}

function transformLon(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0
  return ret
}

/** The GCJ-02 offset of a WGS-84 point, in degrees. */
function offset(lon: number, lat: number): LonLat {
  let dLat = transformLat(lon - 105.0, lat - 35.0)
  let dLon = transformLon(lon - 105.0, lat - 35.0)
  const radLat = (lat / 180.0) * Math.PI
  let magic = Math.sin(radLat)
  magic = 1 - EE * magic * magic
  const sqrtMagic = Math.sqrt(magic)
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [dLon, dLat]
}

export function wgs84ToGcj02([lon, lat]: LonLat): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat]
  const [dLon, dLat] = offset(lon, lat)
  return [lon + dLon, lat + dLat]
}

/** Inverse by fixed-point iteration: converges to well under a millimetre in a few steps. */
export function gcj02ToWgs84([lon, lat]: LonLat): LonLat {
  if (outOfChina(lon, lat)) return [lon, lat]
  let wLon = lon
  let wLat = lat
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02([wLon, wLat])
    const eLon = gLon - lon
    const eLat = gLat - lat
    wLon -= eLon
    wLat -= eLat
    if (Math.abs(eLon) < 1e-10 && Math.abs(eLat) < 1e-10) break
  }
  return [wLon, wLat]
}

type Position = number[]

/** Applies a point transform to every position of a GeoJSON geometry, returning a new geometry. */
export function transformGeometry<G extends GeoJSON.Geometry>(geometry: G, fn: (p: LonLat) => LonLat): G {
  const point = (p: Position): Position => fn([p[0], p[1]])
  const line = (ps: Position[]): Position[] => ps.map(point)
  const poly = (rings: Position[][]): Position[][] => rings.map(line)
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: point(geometry.coordinates) }
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: line(geometry.coordinates) }
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: poly(geometry.coordinates) }
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map(poly) }
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => transformGeometry(g, fn)) }
  }
  return geometry
}
