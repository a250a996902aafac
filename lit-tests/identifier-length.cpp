// Names over PostgreSQL's 63-byte limit (checks/IdentifierLengthCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s
// RUN: not %clangxx -fplugin=%covet_plugin -ferror-limit=0 -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck %s

#include <covet/covet.hpp>

#include <string>

// An explicit table name of 64 bytes: the note offers it cut to 63 bytes,
// without the trailing '_'.
// expected-error@+2 {{table name 'library_catalogue_entries_with_every_edition_and_every_reprint_x' of model 'Catalogue' is 64 bytes long, over PostgreSQL's limit of 63 bytes; give the model a shorter name with 'covet::model("name")'}}
// expected-note@+1 {{use a shorter name, such as 'library_catalogue_entries_with_every_edition_and_every_reprint'}}
struct [[covet::model("library_catalogue_entries_with_every_edition_and_every_reprint_x")]] Catalogue {
  covet::Id id;
};

// The default table name, the lower-case class name, is too long: the fix-it
// names the table.
// expected-error@+2 {{table name 'publishinghouseimprintwithaverylongnamethatnobodycouldevertypexs' of model 'PublishingHouseImprintWithAVeryLongNameThatNobodyCouldEverTypeXs' is 64 bytes long}}
// expected-note@+1 {{use a shorter name, such as 'publishinghouseimprintwithaverylongnamethatnobodycouldevertypex'}}
struct [[covet::model]] PublishingHouseImprintWithAVeryLongNameThatNobodyCouldEverTypeXs {
  covet::Id id;
};

// Two table names PostgreSQL cuts to one: each error has a note at the other
// name. (create_all() would create one table for both.)
// expected-error@+2 {{table name 'table_of_all_reprints_of_every_edition_in_every_language_sold_aa' of model 'Reprints' is 64 bytes long}}
// expected-note@+1 {{PostgreSQL would cut table name 'table_of_all_reprints_of_every_edition_in_every_language_sold_aa' of 'Reprints' to the same 'table_of_all_reprints_of_every_edition_in_every_language_sold_a'}}
struct [[covet::model("table_of_all_reprints_of_every_edition_in_every_language_sold_aa")]] Reprints {
  covet::Id id;
};
// expected-error@+2 {{table name 'table_of_all_reprints_of_every_edition_in_every_language_sold_ab' of model 'Reprints2' is 64 bytes long}}
// expected-note@+1 {{PostgreSQL would cut table name 'table_of_all_reprints_of_every_edition_in_every_language_sold_ab' of 'Reprints2' to the same 'table_of_all_reprints_of_every_edition_in_every_language_sold_a'}}
struct [[covet::model("table_of_all_reprints_of_every_edition_in_every_language_sold_ab")]] Reprints2 {
  covet::Id id;
};

