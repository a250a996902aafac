"""The benchmark's models for Django: the tables of bench/models.hpp, column
for column (same table names, bigint keys, the m2m table bench_book_tags),
so both ORMs run the same SQL shapes on the same rows."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class User(models.Model):
    username = models.CharField(max_length=100)
    email = models.CharField(max_length=200)
    age = models.IntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "bench_user"


class Post(models.Model):
    author = models.ForeignKey(User, models.CASCADE, null=True, related_name="posts")
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)
    score = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_post"


class Comment(models.Model):
    post = models.ForeignKey(Post, models.CASCADE, related_name="comments")
    author_name = models.CharField(max_length=100)
    body = models.TextField()

    class Meta:
        db_table = "bench_comment"


class Publisher(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=2)

    class Meta:
        db_table = "bench_publisher"


class Author(models.Model):
    name = models.CharField(max_length=100)
    age = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_author"


class Tag(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        db_table = "bench_tag"


class Book(models.Model):
    title = models.CharField(max_length=200)
    published_year = models.IntegerField(default=0)
    price = models.FloatField(default=0)
    author = models.ForeignKey(Author, models.CASCADE, related_name="books")
    publisher = models.ForeignKey(Publisher, models.SET_NULL, null=True, related_name="books")
    tags = models.ManyToManyField(Tag, related_name="books")

    class Meta:
        db_table = "bench_book"


# The generic case: remarks on objects of five models (Django's own
# django_content_type table, as Covet has covet_content_type).
class Article(models.Model):
    title = models.CharField(max_length=200)
    words = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_article"


class Photo(models.Model):
    caption = models.CharField(max_length=200)
    width = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_photo"


class Video(models.Model):
    title = models.CharField(max_length=200)
    seconds = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_video"


class Event(models.Model):
    name = models.CharField(max_length=200)
    capacity = models.IntegerField(default=0)

    class Meta:
        db_table = "bench_event"


class Product(models.Model):
    name = models.CharField(max_length=200)
    price = models.FloatField(default=0)

    class Meta:
        db_table = "bench_product"


class Remark(models.Model):
    body = models.TextField()
    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.BigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        db_table = "bench_remark"
