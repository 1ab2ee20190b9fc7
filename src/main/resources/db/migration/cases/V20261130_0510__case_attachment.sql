-- Case photos. An upload is stored first (by a signed-in user, or anonymously by a resident) and
-- linked to a case when the case is reported or an action uses it; one left unlinked for a day may
-- be purged. The original stays for authorised users; the thumbnail and the public copy are
-- encoded afresh from the pixels, without metadata. Keys name the files in the file storage.
CREATE TABLE cases_attachment
(
    id            UUID                     NOT NULL PRIMARY KEY,
    case_id       UUID,
    content_type  VARCHAR(32)              NOT NULL,
    size_bytes    BIGINT                   NOT NULL,
    width         INT                      NOT NULL,
    height        INT                      NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    original_key  VARCHAR(64)              NOT NULL,
    thumbnail_key VARCHAR(64)              NOT NULL,
    public_key    VARCHAR(64)              NOT NULL,
    public_safe   BOOLEAN                  NOT NULL,
    uploaded_by   UUID,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_at     TIMESTAMP WITH TIME ZONE
);
-- serves both the photos of a case and the purge of old unlinked uploads (case_id IS NULL)
CREATE INDEX cases_attachment_case_idx ON cases_attachment (case_id, uploaded_at);
