"""Map queries against real members: predicates, paging, aggregations,
projections, indexes and interceptors.

The module's member runs the Java classes of tests/java/com/hazelcast/pyclienttest/query
(factory ``QueryTestFactory``, id 1100, registered in its serialization config):

- ``Employee``: an IdentifiedDataSerializable value the member queries by its fields;
- ``EntryComparator(mode)``: orders entries for paging predicates, descending by
  value (mode 0) or by key (mode 1);
- ``UpperCaseInterceptor(suffix)``: a MapInterceptor storing strings with the suffix
  and returning them in upper case;
- ``IndexStatsProcessor(map)``: an entry processor returning the member's index
  statistics of a map ("name=queries/hits;..."), the member's own word on which
  index exists and which served a query;
- ``AddProcessor(delta)``: adds delta to an int value.

Each test uses maps of its own, so tests share the cluster and clients.
"""

from __future__ import annotations

import uuid

import pytest

from hazelcast import aggregator as agg
from hazelcast import predicate as pred
from hazelcast import projection as proj
from hazelcast.config import IndexType, UniqueKeyTransformation
from hazelcast.core import HazelcastJsonValue, MapEntry
from hazelcast.errors import HazelcastError
from hazelcast.serialization.api import CompactSerializer, IdentifiedDataSerializable, Portable

from client_faces import FACES, start_client

pytestmark = [pytest.mark.java_classes]

FACTORY_ID = 1100
PORTABLE_FACTORY_ID = 1101
PKG = "com.hazelcast.pyclienttest.query."

MEMBER_XML = """
<serialization>
    <data-serializable-factories>
        <data-serializable-factory factory-id="%d">%sQueryTestFactory</data-serializable-factory>
    </data-serializable-factories>
</serialization>
""" % (FACTORY_ID, PKG)


# -- value twins -----------------------------------------------------------------


class Employee(IdentifiedDataSerializable):
    """Twin of Employee.java."""

    def __init__(self, name=None, age=0, city=None):
        self.name = name
        self.age = age
        self.city = city

    def write_data(self, out):
        out.write_string(self.name)
        out.write_int(self.age)
        out.write_string(self.city)

    def read_data(self, inp):
        self.name = inp.read_string()
        self.age = inp.read_int()
        self.city = inp.read_string()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return 1

    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "Employee(%r, %r, %r)" % (self.name, self.age, self.city)


class PortableEmployee(Portable):
    """Queried by the member through its class definition; no Java class."""

    def __init__(self, name=None, age=0, city=None):
        self.name = name
        self.age = age
        self.city = city

    def write_portable(self, w):
        w.write_string("name", self.name)
        w.write_int("age", self.age)
        w.write_string("city", self.city)

    def read_portable(self, r):
        self.name = r.read_string("name")
        self.age = r.read_int("age")
        self.city = r.read_string("city")

    def get_factory_id(self):
        return PORTABLE_FACTORY_ID

    def get_class_id(self):
        return 1

    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self):
        return hash(self.name)


class CompactEmployee:
    """Queried by the member as a GenericRecord; ``salary`` is a Java long,
    ``score`` a double."""

    def __init__(self, name, age, city, salary=0, score=0.0):
        self.name = name
        self.age = age
        self.city = city
        self.salary = salary
        self.score = score

    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self):
        return hash(self.name)

    def __repr__(self):
        return "CompactEmployee(%r)" % (vars(self),)


class CompactEmployeeSerializer(CompactSerializer):
    def read(self, reader):
        return CompactEmployee(
            reader.read_string("name"),
            reader.read_int32("age"),
            reader.read_string("city"),
            reader.read_int64("salary"),
            reader.read_float64("score"),
        )

    def write(self, writer, obj):
        writer.write_string("name", obj.name)
        writer.write_int32("age", obj.age)
        writer.write_string("city", obj.city)
        writer.write_int64("salary", obj.salary)
        writer.write_float64("score", obj.score)

    def get_class(self):
        return CompactEmployee

    def get_type_name(self):
        return "pyclienttest.query.Employee"


