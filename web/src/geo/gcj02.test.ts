import { describe, expect, it } from 'vitest'
import { gcj02ToWgs84, outOfChina, transformGeometry, wgs84ToGcj02, type LonLat } from './gcj02'

/** WGS-84 → GCJ-02 pairs published with the reference implementations (eviltransform, coordtransform). */
const REFERENCE: { wgs: LonLat; gcj: LonLat }[] = [
  { wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] },
  { wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] },
  { wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] },
  { wgs: [116.404, 39.915], gcj: [116.41024449916938, 39.91640428150164] },
]

/** Metres between two nearby points (equirectangular approximation, fine at this scale). */
function metres([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const r = 6371008.8
  const x = ((lon2 - lon1) * Math.PI) / 180 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180)
  const y = ((lat2 - lat1) * Math.PI) / 180
  return Math.hypot(x, y) * r
}

describe('GCJ-02', () => {
  it('matchesThePublishedReferencePairs', () => {
    for (const { wgs, gcj } of REFERENCE) {
      const [lon, lat] = wgs84ToGcj02(wgs)
      expect(lon).toBeCloseTo(gcj[0], 9)
      expect(lat).toBeCloseTo(gcj[1], 9)
    }
  })

  it('theInverseRecoversTheWgs84PointOfEachReferencePair', () => {
    for (const { wgs, gcj } of REFERENCE) {
      expect(metres(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.01)
    }
  })

  it('shiftsWaihaiByHundredsOfMetres', () => {
    const waihai: LonLat = [113.13, 22.55]
    const shift = metres(waihai, wgs84ToGcj02(waihai))
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
  })

  it('roundTripErrorStaysBelowOneMetreAcrossChina', () => {
    for (let lon = 74; lon <= 134; lon += 3.7) {
      for (let lat = 18; lat <= 53; lat += 2.9) {
        const p: LonLat = [lon, lat]
        expect(metres(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(1)
      }
    }
  })

  it('pointsOutsideChinasBoundingBoxAreNotShifted', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true)
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85])
    expect(gcj02ToWgs84([-73.98, 40.75])).toEqual([-73.98, 40.75])
    expect(outOfChina(113.13, 22.55)).toBe(false)
  })

  it('transformsEveryPositionOfAPolygonWithoutTouchingTheOriginal', () => {
    const ring = [
      [113.1, 22.5],
      [113.2, 22.5],
      [113.2, 22.6],
      [113.1, 22.5],
    ]
    const polygon: GeoJSON.Polygon = { type: 'Polygon', coordinates: [ring] }
    const shifted = transformGeometry(polygon, wgs84ToGcj02)
    expect(shifted.coordinates[0]).toHaveLength(4)
    expect(shifted.coordinates[0][1]).toEqual(wgs84ToGcj02([113.2, 22.5]))
    expect(polygon.coordinates[0][1]).toEqual([113.2, 22.5])
    const multi = transformGeometry({ type: 'MultiPolygon', coordinates: [[ring]] } as GeoJSON.MultiPolygon, wgs84ToGcj02)
    expect(multi.coordinates[0][0][2]).toEqual(wgs84ToGcj02([113.2, 22.6]))
  })
})