struct [[covet::model("edition")]] Edition {
  covet::Id id;
  // expected-error@+2 {{column name 'number_of_copies_sold_in_the_first_week_after_the_publication_da' of 'Edition::first_week_sales' is 64 bytes long, over PostgreSQL's limit of 63 bytes; give it a shorter name with 'covet::column("name")'}}
  // expected-note@+1 {{use a shorter name, such as 'number_of_copies_sold_in_the_first_week_after_the_publication_d'}}
  [[covet::column("number_of_copies_sold_in_the_first_week_after_the_publication_da")]] int first_week_sales = 0;
  // A member name too long for a column: the fix-it adds covet::column, the
  // member keeps its name. The trailing '_' of the cut name is dropped.
  // expected-error@+2 {{column name 'number_of_pages_including_front_matter_and_back_matter_indexes_x' of 'Edition::number_of_pages_including_front_matter_and_back_matter_indexes_x' is 64 bytes long}}
  // expected-note@+1 {{use a shorter name, such as 'number_of_pages_including_front_matter_and_back_matter_indexes'}}
  int number_of_pages_including_front_matter_and_back_matter_indexes_x = 0;
  // A key column "<member>_id": the suggestion keeps the "_id".
  // expected-error@+2 {{key column name 'publisher_that_first_printed_this_edition_in_its_home_country_id' of 'Edition::publisher_that_first_printed_this_edition_in_its_home_country' is 64 bytes long}}
  // expected-note@+1 {{use a shorter name, such as 'publisher_that_first_printed_this_edition_in_its_home_countr_id'}}
  [[covet::foreign_key(covet::PROTECT), covet::related_name("+")]] covet::Ref<Catalogue> publisher_that_first_printed_this_edition_in_its_home_country;
  // Two names PostgreSQL cuts to one: each is an error, with a note at the other.
  // expected-error@+2 {{column name 'reader_rating_average_over_all_reviews_since_the_first_edition_a' of 'Edition::rating_a' is 64 bytes long}}
  // expected-note@+1 {{PostgreSQL would cut column name 'reader_rating_average_over_all_reviews_since_the_first_edition_a' of 'Edition::rating_a' to the same 'reader_rating_average_over_all_reviews_since_the_first_edition_'}}
  [[covet::column("reader_rating_average_over_all_reviews_since_the_first_edition_a")]] double rating_a = 0;
  // expected-error@+2 {{column name 'reader_rating_average_over_all_reviews_since_the_first_edition_b' of 'Edition::rating_b' is 64 bytes long}}
  // expected-note@+1 {{PostgreSQL would cut column name 'reader_rating_average_over_all_reviews_since_the_first_edition_b' of 'Edition::rating_b' to the same 'reader_rating_average_over_all_reviews_since_the_first_edition_'}}
  [[covet::column("reader_rating_average_over_all_reviews_since_the_first_edition_b")]] double rating_b = 0;
  // The cut name is taken: no suggestion.
  [[covet::column("shelf_position_in_the_main_reading_room_of_the_central_library")]] int shelf = 0;
  // expected-error@+1 {{column name 'shelf_position_in_the_main_reading_room_of_the_central_library__' of 'Edition::shelf_again' is 64 bytes long}}
  [[covet::column("shelf_position_in_the_main_reading_room_of_the_central_library__")]] int shelf_again = 0;
  // The limit is in bytes, and a name is cut at a character boundary.
  // expected-error@+2 {{column name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé' of 'Edition::accented' is 64 bytes long}}
  // expected-note@+1 {{use a shorter name, such as 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}}
  [[covet::column("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé")]] int accented = 0;
};

// The automatic join table "<source table>_<member>" of a many-to-many.
struct [[covet::model("library_catalogue_entries_with_every_edition")]] Entry {
  covet::Id id;
  // expected-error@+2 {{column name 'translatorwhoworkedonatleastoneeditionofabookinthelibraryxxxx_id' of the automatic join table of 'Entry::translators_into_other_lang' is 64 bytes long}}
  // expected-error@+1 {{automatic join table name 'library_catalogue_entries_with_every_edition_translators_into_other_lang' of 'Entry::translators_into_other_lang' is 72 bytes long, over PostgreSQL's limit of 63 bytes; shorten the table name of 'Entry' or the member's name, or give the relation a 'covet::through' model}}
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<struct TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXXX> translators_into_other_lang;
};

// Its key columns "<model>_id" come from the class names (above, the target's;
// here, the source's).
struct [[covet::model("translator")]] TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXXX {
  covet::Id id;
  // expected-error@+1 {{column name 'translatorwhoworkedonatleastoneeditionofabookinthelibraryxxxx_id' of the automatic join table of 'TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXXX::works' is 64 bytes long, over PostgreSQL's limit of 63 bytes; shorten the class name of 'TranslatorWhoWorkedOnAtLeastOneEditionOfABookInTheLibraryXXXX', or give the relation a 'covet::through' model}}
  [[covet::many_to_many, covet::related_name("+")]] covet::RefSet<Edition> works;
};

// The fix-its: replace the literal, name the table, or add covet::column.
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{13:23-13:89}:"\"library_catalogue_entries_with_every_edition_and_every_reprint\""
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{21:22-21:22}:"(\"publishinghouseimprintwithaverylongnamethatnobodycouldevertypex\")"
// None for the two table names cut to one:
// CHECK-NOT: fix-it:
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{42:19-42:85}:"\"number_of_copies_sold_in_the_first_week_after_the_publication_d\""
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{47:3-47:3}:"{{\[\[}}covet::column(\"number_of_pages_including_front_matter_and_back_matter_indexes\")]] "
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{51:68-51:68}:"{{\[\[}}covet::column(\"publisher_that_first_printed_this_edition_in_its_home_countr_id\")]] "
// No fix-it where the cut name collides or is taken:
// CHECK-NOT: fix-it:
// CHECK: fix-it:"{{.*}}identifier-length.cpp":{66:19-66:85}:"\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\""
// CHECK-NOT: fix-it:
