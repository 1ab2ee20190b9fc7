-- One row that every change of the read models (a live event, a rebuild) locks first, so that the
-- changes of several instances never interleave (ProjectionWork; within an instance a lock in memory
-- comes first, so waiting threads hold no connection).
CREATE TABLE insight_lock
(
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO insight_lock (id) VALUES (1);
