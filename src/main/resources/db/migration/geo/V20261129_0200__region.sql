-- The region tree: district -> subdistrict -> community/village -> grid.
-- Codes follow the statistical division codes (12 digits) plus a 3-digit grid sequence.
CREATE TABLE geo_region
(
    code        VARCHAR(15)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    kind        VARCHAR(16),
    parent_code VARCHAR(15),
    sort_order  INT          NOT NULL DEFAULT 0
);
CREATE INDEX geo_region_parent_idx ON geo_region (parent_code);
