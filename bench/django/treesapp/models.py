"""The trees benchmark's peers (bench/django/trees_bench.py): the same tree
of 100,000 nodes through django-treebeard's adjacency list (AL_Node) and
nested sets (NS_Node), and through django-mptt (MPTTModel), each declared
the way its documentation shows. Deleting a node deletes its subtree in all
three (the AL parent key CASCADEs), as on Covet's side.
"""

from django.db import models
from mptt.models import MPTTModel, TreeForeignKey
from treebeard.al_tree import AL_Node
from treebeard.ns_tree import NS_Node


class TreebeardAL(AL_Node):
    # treebeard's AL_Node: the user declares `parent` and `sib_order`.
    parent = models.ForeignKey("self", related_name="children_set", null=True, db_index=True,
                               on_delete=models.CASCADE)
    sib_order = models.PositiveIntegerField()
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "treesapp"
        db_table = "trees_treebeard_al"


class TreebeardNS(NS_Node):
    # lft, rgt, tree_id, depth (root depth 1) come from NS_Node; no parent key.
    name = models.CharField(max_length=100)

    class Meta:
        app_label = "treesapp"
        db_table = "trees_treebeard_ns"


class Mptt(MPTTModel):
    # lft, rght, tree_id, level (root level 0) come from MPTTModel.
    name = models.CharField(max_length=100)
    parent = TreeForeignKey("self", null=True, blank=True, related_name="children", on_delete=models.CASCADE)

    class Meta:
        app_label = "treesapp"
        db_table = "trees_mptt"
