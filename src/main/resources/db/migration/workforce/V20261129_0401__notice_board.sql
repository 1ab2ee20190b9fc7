-- Notice boards (网格员公示牌): a code printed on the board, its grid, where it stands, and how often
-- its QR code was scanned.
CREATE TABLE workforce_board
(
    code       VARCHAR(16)              NOT NULL PRIMARY KEY,
    sequence   INT                      NOT NULL,
    grid_code  VARCHAR(15)              NOT NULL,
    longitude  DOUBLE PRECISION         NOT NULL,
    latitude   DOUBLE PRECISION         NOT NULL,
    scans      BIGINT                   NOT NULL DEFAULT 0,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT workforce_board_sequence_uk UNIQUE (sequence)
);
CREATE INDEX workforce_board_grid_idx ON workforce_board (grid_code);