class _Ids(IdentifiedDataSerializable):
    """Twin of a Java class taking one field."""

    CLASS_ID = 0
    KIND = "int"

    def __init__(self, field=None):
        self.field = field

    def write_data(self, out):
        getattr(out, "write_" + self.KIND)(self.field)

    def read_data(self, inp):
        self.field = getattr(inp, "read_" + self.KIND)()

    def get_factory_id(self):
        return FACTORY_ID

    def get_class_id(self):
        return self.CLASS_ID


class EntryComparator(_Ids):
    CLASS_ID = 2
    DESCENDING_BY_VALUE = 0
    DESCENDING_BY_KEY = 1


class UpperCaseInterceptor(_Ids):
    CLASS_ID = 3
    KIND = "string"


class IndexStatsProcessor(_Ids):
    CLASS_ID = 4
    KIND = "string"


class AddProcessor(_Ids):
    CLASS_ID = 5


def client_options():
    return dict(
        data_serializable_factories={FACTORY_ID: {1: Employee}},
        portable_factories={PORTABLE_FACTORY_ID: {1: PortableEmployee}},
        compact_serializers=[CompactEmployeeSerializer()],
    )


# -- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    from harness import start_cluster

    c = start_cluster(1, java_classes=True, extra_xml=MEMBER_XML)
    yield c
    c.shutdown()


@pytest.fixture(scope="module", params=FACES)
def client(request, cluster):
    """The threaded client, or the asyncio client driven from this thread."""
    c = start_client(request.param, **cluster.client_config(), **client_options())
    yield c
    c.shutdown()


@pytest.fixture(scope="module")
def threaded_client(cluster):
    c = start_client("threaded", **cluster.client_config(), **client_options())
    yield c
    c.shutdown()


def new_map(client):
    return client.get_map("query-" + uuid.uuid4().hex).blocking()


PEOPLE = [
    # name, age, city
    ("Alice", 31, "Oslo"),
    ("Bob", 25, "Rome"),
    ("Carol", 42, "Oslo"),
    ("Dave", 19, "Lima"),
    ("Eve", 35, "Rome"),
    ("alex", 28, "Lima"),
    ("Anne", 50, "Kyiv"),
    ("Zoe", 23, "Oslo"),
]


def make_value(kind, name, age, city):
    if kind == "json":
        return HazelcastJsonValue({"name": name, "age": age, "city": city})
    if kind == "ids":
        return Employee(name, age, city)
    if kind == "portable":
        return PortableEmployee(name, age, city)
    return CompactEmployee(name, age, city, salary=age * 1000, score=age / 2.0)


def fill(m, kind):
    entries = {"p%d" % i: make_value(kind, *person) for i, person in enumerate(PEOPLE)}
    m.put_all(entries)
    return entries


# (predicate, which people it selects)
def _people(condition):
    return {"p%d" % i for i, (name, age, city) in enumerate(PEOPLE) if condition(name, age, city)}


PREDICATE_CASES = [
    ("sql", pred.sql("age >= 30 AND city = 'Oslo'"), lambda n, a, c: a >= 30 and c == "Oslo"),
    ("equal", pred.equal("city", "Oslo"), lambda n, a, c: c == "Oslo"),
    ("not_equal", pred.not_equal("city", "Oslo"), lambda n, a, c: c != "Oslo"),
    ("like", pred.like("name", "A%"), lambda n, a, c: n.startswith("A")),
    ("ilike", pred.ilike("name", "a%"), lambda n, a, c: n.lower().startswith("a")),
    ("regex", pred.regex("name", "[A-C].*e.*"), lambda n, a, c: n[0] in "ABC" and "e" in n[1:]),
    ("greater", pred.greater("age", 31), lambda n, a, c: a > 31),
    ("greater_or_equal", pred.greater_or_equal("age", 31), lambda n, a, c: a >= 31),
    ("less", pred.less("age", 25), lambda n, a, c: a < 25),
    ("less_or_equal", pred.less_or_equal("age", 25), lambda n, a, c: a <= 25),
    ("between", pred.between("age", 25, 35), lambda n, a, c: 25 <= a <= 35),
    ("in_", pred.in_("city", "Lima", "Kyiv"), lambda n, a, c: c in ("Lima", "Kyiv")),
    (
        "and_",
        pred.and_(pred.equal("city", "Oslo"), pred.less("age", 40)),
        lambda n, a, c: c == "Oslo" and a < 40,
    ),
    (
        "or_",
        pred.or_(pred.equal("city", "Lima"), pred.greater("age", 45)),
        lambda n, a, c: c == "Lima" or a > 45,
    ),
    ("not_", pred.not_(pred.equal("city", "Rome")), lambda n, a, c: c != "Rome"),
    ("true", pred.true(), lambda n, a, c: True),
    ("false", pred.false(), lambda n, a, c: False),
    ("key", pred.equal("__key", "p3"), lambda n, a, c: n == "Dave"),
]


