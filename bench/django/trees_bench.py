#!/usr/bin/python3
"""The trees bench rows through django-treebeard (AL_Node, NS_Node) and django-mptt.

The same tree of 100,000 nodes (fan-out 10) and the same five operations as
covet_tree_bench (bench/trees_main.cpp; docs/performance.md, "Trees"), through
Debian's python3-django-treebeard and python3-django-mptt, on the targets of
bench/django/django_bench.py; writes each row's median time and the statements
the peer sent:

    bench/django/trees_bench.py --out trees-django.json         # every target
    bench/django/trees_bench.py --target sqlite-memory --filter move

Peers: treebeard-al (AL_Node), treebeard-ns (NS_Node), mptt (MPTTModel);
models in bench/django/treesapp/models.py. Rows:

    descendants  the descendants of a depth-2 node (1,110 rows), as objects
    ancestors    the ancestors of a leaf (depth 5: 5 rows), as objects
    add_child    a new last child of a depth-2 node (1,110 descendants)
    move         a depth-2 node's subtree (1,111 nodes) to the last child of
                 another depth-1 node
    delete       a depth-2 node's subtree (1,111 nodes)

Each peer's table is filled in bulk (computed lft/rgt/tree_id/depth or level,
parent ids, sibling orders), never through the peers' own insert paths, and
copied into a backup table. Before every run, untimed, the nodes the row
works on are loaded afresh (no cached parent or depth helps a peer) and,
after a run that wrote, the table is put back as the backup holds it (three
statements: delete the added rows, insert the removed ones, update the
changed ones). One untimed run counts the statements (Django's
CaptureQueriesContext: what Django sends, less its SAVEPOINT and RELEASE
statements, as the driver's own BEGIN and COMMIT are not there either:
every side counts the statements that read, write or lock) and checks the write did what it should; then
runs are timed until MIN_SECONDS of runs and MIN_RUNS were made, or
MAX_SECONDS passed. SQLite runs are timed in thread CPU time, PostgreSQL
runs in wall time, as in covet_bench. bench/compare_trees.py prints the
table with covet_tree_bench's figures beside these.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from django_bench import SCHEMA, TARGETS, configure as configure_database  # noqa: E402

# The tree, as bench/tree_shape.hpp builds it: node i (0-based, breadth
# first) has id i + 1 and parent (i - 1) // 10; its children are 10i+1..10i+10.
NODES, FAN_OUT = 100000, 10
DESCENDANTS_OF = 55       # depth 2, a complete subtree of 1,111 nodes
LEAF = NODES - 1          # depth 5
ADD_UNDER = 55            # depth 2, 1,110 descendants
MOVE_NODE, MOVE_TO = 30, 7   # a depth-2 node (under node 2) to depth-1 node 7
DELETE_NODE = 40          # depth 2, 1,111 nodes
SUBTREE = 1111

PEERS = ["treebeard-al", "treebeard-ns", "mptt"]

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END")


def data_statements(captured):
    """The statements that read, write or lock: transaction control left
    out, as on covet_tree_bench's sides (bench/transaction_control.hpp)."""
    return sum(1 for q in captured
               if not q["sql"].lstrip().upper().startswith(TRANSACTION_CONTROL))
ROWS = ["descendants", "ancestors", "add_child", "move", "delete"]
MIN_SECONDS, MIN_RUNS, MAX_SECONDS = 0.6, 5, 6.0
CHUNK = 500  # rows per INSERT while filling


def configure(target, workdir):
    configure_database(target, workdir, apps=("treebeard", "mptt", "treesapp"))


