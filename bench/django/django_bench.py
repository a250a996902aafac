#!/usr/bin/python3
"""The benchmark's workload through Django's ORM, for the side-by-side table.

Runs the cases of covet_bench (bench/cases.cpp; docs/performance.md) on the
same tables and rows, through Debian's python3-django, and writes each case's
median time per iteration and the statements Django ran:

    bench/django/django_bench.py --out django.json             # every target
    bench/django/django_bench.py --target sqlite-wal --filter get   # one target, some cases

Targets: sqlite-memory, sqlite-wal (journal_mode=WAL, synchronous=NORMAL, as
covet_bench sets them) and, when COVET_BENCH_POSTGRES_URL is set, postgresql
(psycopg2, in a schema of its own). Each target runs in a child process,
since Django's settings are configured once per process. bench/compare.py
merges the output with covet_bench's --table_out.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

TARGETS = ["sqlite-memory", "sqlite-wal", "postgresql"]
SCHEMA = "bench_django"

# The data sets, as bench/targets.hpp sizes them.
BLOG_USERS, POSTS_PER_USER, COMMENTS_PER_POST, ANONYMOUS_POSTS = 100, 10, 10, 100
PUBLISHERS, AUTHORS, BOOKS_PER_AUTHOR, TAGS, TAGS_PER_BOOK = 100, 1000, 10, 50, 3
GETS = 10000
VICTIM_POSTS, VICTIM_COMMENTS_PER_POST = 1000, 9
GENERIC_TARGETS, REMARKS = 1000, 10000
GENERIC_MODELS = ("Article", "Photo", "Video", "Event", "Product")

# Timing: one untimed run (it also counts the statements), then runs until
# MIN_SECONDS have passed and at least MIN_RUNS were made, or MAX_SECONDS
# have passed; the median run is reported. As in covet_bench, SQLite runs
# are timed in thread CPU time (all the work is in this thread; wall time on
# a shared machine would measure the other processes too), PostgreSQL runs
# in wall time (the server's share of the work is in another process).
MIN_SECONDS, MIN_RUNS, MAX_SECONDS = 0.6, 3, 2.5


def configure(target, workdir, apps=("django.contrib.contenttypes", "benchapp")):
    import django
    from django.conf import settings

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if target == "sqlite-memory":
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    elif target == "sqlite-wal":
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(workdir, "django.db")}
    else:
        url = urllib.parse.urlparse(os.environ["COVET_BENCH_POSTGRES_URL"])
        query = dict(urllib.parse.parse_qsl(url.query))
        database = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": url.path.lstrip("/") or query.get("dbname", "postgres"),
            "USER": url.username or query.get("user", ""),
            "PASSWORD": url.password or query.get("password", ""),
            "HOST": url.hostname or query.get("host", ""),
            "PORT": str(url.port or query.get("port", "")),
            "OPTIONS": {"options": "-c search_path=" + SCHEMA},
        }
    settings.configure(
        DEBUG=False,
        DATABASES={"default": database},
        INSTALLED_APPS=list(apps),  # bench/django/benchapp/models.py (trees_bench.py: treesapp)
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        USE_TZ=True,
    )
    django.setup()


def define_models():
    from benchapp import models

    return {name: getattr(models, name) for name in ("User", "Post", "Comment", "Publisher", "Author", "Tag", "Book")
            + GENERIC_MODELS + ("Remark",)}


def numbers(count):
    return "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d) " % (count - 1)


def users_sql(count):
    return (numbers(count) + "INSERT INTO bench_user (username, email, age, is_active) "
            "SELECT 'user' || i, 'user' || i || '@example.com', 18 + i % 60, i % 7 <> 0 FROM n ORDER BY i")


# The same statements as population() in bench/targets.cpp.
def population(dataset):
    if dataset.startswith("users"):
        return [users_sql(int(dataset[len("users"):]))]
    if dataset == "blog":
        posts = BLOG_USERS * POSTS_PER_USER
        return [
            users_sql(BLOG_USERS),
            numbers(posts) + "INSERT INTO bench_post (author_id, title, published, score) "
            "SELECT 1 + i / %d, 'post ' || i, i %% 2 = 0, i %% 100 FROM n ORDER BY i" % POSTS_PER_USER,
            numbers(ANONYMOUS_POSTS) + "INSERT INTO bench_post (author_id, title, published, score) "
            "SELECT CAST(NULL AS BIGINT), 'anonymous post ' || i, i % 2 = 0, i % 100 FROM n ORDER BY i",
            numbers(posts * COMMENTS_PER_POST) + "INSERT INTO bench_comment (post_id, author_name, body) "
            "SELECT 1 + i / %d, 'reader' || (i %% 37), 'comment number ' || i || ' on a post' FROM n ORDER BY i"
            % COMMENTS_PER_POST,
        ]
    if dataset == "library":
        books = AUTHORS * BOOKS_PER_AUTHOR
        return [
            numbers(PUBLISHERS) + "INSERT INTO bench_publisher (name, country) "
            "SELECT 'publisher ' || i, CASE WHEN i % 2 = 0 THEN 'GB' ELSE 'US' END FROM n ORDER BY i",
            numbers(AUTHORS) + "INSERT INTO bench_author (name, age) SELECT 'author ' || i, 20 + i % 60 FROM n ORDER BY i",
            numbers(TAGS) + "INSERT INTO bench_tag (name) SELECT 'tag ' || i FROM n ORDER BY i",
            numbers(books) + "INSERT INTO bench_book (title, published_year, price, author_id, publisher_id) "
            "SELECT 'book ' || i, 1950 + i %% 70, (i %% 500) / 10.0 + 0.99, 1 + i / %d, "
            "CASE WHEN i %% 10 = 0 THEN NULL ELSE 1 + i %% %d END FROM n ORDER BY i" % (BOOKS_PER_AUTHOR, PUBLISHERS),
            numbers(books * TAGS_PER_BOOK) + "INSERT INTO bench_book_tags (book_id, tag_id) "
            "SELECT 1 + i / 3, 1 + ((i / 3) * 7 + (i %% 3) * 13) %% %d FROM n ORDER BY i" % TAGS,
        ]
    if dataset == "generic":
        targets = [("bench_article (title, words)", "'article ' || i, 100 + i % 900"),
                   ("bench_photo (caption, width)", "'photo ' || i, 640 + (i % 7) * 160"),
                   ("bench_video (title, seconds)", "'video ' || i, 30 + i % 600"),
                   ("bench_event (name, capacity)", "'event ' || i, 10 + i % 490"),
                   ("bench_product (name, price)", "'product ' || i, (i % 1000) / 4.0 + 0.5")]
        out = [numbers(GENERIC_TARGETS) + "INSERT INTO %s SELECT %s FROM n ORDER BY i" % t for t in targets]
        case = "CASE i %% 5 %s END" % " ".join(
            "WHEN %d THEN (SELECT id FROM django_content_type WHERE app_label = 'benchapp' AND model = '%s')"
            % (k, name.lower()) for k, name in enumerate(GENERIC_MODELS))
        out.append(numbers(REMARKS) + "INSERT INTO bench_remark (body, content_type_id, object_id) "
                   "SELECT 'remark ' || i, %s, 1 + (i / 5) %% %d FROM n ORDER BY i" % (case, GENERIC_TARGETS))
        return out
    return []


class World:
    """The tables, emptied and filled with one data set at a time."""

    def __init__(self, target, models):
        from django.db import connection

        self.target, self.models, self.dataset = target, models, None
        self.connection = connection
        if target == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s" % (SCHEMA, SCHEMA))
        if target == "sqlite-wal":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        # The content types, once: their table and a row per model, read
        # into ContentTypeManager's cache as a running program has them (as
        # covet_bench reads Covet's before timing).
        from django.contrib.contenttypes.models import ContentType

        with connection.schema_editor() as editor:
            editor.create_model(ContentType)
        for name in GENERIC_MODELS:
            ContentType.objects.get_for_model(models[name])

    def load(self, dataset):
        if dataset == self.dataset:
            return
        from django.db import transaction

        # Recreated per data set, so keys start at 1 as on covet_bench's side.
        order = ["Publisher", "Author", "Tag", "Book", "User", "Post", "Comment"] + list(GENERIC_MODELS) + ["Remark"]
        with self.connection.schema_editor() as editor:
            if self.dataset is not None:
                for name in reversed(order):
                    editor.delete_model(self.models[name])
            for name in order:
                editor.create_model(self.models[name])
        with transaction.atomic(), self.connection.cursor() as cursor:
            for sql in population(dataset):
                cursor.execute(sql)
        if self.target == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.dataset = dataset

    def close(self):
        if self.target == "postgresql":
            with self.connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA IF EXISTS %s CASCADE" % SCHEMA)


def make_cases(m):
    User, Post, Author, Book = m["User"], m["Post"], m["Author"], m["Book"]
    cases = []

    def user_sum(u):
        return u.id + len(u.username) + len(u.email) + u.age + (1 if u.is_active else 0)

    def post_sum(p):
        return p.id + len(p.title) + (1 if p.published else 0) + p.score

    def book_sum(b):
        return b.id + len(b.title) + b.published_year + int(b.price)

    for n in (1, 100, 10000):
        cases.append(("load_users/%d" % n, "users%d" % n, None,
                      lambda: sum(user_sum(u) for u in User.objects.all())))

    order = list(range(1, GETS + 1))
    random.Random(42).shuffle(order)
    cases.append(("get_by_key", "users10000", None, lambda: sum(user_sum(User.objects.get(id=i)) for i in order)))

    def join_filter():
        s = 0
        for p in Post.objects.select_related("author").filter(published=True):
            s += post_sum(p)
            if p.author is not None:
                s += user_sum(p.author)
        return s
    cases.append(("join_filter", "blog", None, join_filter))

    def nested():
        s = 0
        for u in User.objects.prefetch_related("posts", "posts__comments"):
            s += user_sum(u)
            for p in u.posts.all():
                s += post_sum(p)
                for c in p.comments.all():
                    s += c.id + len(c.author_name) + len(c.body)
        return s
    cases.append(("nested_prefetch", "blog", None, nested))

    victim = {}

    def prepare_victim():
        from django.db import connection, transaction

        u = User.objects.create(username="victim", email="victim@example.com", age=40)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(numbers(VICTIM_POSTS) + "INSERT INTO bench_post (author_id, title, published, score) "
                           "SELECT %d, 'doomed post ' || i, i %% 2 = 0, i %% 100 FROM n ORDER BY i" % u.id)
            cursor.execute(numbers(VICTIM_COMMENTS_PER_POST) + "INSERT INTO bench_comment (post_id, author_name, body) "
                           "SELECT p.id, 'reader' || n.i, 'doomed comment ' || n.i FROM bench_post p CROSS JOIN n "
                           "WHERE p.author_id = %d ORDER BY p.id, n.i" % u.id)
        victim["user"] = u
    cases.append(("cascade_delete", "blog", prepare_victim, lambda: victim["user"].delete()[0]))

    def select_related():
        s = 0
        for b in Book.objects.select_related("author", "publisher"):
            s += book_sum(b) + b.author.id + len(b.author.name) + b.author.age
            if b.publisher is not None:
                s += b.publisher.id + len(b.publisher.name)
        return s
    cases.append(("select_related", "library", None, select_related))

    def prefetch_m2m():
        s = 0
        for a in Author.objects.prefetch_related("books", "books__tags"):
            s += a.id + len(a.name) + a.age
            for b in a.books.all():
                s += book_sum(b)
                for t in b.tags.all():
                    s += t.id + len(t.name)
        return s
    cases.append(("prefetch_m2m", "library", None, prefetch_m2m))

    target_sums = {
        "Article": lambda t: t.id + len(t.title) + t.words,
        "Photo": lambda t: t.id + len(t.caption) + t.width,
        "Video": lambda t: t.id + len(t.title) + t.seconds,
        "Event": lambda t: t.id + len(t.name) + t.capacity,
        "Product": lambda t: t.id + len(t.name) + int(t.price),
    }

    def generic_prefetch():
        s = 0
        for r in m["Remark"].objects.prefetch_related("content_object"):
            s += r.id + len(r.body)
            t = r.content_object
            if t is not None:
                s += target_sums[type(t).__name__](t)
        return s
    cases.append(("generic_prefetch", "generic", None, generic_prefetch))

    for n in (1, 100, 10000):
        def insert(n=n):
            users = [User(username="new user %d" % i, email="new%d@example.com" % i, age=20 + i % 50,
                          is_active=i % 3 != 0) for i in range(n)]
            saved = User.objects.bulk_create(users)
            return saved[-1].pk - saved[0].pk if saved[0].pk is not None else 0
        cases.append(("insert/%d" % n, "empty", None, insert))
    return cases


class StatementCounter:
    """Counts the statements Django sends (savepoints included; the BEGIN and
    COMMIT that the database drivers issue themselves are not seen)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        if os.environ.get("DJANGO_BENCH_SQL"):
            print("  ", sql[:200], file=sys.stderr)
        return execute(sql, params, many, context)


