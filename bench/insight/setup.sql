-- The benchmark's region tree and its user, for the application started on the benchmark database:
-- the city (root, 440700000000), district 440704, 20 subdistricts x 25 communities x 20 grids
-- (the 10,000 grids of generate.sql), and a leader scoped to the city (insight.read), password
-- :'password' (bcrypt, as the application's DelegatingPasswordEncoder stores it).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
DELETE FROM identity_user_role;
DELETE FROM identity_user;
DELETE FROM geo_region;
INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order) VALUES
  ('440700000000', '江门市', 'CITY', NULL, NULL, 0),
  ('440704000000', '江海区', 'DISTRICT', NULL, '440700000000', 0);
INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order)
SELECT '440704' || lpad(s::text, 3, '0') || '000', '基准街道' || s, 'SUBDISTRICT', NULL, '440704000000', s
FROM generate_series(1, 20) s;
INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order)
SELECT '440704' || lpad(s::text, 3, '0') || lpad(c::text, 3, '0'), '基准街道' || s || '社区' || c, 'COMMUNITY',
  'COMMUNITY', '440704' || lpad(s::text, 3, '0') || '000', c
FROM generate_series(1, 20) s, generate_series(1, 25) c;
INSERT INTO geo_region (code, name, level, kind, parent_code, sort_order)
SELECT '440704' || lpad(s::text, 3, '0') || lpad(c::text, 3, '0') || lpad(g::text, 3, '0'),
  '基准街道' || s || '社区' || c || '网格' || g, 'GRID', NULL, '440704' || lpad(s::text, 3, '0') || lpad(c::text, 3, '0'), g
FROM generate_series(1, 20) s, generate_series(1, 25) c, generate_series(1, 20) g;
INSERT INTO identity_user (id, username, display_name, password_hash, scope_code, enabled, password_changed_at,
  created_at, updated_at, version)
VALUES ('00000000-0000-0000-0000-00000000be01', 'bench-leader', '基准领导',
  '{bcrypt}' || crypt(:'password', gen_salt('bf', 10)), '440700000000', TRUE, now(), now(), now(), 0);
INSERT INTO identity_user_role (user_id, role) VALUES ('00000000-0000-0000-0000-00000000be01', 'LEADER');
ANALYZE geo_region;