@pytest.mark.parametrize("indexed", [False, True], ids=["scan", "indexed"])
@pytest.mark.parametrize("kind", ["json", "portable", "compact", "ids"])
def test_each_predicate_over_each_value_format(client, kind, indexed):
    m = new_map(client)
    if indexed:
        m.add_index(["age"])
        m.add_index(["city"], IndexType.HASH)
        m.add_index(["name"], IndexType.BITMAP)
    entries = fill(m, kind)
    wrong = []
    for name, predicate, condition in PREDICATE_CASES:
        expected = _people(condition)
        got = m.key_set(predicate)
        if sorted(got) != sorted(expected):
            wrong.append("%s: %s, expected %s" % (name, sorted(got), sorted(expected)))
    assert wrong == []
    # values and entries come back as the client's own objects
    oslo = _people(lambda n, a, c: c == "Oslo")
    values = m.values(pred.equal("city", "Oslo"))
    assert sorted(values, key=lambda v: entries_key(entries, v)) == [entries[k] for k in sorted(oslo)]
    assert sorted(m.entry_set(pred.equal("city", "Oslo"))) == [(k, entries[k]) for k in sorted(oslo)]


def entries_key(entries, value):
    return next(k for k, v in entries.items() if v == value)


def test_instance_of(client):
    m = new_map(client)
    m.put("s", "text")
    m.put("i", 7)
    m.put("e", Employee("Alice", 31, "Oslo"))
    assert m.key_set(pred.instance_of("java.lang.String")) == ["s"]
    assert m.key_set(pred.instance_of("java.lang.Number")) == ["i"]
    assert m.key_set(pred.instance_of(PKG + "Employee")) == ["e"]


def test_none_values_in_predicates(client):
    m = new_map(client)
    m.put("a", HazelcastJsonValue({"x": None}))
    m.put("b", HazelcastJsonValue({"x": 3}))
    assert m.key_set(pred.equal("x", None)) == ["a"]
    assert m.key_set(pred.not_equal("x", None)) == ["b"]
    # range predicates never select a None attribute
    assert m.key_set(pred.less("x", 10)) == ["b"]


def test_invalid_predicate_is_refused_by_the_member(client):
    m = new_map(client)
    m.put("a", 1)
    with pytest.raises(HazelcastError):
        m.key_set(pred.sql("this >>> 3"))


# -- paging ------------------------------------------------------------------------


def _int_map(client, count=10):
    m = new_map(client)
    # values v -> key "k<v>" (zero-padded, so keys and values sort alike)
    m.put_all({"k%02d" % v: v for v in range(count)})
    return m


def test_paging_forward_and_backward_with_a_comparator(client):
    m = _int_map(client)
    paging = pred.paging(None, 3, EntryComparator(EntryComparator.DESCENDING_BY_VALUE))
    assert paging.page == 0 and paging.page_size == 3
    pages = [m.values(paging)]
    while True:
        paging.next_page()
        page = m.values(paging)
        if not page:
            break
        pages.append(page)
    assert pages == [[9, 8, 7], [6, 5, 4], [3, 2, 1], [0]]
    assert paging.page == 4
    # back through the anchors the forward pass left
    assert paging.previous_page() == 3
    assert m.values(paging) == [0]
    paging.previous_page()
    paging.previous_page()
    assert m.values(paging) == [6, 5, 4]
    paging.page = 0
    assert paging.previous_page() == 0
    assert m.values(paging) == [9, 8, 7]
    # a direct jump to a page never visited
    paging.page = 2
    assert m.values(paging) == [3, 2, 1]


def test_paging_iteration_types(client):
    m = _int_map(client)
    paging = pred.paging(pred.greater_or_equal("this", 2), 3, EntryComparator(EntryComparator.DESCENDING_BY_KEY))
    paging.page = 1
    assert m.key_set(paging) == ["k06", "k05", "k04"]
    assert m.values(paging) == [6, 5, 4]
    assert m.entry_set(paging) == [("k06", 6), ("k05", 5), ("k04", 4)]
    paging.next_page()
    assert m.entry_set(paging) == [("k03", 3), ("k02", 2)]
    paging.reset()
    assert paging.page == 0 and paging.anchor_list == []
    assert m.key_set(paging) == ["k09", "k08", "k07"]


def test_paging_without_comparator_sorts_by_value(client):
    m = new_map(client)
    m.put_all({"k%d" % i: v for i, v in enumerate([5, 3, 9, 1, 7])})
    paging = pred.paging(pred.less("this", 8), 2)
    assert m.values(paging) == [1, 3]
    paging.next_page()
    assert m.values(paging) == [5, 7]
    paging.next_page()
    assert m.values(paging) == []


def test_paging_predicate_arguments():
    with pytest.raises(ValueError):
        pred.paging(pred.true(), 0)
    with pytest.raises(TypeError):
        pred.paging(pred.paging(pred.true(), 2), 2)
    p = pred.paging(pred.true(), 2)
    with pytest.raises(ValueError):
        p.page = -1
    assert isinstance(p, pred.PagingPredicate) and isinstance(p, pred.Predicate)


def test_paging_is_refused_for_aggregations_and_projections(client):
    m = _int_map(client, 3)
    with pytest.raises(AssertionError):
        m.aggregate(agg.count(), pred.paging(pred.true(), 2))
    with pytest.raises(AssertionError):
        m.project(proj.single_attribute("this"), pred.paging(pred.true(), 2))


# -- aggregations and projections ------------------------------------------------


def test_every_aggregator(client):
    m = new_map(client)
    entries = fill(m, "compact")
    ages = [age for _, age, _ in PEOPLE]
    salaries = [age * 1000 for age in ages]
    scores = [age / 2.0 for age in ages]
    assert m.aggregate(agg.count()) == len(PEOPLE)
    assert m.aggregate(agg.count("age"), pred.greater("age", 30)) == 4
    assert m.aggregate(agg.distinct("city")) == {"Oslo", "Rome", "Lima", "Kyiv"}
    assert m.aggregate(agg.int_sum("age")) == sum(ages)
    assert m.aggregate(agg.int_avg("age")) == pytest.approx(sum(ages) / len(ages))
    assert m.aggregate(agg.long_sum("salary")) == sum(salaries)
    assert m.aggregate(agg.long_avg("salary")) == pytest.approx(sum(salaries) / len(salaries))
    assert m.aggregate(agg.double_sum("score")) == pytest.approx(sum(scores))
    assert m.aggregate(agg.double_avg("score")) == pytest.approx(sum(scores) / len(scores))
    assert m.aggregate(agg.fixed_point_sum("score")) == sum(int(s) for s in scores)
    assert m.aggregate(agg.floating_point_sum("age")) == pytest.approx(float(sum(ages)))
    assert m.aggregate(agg.number_avg("salary")) == pytest.approx(sum(salaries) / len(salaries))
    assert m.aggregate(agg.max_("age")) == 50
    assert m.aggregate(agg.min_("name")) == "Alice"
    assert m.aggregate(agg.max_("age"), pred.equal("city", "Rome")) == 35
    oldest = m.aggregate(agg.max_by("age"))
    assert isinstance(oldest, MapEntry)
    assert (oldest.key, oldest.value) == ("p6", entries["p6"])
    youngest = m.aggregate(agg.min_by("age"), pred.equal("city", "Oslo"))
    assert (youngest.key, youngest.value) == ("p7", entries["p7"])


def test_aggregators_over_plain_values(client):
    m = new_map(client)
    m.put_all({i: i * 10 for i in range(1, 6)})
    assert m.aggregate(agg.int_sum()) == 150
    assert m.aggregate(agg.max_()) == 50
    assert m.aggregate(agg.distinct(), pred.less("this", 30)) == {10, 20}
    assert m.aggregate(agg.count(), pred.greater("__key", 3)) == 2


def test_every_projection(client):
    m = new_map(client)
    entries = fill(m, "json")
    names = sorted(name for name, _, _ in PEOPLE)
    assert sorted(m.project(proj.single_attribute("name"))) == names
    assert sorted(m.project(proj.single_attribute("name"), pred.equal("city", "Lima"))) == ["Dave", "alex"]
    assert sorted(m.project(proj.multi_attribute("name", "age"), pred.greater("age", 40))) == [
        ["Anne", 50],
        ["Carol", 42],
    ]
    identities = m.project(proj.identity(), pred.equal("city", "Kyiv"))
    assert len(identities) == 1 and isinstance(identities[0], MapEntry)
    assert (identities[0].key, identities[0].value) == ("p6", entries["p6"])
    assert len(m.project(proj.identity())) == len(PEOPLE)


def test_projection_arguments():
    with pytest.raises(ValueError):
        proj.single_attribute("")
    with pytest.raises(ValueError):
        proj.multi_attribute()
    with pytest.raises(ValueError):
        proj.multi_attribute("a", "names[any]")


# -- entry processors and removal with predicates ----------------------------------


def test_execute_on_entries_with_a_predicate(client):
    m = _int_map(client, 6)
    result = m.execute_on_entries(AddProcessor(100), pred.greater_or_equal("this", 3))
    assert sorted(result) == [("k03", 103), ("k04", 104), ("k05", 105)]
    assert sorted(m.values()) == [0, 1, 2, 103, 104, 105]


def test_remove_all_with_a_predicate(client):
    m = _int_map(client, 6)
    assert m.remove_all(pred.less("this", 4)) is None
    assert sorted(m.key_set()) == ["k04", "k05"]
    with pytest.raises(AssertionError):
        m.remove_all(None)


# -- indexes -----------------------------------------------------------------------


def _index_stats(m):
    """{index name: (query count, hit count)} as the member reports them."""
    text = m.execute_on_key("any", IndexStatsProcessor(m.name))
    stats = {}
    for item in filter(None, text.split(";")):
        name, counts = item.split("=")
        queries, hits = counts.split("/")
        stats[name] = (int(queries), int(hits))
    return stats


def test_indexes_are_created_and_used_by_the_member(client):
    m = new_map(client)
    fill(m, "json")
    m.add_index(["age"])  # SORTED by default
    m.add_index(["city"], IndexType.HASH)
    m.add_index(attributes=["name"], index_type="BITMAP", name="by-name",
                bitmap_index_options={"unique_key": "__key",
                                      "unique_key_transformation": UniqueKeyTransformation.OBJECT})
    age, city, name = m.name + "_sorted_age", m.name + "_hash_city", "by-name"
    before = _index_stats(m)
    assert sorted(before) == sorted([age, city, name])

    def used_by(query):
        start = _index_stats(m)
        result = m.key_set(query)
        end = _index_stats(m)
        return sorted(result), {n for n in end if end[n][1] > start[n][1]}

    # a range query uses the sorted index only
    assert used_by(pred.greater("age", 40)) == (["p2", "p6"], {age})
    # an equality on the hash-indexed attribute uses the hash index
    assert used_by(pred.equal("city", "Lima")) == (["p3", "p5"], {city})
    # a query on an attribute without index scans the entries
    assert used_by(pred.equal("__key", "p3")) == (["p3"], set())
    # the bitmap index serves equality
    assert used_by(pred.equal("name", "Eve")) == (["p4"], {name})


def test_add_index_arguments(client):
    m = new_map(client)
    with pytest.raises(ValueError):
        m.add_index([])
    with pytest.raises(ValueError):
        m.add_index(["a", "b"], IndexType.BITMAP)
    with pytest.raises(ValueError):
        m.add_index(["a", "this.a"])


