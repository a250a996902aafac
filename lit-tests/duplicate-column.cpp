// Two members putting a column of one name into one table (checks/DuplicateColumnCheck.h).
// RUN: %clangxx -fplugin=%covet_plugin -ferror-limit=0 -Xclang -verify %s

#include <covet/covet.hpp>

#include <optional>
#include <string>

struct [[covet::model]] Author {
  covet::Id id;
  std::string name;
};

// Two members with one covet::column.
struct [[covet::model]] Named {
  covet::Id id;
  [[covet::column("label")]] std::string title;  // expected-note 2 {{column 'label' of 'Named::title' is here}}
  // expected-error@+1 {{column 'label' of 'Named::caption' is already the column of 'Named::title'; give one of them another name with 'covet::column("name")'}}
  [[covet::column("label")]] std::string caption;
  // Compared case-insensitively, as SQLite does.
  // expected-error@+1 {{column 'LABEL' of 'Named::heading' is already the column of 'Named::title'}}
  [[covet::column("LABEL")]] std::string heading;
};

// A foreign key `author` (column author_id) beside a member `author_id`.
struct [[covet::model]] Book {
  covet::Id id;
  [[covet::foreign_key(covet::CASCADE), covet::related_name("books")]] covet::Ref<Author> author;  // expected-note {{key column 'author_id' of 'Book::author' is here}}
  int author_id = 0;  // expected-error {{column 'author_id' of 'Book::author_id' is already the column of 'Book::author'}}
};

// The member comes first, the key second: the error is at the later one.
struct [[covet::model]] Review {
  covet::Id id;
  std::optional<int> critic_id;  // expected-note {{column 'critic_id' of 'Review::critic_id' is here}}
  // expected-error@+1 {{key column 'critic_id' of 'Review::critic' is already the column of 'Review::critic_id'}}
  [[covet::foreign_key(covet::SET_NULL), covet::related_name("reviews")]] std::optional<covet::Ref<Author>> critic;
};

// covet::column("id") on a member that is not the key.
struct [[covet::model]] Ticket {
  covet::Id id;  // expected-note {{primary key column 'id' of 'Ticket::id' is here}}
  // expected-error@+1 {{column 'id' of 'Ticket::code' is already the column of 'Ticket::id'}}
  [[covet::column("id")]] std::string code;
};

// A key given the column of another member with covet::column.
struct [[covet::model]] Loan {
  covet::Id id;
  std::string borrower;  // expected-note {{column 'borrower' of 'Loan::borrower' is here}}
  // expected-error@+1 {{key column 'borrower' of 'Loan::lender' is already the column of 'Loan::borrower'}}
  [[covet::foreign_key(covet::PROTECT), covet::column("borrower"), covet::related_name("loans")]] covet::Ref<Author> lender;
};

// Inherited from an abstract base: the member of the derived model clashes.
struct [[covet::model, covet::abstract]] Stamped {
  covet::Id id;
  long created = 0;  // expected-note {{column 'created' of 'Stamped::created' is here}}
};
struct [[covet::model]] Note : Stamped {
  // expected-error@+1 {{column 'created' of 'Note::made' is already the column of 'Stamped::created'}}
  [[covet::column("created")]] long made = 0;
};
// The clash is reported once, however many models inherit it.
struct [[covet::model, covet::abstract]] Twice {
  covet::Id id;
  int a = 0;  // expected-note {{column 'a' of 'Twice::a' is here}}
  [[covet::column("a")]] int b = 0;  // expected-error {{column 'a' of 'Twice::b' is already the column of 'Twice::a'}}
};
struct [[covet::model]] TwiceOne : Twice {};
struct [[covet::model]] TwiceTwo : Twice {};

// Single-table children share their parent's table, and so its columns: a
// child's column may not be one of an ancestor's (two subclasses neither of
// which derives from the other may share one: inheritance-sibling-column.cpp).
struct [[covet::model("place"), covet::polymorphic_on("kind")]] Place {
  covet::Id id;
  std::string address;  // expected-note {{column 'address' of 'Place::address' is here}}
};
struct [[covet::model, covet::polymorphic_identity("cafe")]] Cafe : Place {
  int seats = 0;  // expected-note {{column 'seats' of 'Cafe::seats' is here}}
};
struct [[covet::model, covet::polymorphic_identity("bar")]] Bar : Place {
  [[covet::column("seats")]] int stools = 0;  // a sibling's column, declared alike
  // expected-error@+1 {{column 'address' of 'Bar::street' is already the column of 'Place::address'}}
  [[covet::column("address")]] std::string street;
};
struct [[covet::model, covet::polymorphic_identity("bistro")]] Bistro : Cafe {
  // expected-error@+1 {{column 'seats' of 'Bistro::chairs' is already the column of 'Cafe::seats'}}
  [[covet::column("seats")]] int chairs = 0;
};
