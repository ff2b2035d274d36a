#pragma once
// The tables of an .evpack file, shared by the writer (tools/pack) and the reader so the two
// cannot drift. docs/pack-format.md explains each table; change both together.
#include <cstdint>

namespace ev {

// SQLite's PRAGMA application_id for .evpack files: the bytes "EVPK". It tells an Every Voice
// pack from any other SQLite database before a table is read.
inline constexpr std::int32_t kPackApplicationId = 0x4556504B;

// Schema version 3 (kPackSchemaVersion): 2 plus the session plans (the plan_* tables).
// Version 2 was 1 plus the audience 'teen', several neutral items per locale (neutral.position;
// schema 1 had one row per locale and no position) and signposts.verify_fields (schema 1: a
// verify signpost has every field to confirm). A kiosk refuses a table it does not know (a pack
// is data only), so a new table raises the version too, as does any change an older kiosk would
// misread (renamed or removed column, new meaning); older kiosks then refuse the pack by its
// version. media and page_narration came later in version 1; the reader takes a pack of an
// earlier version without the tables it did not have yet.
inline constexpr const char* kPackSchemaSql = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
CREATE TABLE locales (
  position INTEGER PRIMARY KEY,
  tag      TEXT NOT NULL UNIQUE,
  status   TEXT NOT NULL CHECK (status IN ('draft', 'reviewed'))
);
CREATE TABLE pages (
  id TEXT PRIMARY KEY NOT NULL
);
CREATE TABLE page_audiences (
  page     TEXT NOT NULL REFERENCES pages (id),
  audience TEXT NOT NULL CHECK (audience IN ('child', 'teen', 'parent', 'community')),
  PRIMARY KEY (page, audience)
);
CREATE TABLE page_text (
  page            TEXT NOT NULL REFERENCES pages (id),
  locale          TEXT NOT NULL REFERENCES locales (tag),
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'reviewed')),
  translated_from TEXT NOT NULL,
  stale           INTEGER NOT NULL CHECK (stale IN (0, 1)),
  markdown        TEXT NOT NULL,
  PRIMARY KEY (page, locale)
);
CREATE TABLE topics (
  audience TEXT NOT NULL CHECK (audience IN ('child', 'teen', 'parent', 'community')),
  position INTEGER NOT NULL,
  page     TEXT NOT NULL REFERENCES pages (id),
  PRIMARY KEY (audience, position)
);
CREATE TABLE signposts (
  position INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  web      TEXT NOT NULL,
  verify   INTEGER NOT NULL CHECK (verify IN (0, 1)),
  verify_fields TEXT NOT NULL  -- with verify: e.g. 'hours' or 'phones web'; '' means every field
);
CREATE TABLE signpost_phones (
  signpost TEXT NOT NULL REFERENCES signposts (id),
  position INTEGER NOT NULL,
  phone    TEXT NOT NULL,
  PRIMARY KEY (signpost, position)
);
CREATE TABLE signpost_audiences (
  signpost TEXT NOT NULL REFERENCES signposts (id),
  audience TEXT NOT NULL CHECK (audience IN ('child', 'teen', 'parent', 'community')),
  PRIMARY KEY (signpost, audience)
);
CREATE TABLE signpost_text (
  signpost    TEXT NOT NULL REFERENCES signposts (id),
  locale      TEXT NOT NULL REFERENCES locales (tag),
  name        TEXT NOT NULL,
  for_whom    TEXT NOT NULL,
  description TEXT NOT NULL,
  hours       TEXT NOT NULL,
  PRIMARY KEY (signpost, locale)
);
CREATE TABLE signpost_phone_labels (
  signpost TEXT NOT NULL REFERENCES signposts (id),
  locale   TEXT NOT NULL REFERENCES locales (tag),
  position INTEGER NOT NULL,
  label    TEXT NOT NULL,
  PRIMARY KEY (signpost, locale, position)
);
CREATE TABLE neutral (
  locale   TEXT NOT NULL REFERENCES locales (tag),
  position INTEGER NOT NULL,
  title    TEXT NOT NULL,
  body     TEXT NOT NULL,
  PRIMARY KEY (locale, position)
);
CREATE TABLE strings (
  locale TEXT NOT NULL REFERENCES locales (tag),
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (locale, key)
) WITHOUT ROWID;
CREATE TABLE media (
  name  TEXT PRIMARY KEY NOT NULL,
  type  TEXT NOT NULL CHECK (type IN ('image/png', 'audio/ogg')),
  bytes BLOB NOT NULL
);
CREATE TABLE page_narration (
  page   TEXT NOT NULL REFERENCES pages (id),
  locale TEXT NOT NULL REFERENCES locales (tag),
  media  TEXT NOT NULL REFERENCES media (name),
  PRIMARY KEY (page, locale)
);
CREATE TABLE plans (
  id       TEXT PRIMARY KEY NOT NULL,
  minutes  INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
  question TEXT NOT NULL  -- the before-and-after question's id; '' when the plan has none
);
CREATE TABLE plan_audiences (
  plan     TEXT NOT NULL REFERENCES plans (id),
  audience TEXT NOT NULL CHECK (audience IN ('child', 'teen', 'parent', 'community')),
  PRIMARY KEY (plan, audience)
);
CREATE TABLE plan_steps (
  plan       TEXT NOT NULL REFERENCES plans (id),
  position   INTEGER NOT NULL,
  page       TEXT NOT NULL REFERENCES pages (id),
  part       TEXT NOT NULL CHECK (part IN ('page', 'heading', 'blocks')),
  part_first INTEGER NOT NULL,  -- heading: which heading from 1; blocks: first block from 1; page: 0
  part_last  INTEGER NOT NULL,  -- blocks: last block, inclusive; otherwise 0
  PRIMARY KEY (plan, position)
);
CREATE TABLE plan_signposts (
  plan     TEXT NOT NULL REFERENCES plans (id),
  position INTEGER NOT NULL,
  signpost TEXT NOT NULL REFERENCES signposts (id),
  PRIMARY KEY (plan, position)
);
CREATE TABLE plan_answers (
  plan     TEXT NOT NULL REFERENCES plans (id),
  position INTEGER NOT NULL,
  id       TEXT NOT NULL,
  PRIMARY KEY (plan, position)
);
CREATE TABLE plan_text (
  plan            TEXT NOT NULL REFERENCES plans (id),
  locale          TEXT NOT NULL REFERENCES locales (tag),
  title           TEXT NOT NULL,
  summary         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('draft', 'reviewed')),
  translated_from TEXT NOT NULL,
  stale           INTEGER NOT NULL CHECK (stale IN (0, 1)),
  question        TEXT NOT NULL,
  PRIMARY KEY (plan, locale)
);
CREATE TABLE plan_step_text (
  plan     TEXT NOT NULL REFERENCES plans (id),
  locale   TEXT NOT NULL REFERENCES locales (tag),
  position INTEGER NOT NULL,
  prompt   TEXT NOT NULL,
  notes    TEXT NOT NULL,
  PRIMARY KEY (plan, locale, position)
);
CREATE TABLE plan_answer_text (
  plan     TEXT NOT NULL REFERENCES plans (id),
  locale   TEXT NOT NULL REFERENCES locales (tag),
  position INTEGER NOT NULL,
  label    TEXT NOT NULL,
  PRIMARY KEY (plan, locale, position)
);
)sql";

} // namespace ev