def test_composite_index_serves_queries(client):
    m = new_map(client)
    fill(m, "compact")
    m.add_index(["city", "age"], IndexType.SORTED)
    stats = _index_stats(m)
    assert list(stats) == [m.name + "_sorted_city_age"]
    assert sorted(m.key_set(pred.and_(pred.equal("city", "Oslo"), pred.equal("age", 31)))) == ["p0"]


# -- interceptors ------------------------------------------------------------------


def test_interceptor_changes_results_until_removed(client):
    m = new_map(client)
    m.put("before", "plain")
    registration = m.add_interceptor(UpperCaseInterceptor("!"))
    assert isinstance(registration, str) and registration
    assert m.get("before") == "PLAIN"
    m.put("during", "abc")
    assert m.get("during") == "ABC!"
    assert m.remove_interceptor(registration) is True
    # plain behaviour again; what was stored meanwhile keeps its suffix
    assert m.get("during") == "abc!"
    m.put("after", "xyz")
    assert m.get("after") == "xyz"


# -- the Future face ---------------------------------------------------------------


def test_future_face(threaded_client):
    m = threaded_client.get_map("query-" + uuid.uuid4().hex)
    m.put_all({"k%02d" % v: v for v in range(5)}).result()
    assert sorted(m.key_set(pred.less("this", 2)).result()) == ["k00", "k01"]
    paging = pred.paging(None, 2, EntryComparator(EntryComparator.DESCENDING_BY_VALUE))
    assert m.values(paging).result() == [4, 3]
    paging.next_page()
    # the anchors are in the predicate once the future is done
    assert m.entry_set(paging).result() == [("k02", 2), ("k01", 1)]
    assert [page for page, _ in paging.anchor_list] == [0, 1]
    assert m.aggregate(agg.int_sum()).result() == 10
    assert sorted(m.project(proj.single_attribute("this"), pred.greater("this", 2)).result()) == [3, 4]


# -- three members -----------------------------------------------------------------


def test_queries_on_three_members(client3):
    m = client3.get_map("query-" + uuid.uuid4().hex).blocking()
    m.add_index(["this"])
    m.put_all({"k%03d" % v: v for v in range(200)})
    assert sorted(m.values(pred.between("this", 10, 14))) == [10, 11, 12, 13, 14]
    assert m.aggregate(agg.int_sum(), pred.less("this", 100)) == sum(range(100))
    assert m.aggregate(agg.count()) == 200
    # pages cross the members' partitions: the client sees one sorted sequence
    paging = pred.paging(pred.greater_or_equal("this", 50), 40)
    seen = []
    while True:
        page = m.values(paging)
        if not page:
            break
        seen.extend(page)
        paging.next_page()
    assert seen == list(range(50, 200))
    paging.page = 2
    assert m.key_set(paging) == ["k%03d" % v for v in range(130, 170)]
    assert sorted(e.value for e in m.project(proj.identity(), pred.less("this", 3))) == [0, 1, 2]
    m.remove_all(pred.greater_or_equal("this", 10))
    assert m.size() == 10


# -- every official method ------------------------------------------------------------


def _refused_without_map_store(call):
    # The member answers: this map has no MapStore (the request reached it and was understood).
    from hazelcast.errors import IllegalArgumentError

    with pytest.raises(IllegalArgumentError, match="map store"):
        call()


