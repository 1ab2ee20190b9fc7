-- Boundaries of regions, one row per version. The polygon is WKB (WGS-84, lon/lat) in BYTEA so
-- that H2 and PostgreSQL hold it alike (ADR 0006); the bounding box is kept in columns for
-- box queries, the area in m^2 is computed from the polygon on the WGS-84 ellipsoid.
-- valid_to IS NULL marks the current version.
CREATE TABLE geo_boundary
(
    id          UUID                     NOT NULL PRIMARY KEY,
    region_code VARCHAR(15)              NOT NULL,
    version     INT                      NOT NULL,
    wkb         BYTEA                    NOT NULL,
    min_lon     DOUBLE PRECISION         NOT NULL,
    min_lat     DOUBLE PRECISION         NOT NULL,
    max_lon     DOUBLE PRECISION         NOT NULL,
    max_lat     DOUBLE PRECISION         NOT NULL,
    area_m2     DOUBLE PRECISION         NOT NULL,
    valid_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT geo_boundary_version_uq UNIQUE (region_code, version)
);
CREATE INDEX geo_boundary_current_idx ON geo_boundary (valid_to, region_code);

-- A grid: a region of level GRID with a type and the number of its current boundary version.
CREATE TABLE geo_grid
(
    code    VARCHAR(15) NOT NULL PRIMARY KEY,
    type    VARCHAR(20) NOT NULL,
    version INT         NOT NULL
);

-- Points of interest, each inside a grid.
CREATE TABLE geo_poi
(
    id        UUID             NOT NULL PRIMARY KEY,
    kind      VARCHAR(20)      NOT NULL,
    name      VARCHAR(100)     NOT NULL,
    lon       DOUBLE PRECISION NOT NULL,
    lat       DOUBLE PRECISION NOT NULL,
    grid_code VARCHAR(15)      NOT NULL
);
CREATE INDEX geo_poi_grid_idx ON geo_poi (grid_code);

-- One row whose revision every boundary change increments: instances poll it to learn of
-- changes made elsewhere (ADR 0009).
CREATE TABLE geo_boundary_revision
(
    id       INT    NOT NULL PRIMARY KEY,
    revision BIGINT NOT NULL
);
INSERT INTO geo_boundary_revision (id, revision) VALUES (1, 0);