def run_target(target, case_filter):
    workdir = tempfile.mkdtemp(prefix="covet-bench-django.")
    configure(target, workdir)
    from django.db import connection

    models = define_models()
    world = World(target, models)
    clock = time.perf_counter if target == "postgresql" else time.thread_time
    results = []
    try:
        for case_id, dataset, prepare, fn in make_cases(models):
            if case_filter and case_filter not in case_id:
                continue
            world.load(dataset)
            if prepare:
                prepare()
            counter = StatementCounter()
            with connection.execute_wrapper(counter):
                checksum = fn()
            samples, started = [], time.perf_counter()
            while True:
                if prepare:
                    prepare()
                t = clock()
                fn()
                samples.append(clock() - t)
                elapsed = time.perf_counter() - started
                if (elapsed >= MIN_SECONDS and len(samples) >= MIN_RUNS) or elapsed >= MAX_SECONDS:
                    break
            seconds = statistics.median(samples)
            results.append({"case": case_id, "target": target, "seconds": seconds, "runs": len(samples),
                            "statements": counter.count, "checksum": checksum})
            print("django  %-18s %-14s %12.1f us  (%d runs, %d statements)"
                  % (case_id, target, seconds * 1e6, len(samples), counter.count), flush=True)
    finally:
        world.close()
        connection.close()
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=TARGETS, help="run one target in this process")
    parser.add_argument("--filter", default="", help="only cases whose id contains this")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()

    if args.target:
        results = run_target(args.target, args.filter)
    else:
        targets = TARGETS[:2]
        if os.environ.get("COVET_BENCH_POSTGRES_URL"):
            targets.append("postgresql")
        else:
            print("note: COVET_BENCH_POSTGRES_URL is not set: Django's PostgreSQL run is skipped")
        results = []
        for target in targets:
            with tempfile.NamedTemporaryFile(suffix=".json") as part:
                subprocess.run([sys.executable, __file__, "--target", target, "--filter", args.filter,
                                "--out", part.name], check=True)
                with open(part.name) as f:
                    results += json.load(f)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