def test_every_official_map_method_works(client):
    """Walks the official Map's method list (tests/compat/official_api.json) and calls
    each one: none is missing or raises NotImplementedError, in either client."""
    import json
    import os

    from hazelcast.aggregator import count
    from hazelcast.config import IndexType
    from hazelcast.predicate import greater, sql
    from hazelcast.projection import single_attribute

    path = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
    with open(path, encoding="utf-8") as f:
        official = json.load(f)["classes"]["hazelcast.proxy.map.Map"]["members"]
    m = client.get_map("every-method-%s" % uuid.uuid4().hex[:8]).blocking()
    state = {}

    def locked_then_unlocked(method):
        # One lock owner for both calls: the thread, or (asyncio client) one task.
        options = {"timeout": 1} if method == "try_lock" else {}
        if getattr(client, "face", None) != "asyncio":
            getattr(m, method)(1, **options)
            m.unlock(1)
            return

        async def in_one_task():
            await getattr(m.face, method)(1, **options)
            await m.face.unlock(1)

        client.run(in_one_task())
    calls = {
        "put": lambda: m.put(1, 10),
        "set": lambda: m.set(2, 20, ttl=60),
        "put_if_absent": lambda: m.put_if_absent(3, 30),
        "put_transient": lambda: m.put_transient(4, 40),
        "put_all": lambda: m.put_all({5: 50, 6: 60}),
        "get": lambda: m.get(1),
        "get_all": lambda: m.get_all([1, 2]),
        "get_entry_view": lambda: m.get_entry_view(1),
        "contains_key": lambda: m.contains_key(1),
        "contains_value": lambda: m.contains_value(10),
        "replace": lambda: m.replace(1, 11),
        "replace_if_same": lambda: m.replace_if_same(1, 11, 12),
        "remove_if_same": lambda: m.remove_if_same(6, 60),
        "remove": lambda: m.remove(5),
        "delete": lambda: m.delete(4),
        "set_ttl": lambda: m.set_ttl(2, 120),
        "try_put": lambda: m.try_put(7, 70, timeout=1),
        "try_remove": lambda: m.try_remove(7, timeout=1),
        "evict": lambda: m.evict(3),
        "size": m.size,
        "is_empty": m.is_empty,
        "key_set": lambda: m.key_set(greater("this", 0)),
        "values": lambda: m.values(sql("this > 0")),
        "entry_set": lambda: m.entry_set(),
        "aggregate": lambda: m.aggregate(count()),
        "project": lambda: m.project(single_attribute("this")),
        "execute_on_key": lambda: m.execute_on_key(1, AddProcessor(1)),
        "execute_on_keys": lambda: m.execute_on_keys([1, 2], AddProcessor(1)),
        "execute_on_entries": lambda: m.execute_on_entries(AddProcessor(1), greater("this", 0)),
        "add_index": lambda: m.add_index(attributes=["this"], index_type=IndexType.SORTED),
        "add_interceptor": lambda: state.__setitem__("interceptor", m.add_interceptor(UpperCaseInterceptor("!"))),
        "remove_interceptor": lambda: m.remove_interceptor(state["interceptor"]),
        "add_entry_listener": lambda: state.__setitem__("listener", m.add_entry_listener(added_func=lambda e: None)),
        "remove_entry_listener": lambda: m.remove_entry_listener(state["listener"]),
        "lock": lambda: locked_then_unlocked("lock"),
        "is_locked": lambda: m.is_locked(1),
        "unlock": lambda: locked_then_unlocked("lock"),
        "try_lock": lambda: locked_then_unlocked("try_lock"),
        "force_unlock": lambda: m.force_unlock(1),
        "remove_all": lambda: m.remove_all(greater("this", 100)),
        "flush": m.flush,
        "load_all": lambda: _refused_without_map_store(m.load_all),
        "evict_all": m.evict_all,
        "clear": m.clear,
        "destroy": m.destroy,
    }
    # Methods that are not calls on the cluster.
    local = {"__init__", "blocking"}
    methods = [name for name, member in official.items() if member["kind"] == "method" and name not in local]
    assert sorted(set(methods) - set(calls)) == [], "a new official method needs a call here"
    m.put_all({k: k * 10 for k in range(1, 8)})
    for name in [name for name in calls if name in methods]:  # the table's order: clear and destroy come last
        if name.startswith("remove_") and name[len("remove_"):] in ("interceptor", "entry_listener"):
            continue
        if name == "destroy":
            continue
        try:
            calls[name]()
            if name == "add_interceptor":
                calls["remove_interceptor"]()
            if name == "add_entry_listener":
                calls["remove_entry_listener"]()
        except NotImplementedError as e:  # pragma: no cover - the failure this test exists for
            pytest.fail("Map.%s raises NotImplementedError: %s" % (name, e))
    calls["destroy"]()