def shape():
    """Per node: parent index (None for the root), depth (root 0), sibling
    order (1-based), lft and rgt (pre-order, children in index order)."""
    parent = [None] + [(i - 1) // FAN_OUT for i in range(1, NODES)]
    depth = [0] * NODES
    for i in range(1, NODES):
        depth[i] = depth[parent[i]] + 1
    size = [1] * NODES
    for i in range(NODES - 1, 0, -1):
        size[parent[i]] += size[i]
    lft, rgt = [0] * NODES, [0] * NODES
    lft[0] = 1
    for i in range(NODES):
        rgt[i] = lft[i] + 2 * size[i] - 1
        at = lft[i] + 1
        for c in range(FAN_OUT * i + 1, min(FAN_OUT * i + FAN_OUT, NODES - 1) + 1):
            lft[c] = at
            at += 2 * size[c]
    sib_order = [1] + [(i - 1) % FAN_OUT + 1 for i in range(1, NODES)]
    return parent, depth, sib_order, lft, rgt


def peer_rows(peer, s):
    """The columns and the rows of one peer's table."""
    parent, depth, sib_order, lft, rgt = s
    pid = [None if p is None else p + 1 for p in parent]
    name = ["node %d" % i for i in range(NODES)]
    if peer == "treebeard-al":
        return ["id", "parent_id", "sib_order", "name"], zip(range(1, NODES + 1), pid, sib_order, name)
    if peer == "treebeard-ns":
        return (["id", "lft", "rgt", "tree_id", "depth", "name"],
                zip(range(1, NODES + 1), lft, rgt, [1] * NODES, [d + 1 for d in depth], name))
    return (["id", "name", "parent_id", "lft", "rght", "tree_id", "level"],
            zip(range(1, NODES + 1), name, pid, lft, rgt, [1] * NODES, depth))


class Table:
    """One peer's table: filled once, put back after every write."""

    def __init__(self, peer, model, target, s):
        from django.db import connection, transaction

        self.peer, self.model, self.target = peer, model, target
        self.connection = connection
        q = connection.ops.quote_name
        self.table = model._meta.db_table
        self.backup = self.table + "_backup"
        with connection.schema_editor() as editor:
            editor.create_model(model)
        columns, rows = peer_rows(peer, s)
        rows = list(rows)
        cols = ", ".join(q(c) for c in columns)
        with transaction.atomic(), connection.cursor() as cursor:
            for begin in range(0, len(rows), CHUNK):
                chunk = rows[begin:begin + CHUNK]
                values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(chunk))
                cursor.execute("INSERT INTO %s (%s) VALUES %s" % (q(self.table), cols, values),
                               [v for row in chunk for v in row])
            cursor.execute("CREATE TABLE %s AS SELECT * FROM %s" % (q(self.backup), q(self.table)))
            cursor.execute("CREATE UNIQUE INDEX %s ON %s (id)" % (q(self.backup + "_id"), q(self.backup)))
            if target == "postgresql":
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [self.table, NODES])
        if target == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        differs = " IS DISTINCT FROM " if target == "postgresql" else " IS NOT "
        changed = [c for c in columns if c != "id"]
        t, b = q(self.table), q(self.backup)
        self.restore_sql = [
            # NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN (subquery) as a
            # nested loop once the keys outgrow work_mem.
            "DELETE FROM %s WHERE NOT EXISTS (SELECT 1 FROM %s b WHERE b.id = %s.id)" % (t, b, t),
            "INSERT INTO %s (%s) SELECT %s FROM %s WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE t.id = %s.id)"
            % (t, cols, cols, b, t, b),
            "UPDATE %s SET %s FROM %s WHERE %s.id = %s.id AND (%s)" % (
                t, ", ".join("%s = %s.%s" % (q(c), b, q(c)) for c in changed), b, b, t,
                " OR ".join("%s.%s%s%s.%s" % (t, q(c), differs, b, q(c)) for c in changed)),
        ]

    def restore(self):
        from django.db import transaction

        with transaction.atomic(), self.connection.cursor() as cursor:
            for sql in self.restore_sql:
                cursor.execute(sql)
        # Every run starts from the same storage: no dead rows or half-empty
        # index pages from the run and the put-back (as covet_tree_bench).
        with self.connection.cursor() as cursor:
            cursor.execute("VACUUM " + self.connection.ops.quote_name(self.table)
                           if self.target == "postgresql" else "VACUUM")

    def count(self):
        return self.model.objects.count()


def operations(peer, model):
    """Per row: (load, run, check). load() fetches the nodes afresh; run(nodes)
    is the timed work and returns a checksum; check() tells whether a write
    left the table as it should (None for reads)."""

    def get(i):
        return model.objects.get(pk=i + 1)

    def ids(nodes):
        return sum(n.pk for n in nodes)

    def add(nodes):
        parent = nodes[0]
        if peer == "mptt":
            child = model.objects.create(name="new child", parent=parent)
        else:
            child = parent.add_child(name="new child")
        return 1 if child.pk is not None else 0

    def move(nodes):
        node, target = nodes
        if peer == "mptt":
            node.move_to(target, "last-child")
        else:
            node.move(target, "last-child")
        return 1

    def delete(nodes):
        nodes[0].delete()
        return 1

    def moved():
        node = get(MOVE_NODE)
        if peer == "treebeard-ns":
            return node.get_parent().pk == MOVE_TO + 1 and node.get_descendant_count() == SUBTREE - 1
        return node.parent_id == MOVE_TO + 1 and len(list(node.get_descendants())) == SUBTREE - 1

    def added():
        parent = get(ADD_UNDER)
        if peer == "treebeard-ns":
            return model.objects.count() == NODES + 1 and parent.get_descendant_count() == SUBTREE
        return model.objects.count() == NODES + 1 and model.objects.filter(parent=parent).count() == FAN_OUT + 1

    return {
        "descendants": (lambda: [get(DESCENDANTS_OF)], lambda n: ids(n[0].get_descendants()), None),
        "ancestors": (lambda: [get(LEAF)], lambda n: ids(n[0].get_ancestors()), None),
        "add_child": (lambda: [get(ADD_UNDER)], add, added),
        "move": (lambda: [get(MOVE_NODE), get(MOVE_TO)], move, moved),
        "delete": (lambda: [get(DELETE_NODE)], delete, lambda: model.objects.count() == NODES - SUBTREE),
    }


