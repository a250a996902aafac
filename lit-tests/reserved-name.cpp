// Table and column names a backend keeps for itself (checks/ReservedNameCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <string>

// SQLite refuses to create a table whose name begins with "sqlite_", in any case.
// expected-error@+1 {{table name 'sqlite_settings' of model 'Settings' begins with 'sqlite_', which SQLite reserves for its own tables; give the model another name with 'covet::model("name")'}}
struct [[covet::model("sqlite_settings")]] Settings {
  covet::Id id;
};
// expected-error@+1 {{table name 'SQLite_Stats' of model 'Stats' begins with 'sqlite_'}}
struct [[covet::model("SQLite_Stats")]] Stats {
  covet::Id id;
};
// The lower-case class name counts too.
// expected-error@+1 {{table name 'sqlite_mirror' of model 'SQLite_Mirror' begins with 'sqlite_'}}
struct [[covet::model]] SQLite_Mirror {
  covet::Id id;
};

// An automatic join table "<table>_<member>" can begin with it.
struct [[covet::model]] Tag {
  covet::Id id;
};
struct [[covet::model]] Sqlite {
  covet::Id id;
  // expected-error@+1 {{automatic join table name 'sqlite_tags' of 'Sqlite::tags' begins with 'sqlite_', which SQLite reserves for its own tables; rename the member or give the relation a 'covet::through' model}}
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<Tag> tags;
};
// A reserved table is reported once, not again for its join tables.
// expected-error@+1 {{table name 'sqlite_cache' of model 'Cache' begins with 'sqlite_'}}
struct [[covet::model("sqlite_cache")]] Cache {
  covet::Id id;
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<Tag> tags;
};

// PostgreSQL's system columns: a bounding box's xmin is the classic.
struct [[covet::model]] Box {
  covet::Id id;
  int xmin = 0;  // expected-error {{column name 'xmin' of 'Box::xmin' is the name of a PostgreSQL system column; give the column another name with 'covet::column("name")'}}
  int xmax = 0;  // expected-error {{column name 'xmax' of 'Box::xmax' is the name of a PostgreSQL system column}}
  // expected-error@+1 {{column name 'ctid' of 'Box::row' is the name of a PostgreSQL system column}}
  [[covet::column("ctid")]] long row = 0;
  // expected-error@+1 {{column name 'tableoid' of 'Box::origin' is the name of a PostgreSQL system column}}
  [[covet::foreign_key(covet::CASCADE), covet::column("tableoid"), covet::related_name("+")]] covet::Ref<Tag> origin;
};
struct [[covet::model]] Clock {
  covet::Id id;
  long cmin = 0;  // expected-error {{column name 'cmin' of 'Clock::cmin' is the name of a PostgreSQL system column}}
  long cmax = 0;  // expected-error {{column name 'cmax' of 'Clock::cmax' is the name of a PostgreSQL system column}}
};