def run_target(target, peers, row_filter):
    workdir = tempfile.mkdtemp(prefix="covet-bench-trees.")
    configure(target, workdir)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from treesapp import models

    model_of = {"treebeard-al": models.TreebeardAL, "treebeard-ns": models.TreebeardNS, "mptt": models.Mptt}
    clock = time.perf_counter if target == "postgresql" else time.thread_time
    results = []
    s = shape()
    try:
        with connection.cursor() as cursor:
            if target == "postgresql":
                cursor.execute("DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s" % (SCHEMA, SCHEMA))
            if target == "sqlite-wal":
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        for peer in peers:
            model = model_of[peer]
            started = time.perf_counter()
            table = Table(peer, model, target, s)
            print("trees   %-12s %-14s filled in %.1f s" % (peer, target, time.perf_counter() - started), flush=True)
            for row, (load, fn, check) in operations(peer, model).items():
                if row_filter and row_filter not in row:
                    continue
                writes = check is not None
                nodes = load()
                with CaptureQueriesContext(connection) as queries:
                    checksum = fn(nodes)
                if os.environ.get("TREES_BENCH_SQL"):
                    for q in queries.captured_queries:
                        print("   ", q["sql"][:160], file=sys.stderr)
                ok = check() if writes else True
                if writes:
                    table.restore()
                samples, started = [], time.perf_counter()
                while True:
                    nodes = load()
                    t = clock()
                    fn(nodes)
                    samples.append(clock() - t)
                    if writes:
                        table.restore()
                    elapsed = time.perf_counter() - started
                    if (sum(samples) >= MIN_SECONDS and len(samples) >= MIN_RUNS) or elapsed >= MAX_SECONDS:
                        break
                seconds = statistics.median(samples)
                results.append({"row": row, "side": peer, "target": target, "seconds": seconds,
                                "runs": len(samples), "statements": data_statements(queries.captured_queries),
                                "checksum": checksum, "checked": ok})
                print("trees   %-12s %-14s %-12s %10.1f us  (%d runs, %d statements%s)"
                      % (peer, target, row, seconds * 1e6, len(samples), len(queries.captured_queries),
                         "" if ok else ", WRONG RESULT"), flush=True)
    finally:
        if target == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA IF EXISTS %s CASCADE" % SCHEMA)
        connection.close()
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=TARGETS, help="run one target in this process")
    parser.add_argument("--peer", choices=PEERS, action="append", help="only this peer (repeatable)")
    parser.add_argument("--filter", default="", help="only rows whose name contains this")
    parser.add_argument("--out", help="write the results as JSON here")
    args = parser.parse_args()
    peers = args.peer or PEERS

    if args.target:
        results = run_target(args.target, peers, args.filter)
    else:
        targets = TARGETS[:2]
        if not os.environ.get("COVET_BENCH_POSTGRES_URL"):
            print("note: COVET_BENCH_POSTGRES_URL is not set: the peers' PostgreSQL run is skipped")
        elif subprocess.run([sys.executable, "-c", "import psycopg2"], stderr=subprocess.DEVNULL).returncode != 0:
            print("note: %s has no psycopg2 (apt-get install python3-psycopg2): the peers' PostgreSQL run is skipped"
                  % sys.executable)
        else:
            targets.append("postgresql")
        results = []
        for target in targets:
            with tempfile.NamedTemporaryFile(suffix=".json") as part:
                command = [sys.executable, __file__, "--target", target, "--filter", args.filter, "--out", part.name]
                for peer in peers:
                    command += ["--peer", peer]
                subprocess.run(command, check=True)
                with open(part.name) as f:
                    results += json.load(f)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
