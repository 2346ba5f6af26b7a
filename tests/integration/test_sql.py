"""SQL against a real member with the SQL engine (hazelcast-sql) on its classpath."""

from __future__ import annotations

import asyncio
import datetime
import decimal
import inspect
import json
import os
import uuid

import pytest

import hazelcast
import hazelcast.asyncio
from hazelcast.core import HazelcastJsonValue
from hazelcast.serialization.api import CompactReader, CompactSerializer, CompactWriter, Portable
from hazelcast.sql import HazelcastSqlError, SqlColumnType, SqlExpectedResultType, SqlRowMetadata, _SqlErrorCode
from harness import start_cluster


@pytest.fixture(scope="module")
def sql_cluster():
    cluster = start_cluster(1, sql=True)
    try:
        yield cluster
    finally:
        cluster.shutdown()


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age


class PersonSerializer(CompactSerializer[Person]):
    def read(self, reader: CompactReader) -> Person:
        return Person(reader.read_string("name"), reader.read_int32("age"))

    def write(self, writer: CompactWriter, obj: Person) -> None:
        writer.write_string("name", obj.name)
        writer.write_int32("age", obj.age)

    def get_class(self):
        return Person

    def get_type_name(self) -> str:
        return "sqlPerson"


class PortablePerson(Portable):
    def __init__(self, name=None, age=0):
        self.name = name
        self.age = age

    def write_portable(self, writer):
        writer.write_string("name", self.name)
        writer.write_int("age", self.age)

    def read_portable(self, reader):
        self.name = reader.read_string("name")
        self.age = reader.read_int("age")

    def get_factory_id(self):
        return 77

    def get_class_id(self):
        return 1


@pytest.fixture(scope="module")
def client(sql_cluster):
    c = hazelcast.HazelcastClient(
        compact_serializers=[PersonSerializer()],
        portable_factories={77: {1: PortablePerson}},
        **sql_cluster.client_config()
    )
    yield c
    c.shutdown()


def _name(prefix):
    return "%s_%s" % (prefix, uuid.uuid4().hex[:8])


def _rows(client, sql, *params, **options):
    with client.sql.execute(sql, *params, **options).result() as result:
        return [list(row[i] for i in range(len(row))) for row in result]


def test_select_over_a_map_with_parameters_by_index_and_by_name(client):
    name = _name("ints")
    m = client.get_map(name).blocking()
    m.put_all({i: i * 10 for i in range(100)})
    client.sql.execute("CREATE MAPPING %s (__key INT, this INT) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='int')" % name).result()
    result = client.sql.execute(
        "SELECT __key, this FROM %s WHERE __key >= ? AND this < ? ORDER BY __key" % name, 90, 960
    ).result()
    assert result.is_row_set() and result.update_count() == -1
    metadata = result.get_row_metadata()
    assert [c.name for c in metadata.columns] == ["__key", "this"]
    assert metadata.get_column(1).type == SqlColumnType.INTEGER
    assert metadata.find_column("this") == 1
    assert metadata.find_column("nope") == SqlRowMetadata.COLUMN_NOT_FOUND
    rows = list(result)
    assert [(row["__key"], row.get_object("this"), row[1], row.get_object_with_index(0)) for row in rows] == [
        (k, k * 10, k * 10, k) for k in range(90, 96)
    ]
    with pytest.raises(ValueError):
        rows[0].get_object("nope")
    with pytest.raises(ValueError):
        iter(result)  # rows are read once


def test_dml_gives_update_counts_and_the_map_changes(client):
    name = _name("dml")
    client.sql.execute("CREATE MAPPING %s (__key INT, this VARCHAR) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='varchar')" % name).result()
    inserted = client.sql.execute("INSERT INTO %s VALUES (1, 'a'), (2, 'b'), (3, 'c')" % name).result()
    assert not inserted.is_row_set()
    assert inserted.update_count() == 0  # the member does not count rows of a sink
    with pytest.raises(ValueError):
        inserted.get_row_metadata()
    with pytest.raises(ValueError):
        inserted.iterator()
    m = client.get_map(name).blocking()
    assert m.get(2) == "b"
    client.sql.execute("UPDATE %s SET this = 'z' WHERE __key = 2" % name).result()
    client.sql.execute("DELETE FROM %s WHERE __key = 3" % name).result()
    assert sorted(m.entry_set()) == [(1, "a"), (2, "z")]


def test_paging_100000_rows_with_a_cursor_buffer_of_1000(client):
    total = 0
    count = 0
    engine = client.sql._engine
    pages = []
    fetch = engine.fetch

    def counting_fetch(*args):
        page = fetch(*args)
        page.add_done_callback(lambda done: pages.append(len(done.result().rows)))
        return page

    engine.fetch = counting_fetch
    try:
        with client.sql.execute(
            "SELECT v FROM TABLE(generate_series(1, 100000))", cursor_buffer_size=1000
        ).result() as result:
            for row in result:
                total += row[0]
                count += 1
    finally:
        del engine.fetch
    assert count == 100000
    assert total == 100000 * 100001 // 2
    # The member sent pages of at most 1,000 rows: the first with the execute response, the rest fetched.
    assert max(pages) == 1000 and 99000 <= sum(pages) <= 100000 and len(pages) >= 99


def test_every_column_type_maps_to_its_python_type(client):
    statement = (
        "SELECT CAST('x' AS VARCHAR), TRUE, CAST(-8 AS TINYINT), CAST(-16 AS SMALLINT), CAST(-32 AS INTEGER), "
        "CAST(-64 AS BIGINT), CAST('12.345' AS DECIMAL), CAST(1.5 AS REAL), CAST(2.25 AS DOUBLE), "
        "CAST('2024-02-29' AS DATE), CAST('13:14:15' AS TIME), "
        "CAST('2024-02-29T13:14:15.123456789' AS TIMESTAMP), "
        "CAST('2024-02-29T13:14:15+02:00' AS TIMESTAMP WITH TIME ZONE), CAST(? AS OBJECT), NULL, "
        "CAST('{\"a\": 1}' AS JSON)"
    )
    with client.sql.execute(statement, Person("ann", 41)).result() as result:
        types = [column.type for column in result.get_row_metadata().columns]
        rows = [[row[i] for i in range(len(row))] for row in result]
    # One column of each SqlColumnType, in the order of their values.
    official_types = sorted(v for n, v in vars(SqlColumnType).items() if not n.startswith("_"))
    assert types == official_types == list(range(16))
    row = rows[0]
    assert [type(value) for value in row[:13]] == [
        str, bool, int, int, int, int, decimal.Decimal, float, float,
        datetime.date, datetime.time, datetime.datetime, datetime.datetime,
    ]
    assert row[:13] == [
        "x", True, -8, -16, -32, -64, decimal.Decimal("12.345"), 1.5, 2.25,
        datetime.date(2024, 2, 29), datetime.time(13, 14, 15),
        datetime.datetime(2024, 2, 29, 13, 14, 15, 123456),  # nanoseconds cut to microseconds
        datetime.datetime(2024, 2, 29, 13, 14, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
    ]
    person = row[13]
    assert isinstance(person, Person) and (person.name, person.age) == ("ann", 41)
    assert row[14] is None
    assert isinstance(row[15], HazelcastJsonValue) and row[15].loads() == {"a": 1}


def test_mappings_over_compact_portable_and_json_values(client):
    compact, portable, json = _name("compact"), _name("portable"), _name("json")
    client.get_map(compact).blocking().put_all({1: Person("ann", 41), 2: Person("bob", 17)})
    client.get_map(portable).blocking().put_all({1: PortablePerson("cid", 33), 2: PortablePerson("dan", 12)})
    client.get_map(json).blocking().put_all({
        1: HazelcastJsonValue({"name": "eve", "age": 55}), 2: HazelcastJsonValue({"name": "fay", "age": 9}),
    })
    client.sql.execute("CREATE MAPPING %s (__key INT, name VARCHAR, age INT) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='compact', 'valueCompactTypeName'='sqlPerson')"
                       % compact).result()
    client.sql.execute("CREATE MAPPING %s (__key INT, name VARCHAR, age INT) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='portable', 'valuePortableFactoryId'='77', "
                       "'valuePortableClassId'='1')" % portable).result()
    client.sql.execute("CREATE MAPPING %s (__key INT, name VARCHAR, age INT) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='json-flat')" % json).result()
    for name, adult in ((compact, "ann"), (portable, "cid"), (json, "eve")):
        assert _rows(client, "SELECT name, age FROM %s WHERE age > ?" % name, 18) == [
            [adult, {"ann": 41, "cid": 33, "eve": 55}[adult]]
        ]
    # A Compact parameter whose schema the member has not seen yet is sent first.
    assert _rows(client, "SELECT ? IS NOT NULL", Person("new", 1)) == [[True]]


def test_member_errors_carry_code_origin_and_suggestion(client, sql_cluster):
    with pytest.raises(HazelcastSqlError) as e:
        client.sql.execute("SELEC 1").result()
    assert e.value._code == _SqlErrorCode.PARSING
    member_uuids = {m.uuid for m in client.cluster_service.get_members()}
    assert e.value.originating_member_uuid in member_uuids
    # A map with data but no mapping: the member suggests the mapping to create.
    name = _name("nomapping")
    client.get_map(name).blocking().put(1, "one")
    with pytest.raises(HazelcastSqlError) as e:
        client.sql.execute("SELECT * FROM %s" % name).result()
    assert e.value._code == _SqlErrorCode.OBJECT_NOT_FOUND
    assert e.value.suggestion is not None and "CREATE" in e.value.suggestion.upper()


def test_expected_result_type_is_enforced(client):
    with pytest.raises(HazelcastSqlError):
        client.sql.execute("SELECT 1", expected_result_type=SqlExpectedResultType.UPDATE_COUNT).result()
    assert _rows(client, "SELECT 1", expected_result_type="ROWS") == [[1]]


def test_invalid_arguments_are_refused_before_sending(client):
    with pytest.raises(AssertionError):
        client.sql.execute(42)
    with pytest.raises(ValueError):
        client.sql.execute("  ")
    with pytest.raises(ValueError):
        client.sql.execute("SELECT 1", cursor_buffer_size=0)
    with pytest.raises(ValueError):
        client.sql.execute("SELECT 1", timeout=-5)
    with pytest.raises(TypeError):
        client.sql.execute("SELECT 1", expected_result_type=7)


def test_a_running_query_is_cancelled_from_the_client(client):
    # generate_stream never ends: only the client's close stops it.
    result = client.sql.execute("SELECT * FROM TABLE(generate_stream(1000))", cursor_buffer_size=10).result()
    rows = result.iterator()
    first = next(rows).result()
    assert first[0] == 0
    result.close().result()
    with pytest.raises(HazelcastSqlError) as e:
        for _ in range(100000):
            next(rows).result()
    assert e.value._code == _SqlErrorCode.CANCELLED_BY_USER
    assert result.close().result() is None  # closing twice is harmless


def test_the_timeout_stops_a_query_on_the_member(client):
    # generate_stream never ends: the member cancels it when the timeout passes.
    with pytest.raises(HazelcastSqlError) as e:
        with client.sql.execute("SELECT * FROM TABLE(generate_stream(10))", timeout=0.5).result() as result:
            for _ in result:
                pass
    assert "CANCEL" in str(e.value).upper()


def test_future_iterator_reads_every_row_without_blocking(client):
    result = client.sql.execute("SELECT v FROM TABLE(generate_series(1, 25))", cursor_buffer_size=4).result()
    rows = result.iterator()
    seen = []
    done = []

    def on_row(future):
        try:
            seen.append(future.result()[0])
        except StopIteration:
            done.append(True)
            return
        try:
            next(rows).add_done_callback(on_row)
        except StopIteration:
            done.append(True)

    next(rows).add_done_callback(on_row)
    import time

    deadline = time.monotonic() + 60
    while not done and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sorted(seen) == list(range(1, 26)) and done


def test_asyncio_client_reads_rows_with_async_for(sql_cluster):
    async def main():
        client = await hazelcast.asyncio.HazelcastClient.create_and_start(**sql_cluster.client_config())
        try:
            async with await client.sql.execute(
                "SELECT v FROM TABLE(generate_series(1, 2500))", cursor_buffer_size=100
            ) as result:
                assert result.is_row_set()
                values = [row[0] async for row in result]
            updated = await client.sql.execute(
                "CREATE MAPPING %s (__key INT, this INT) TYPE IMap OPTIONS "
                "('keyFormat'='int', 'valueFormat'='int')" % _name("am")
            )
            with pytest.raises(HazelcastSqlError):
                await client.sql.execute("SELEC 1")
            return values, updated.update_count()
        finally:
            await client.shutdown()

    values, update_count = asyncio.run(main())
    assert values == list(range(1, 2501))
    assert update_count == 0


# -- DB-API 2.0 -----------------------------------------------------------------------


def _connect(cluster):
    import hazelcast.db

    host, port = cluster.addresses[0].rsplit(":", 1)
    return hazelcast.db.connect(host=host, port=int(port), cluster_name=cluster.cluster_name)


def test_dbapi_cursor_executes_fetches_and_describes(sql_cluster):
    import hazelcast.db as db

    name = _name("dbapi")
    with _connect(sql_cluster) as conn:
        with conn.cursor() as cursor:
            cursor.execute("CREATE MAPPING %s (__key INT, this VARCHAR) TYPE IMap OPTIONS "
                           "('keyFormat'='int', 'valueFormat'='varchar')" % name)
            assert cursor.description is None
            cursor.executemany("SINK INTO %s VALUES (?, ?)" % name, [(i, "v%d" % i) for i in range(10)])
            cursor.arraysize = 3
            cursor.execute("SELECT __key, this FROM %s WHERE __key >= ? ORDER BY __key" % name, (2,))
            description = cursor.description
            assert [d.name for d in description] == ["__key", "this"]
            assert description[0].type == db.NUMBER and description[1].type == db.STRING
            assert cursor.rowcount == -1 and cursor.rownumber == 0
            first = cursor.fetchone()
            assert (first[0], first["this"]) == (2, "v2")
            assert [r[0] for r in cursor.fetchmany()] == [3, 4, 5]
            assert [r[0] for r in cursor.fetchmany(2)] == [6, 7]
            assert [r[0] for r in cursor.fetchall()] == [8, 9]
            assert cursor.fetchone() is None and cursor.rownumber == 8
            with pytest.raises(db.DatabaseError) as e:
                cursor.execute("SELEC 1")
            assert isinstance(e.value.__cause__, HazelcastSqlError)
            with pytest.raises(db.InterfaceError):
                cursor.fetchall()  # the failed statement gave no rows
            with pytest.raises(db.InterfaceError):
                cursor.execute("SELECT 1", [1])  # params must be a tuple
        with pytest.raises(conn.ProgrammingError):
            cursor.execute("SELECT 1")
    with pytest.raises(db.InterfaceError):
        conn.cursor()
    assert (db.apilevel, db.threadsafety, db.paramstyle) == ("2.0", 2, "qmark")


def test_dbapi_connect_refuses_mixed_arguments_and_bad_dsns():
    import hazelcast.db as db
    from hazelcast.config import Config

    with pytest.raises(db.InterfaceError):
        db.connect(Config(), host="h")
    with pytest.raises(db.InterfaceError):
        db.connect(dsn="hz://h:1", cluster_name="x")
    with pytest.raises(db.InterfaceError):
        db.connect(dsn="http://h:1")
    with pytest.raises(db.InterfaceError):
        db.connect(dsn="hz://h:1?bogus=1")
    with pytest.raises(db.InterfaceError):
        db.connect(dsn="hz://h:1?smart=maybe")
    config = db._parse_dsn("hz://ann:s%40cret@example.org:5702?cluster.name=prod&smart=false&ssl=true")
    assert config.cluster_members == ["example.org:5702"]
    assert (config.creds_username, config.creds_password) == ("ann", "s@cret")
    assert (config.cluster_name, config.smart_routing, config.ssl_enabled) == ("prod", False, True)


def test_pandas_reads_a_query_through_the_dbapi_connection(sql_cluster):
    import platform
    import warnings

    if platform.python_implementation() == "PyPy":
        pytest.skip("tools/setup.sh installs pandas for CPython only")
    import pandas

    with _connect(sql_cluster) as conn:
        with warnings.catch_warnings():
            # pandas warns that it only tests SQLAlchemy and sqlite3 connections.
            warnings.simplefilter("ignore", UserWarning)
            frame = pandas.read_sql("SELECT v, v * v AS square FROM TABLE(generate_series(1, 50))", conn)
    assert list(frame.columns) == ["v", "square"]
    assert len(frame) == 50 and int(frame["square"].sum()) == sum(i * i for i in range(1, 51))


# -- the official member lists, walked -------------------------------------------------

_RECORD_PATH = os.path.join(os.path.dirname(__file__), "..", "compat", "official_api.json")
# What every exception class has from BaseException.
_INHERITED = {"add_note", "args", "with_traceback"}


def _official_members(target):
    """Public members (and context manager entries) the official class has, as recorded."""
    with open(_RECORD_PATH, encoding="utf-8") as f:
        members = json.load(f)["classes"][target]["members"]
    return {n for n in members if (not n.startswith("_") or n in ("__enter__", "__aenter__")) and n not in _INHERITED}


class _Walk:
    """Records which members of which official class a test used."""

    def __init__(self):
        self.used = {}

    def __call__(self, target, *members):
        self.used.setdefault(target, set()).update(members)

    def assert_complete(self):
        missing = {t: sorted(_official_members(t) - used) for t, used in self.used.items()}
        assert {t: m for t, m in missing.items() if m} == {}


def test_every_official_sql_member_works_in_the_sync_and_asyncio_faces(client, sql_cluster):
    walk = _Walk()
    name = _name("walk")
    client.get_map(name).blocking().put_all({1: "a", 2: "b", 3: "c"})
    sql = client.sql
    mapping = sql.execute("CREATE MAPPING %s (__key INT, this VARCHAR) TYPE IMap OPTIONS "
                          "('keyFormat'='int', 'valueFormat'='varchar')" % name,
                          expected_result_type=SqlExpectedResultType.UPDATE_COUNT).result()
    assert not mapping.is_row_set() and mapping.update_count() == 0
    walk("hazelcast.sql.SqlService", "execute")
    walk("hazelcast.sql.SqlExpectedResultType", "UPDATE_COUNT", "ROWS", "ANY")

    with sql.execute("SELECT __key, this FROM %s WHERE __key < ? ORDER BY __key" % name, 3, cursor_buffer_size=1,
                     timeout=30, expected_result_type=SqlExpectedResultType.ROWS, schema="public").result() as result:
        assert result.is_row_set() and result.update_count() == -1
        metadata = result.get_row_metadata()
        assert metadata.column_count == 2 and [c.name for c in metadata.columns] == ["__key", "this"]
        key_column = metadata.get_column(0)
        assert (key_column.name, key_column.type) == ("__key", SqlColumnType.INTEGER)
        assert metadata.get_column(1).type == SqlColumnType.VARCHAR
        assert all(isinstance(c.nullable, bool) for c in metadata.columns)
        assert metadata.find_column("this") == 1 and metadata.find_column("x") == SqlRowMetadata.COLUMN_NOT_FOUND
        rows = result.iterator()
        first = next(rows).result()
        assert (first.get_object("this"), first.get_object_with_index(0), first.metadata) == ("a", 1, metadata)
        assert next(rows).result()[1] == "b"
        with pytest.raises(StopIteration):
            next(rows).result()
        assert result.close().result() is None
    walk("hazelcast.sql.SqlResult", "__enter__", "is_row_set", "update_count", "get_row_metadata", "iterator", "close")
    walk("hazelcast.sql.SqlRowMetadata", "column_count", "columns", "get_column", "find_column", "COLUMN_NOT_FOUND")
    walk("hazelcast.sql.SqlColumnMetadata", "name", "type", "nullable")
    walk("hazelcast.sql.SqlRow", "get_object", "get_object_with_index", "metadata")
    with sql.execute("SELECT this FROM %s ORDER BY __key" % name, expected_result_type="ANY").result() as result:
        assert [row[0] for row in result] == ["a", "b", "c"]  # blocking iteration

    with pytest.raises(HazelcastSqlError) as e:
        sql.execute("SELECT * FROM %s_unmapped" % name).result()
    assert e.value.originating_member_uuid is not None and e.value.suggestion is None
    walk("hazelcast.sql.HazelcastSqlError", "originating_member_uuid", "suggestion")

    async def main():
        aclient = await hazelcast.asyncio.HazelcastClient.create_and_start(**sql_cluster.client_config())
        try:
            asql = aclient.sql
            assert inspect.iscoroutinefunction(asql.execute)
            async with await asql.execute("SELECT __key, this FROM %s ORDER BY __key" % name,
                                          cursor_buffer_size=2) as aresult:
                assert aresult.is_row_set() and aresult.update_count() == -1
                assert aresult.get_row_metadata().find_column("this") == 1
                values = [(row[0], row["this"]) async for row in aresult.iterator()]
                assert inspect.iscoroutinefunction(aresult.close)
                await aresult.close()
            return values
        finally:
            await aclient.shutdown()

    assert asyncio.run(main()) == [(1, "a"), (2, "b"), (3, "c")]
    walk("hazelcast.internal.asyncio_sql.SqlService", "execute")
    walk("hazelcast.internal.asyncio_sql.SqlResult", "__aenter__", "is_row_set", "update_count", "get_row_metadata",
         "iterator", "close")
    walk.assert_complete()
    assert set(walk.used) == {t for t in json.load(open(_RECORD_PATH, encoding="utf-8"))["classes"]
                              if t.startswith(("hazelcast.sql.", "hazelcast.internal.asyncio_sql."))
                              and t not in ("hazelcast.sql.SqlColumnType",)}


def test_every_official_dbapi_member_works(sql_cluster):
    import hazelcast.db as db

    walk = _Walk()
    name = _name("dbwalk")
    # PEP 249's exception hierarchy, also reachable from the connection.
    assert issubclass(db.Error, Exception) and issubclass(db.Warning, Exception)
    assert not issubclass(db.Warning, db.Error)
    assert issubclass(db.InterfaceError, db.Error) and issubclass(db.DatabaseError, db.Error)
    assert not issubclass(db.InterfaceError, db.DatabaseError)
    for cls in (db.DataError, db.OperationalError, db.IntegrityError, db.InternalError, db.ProgrammingError,
                db.NotSupportedError):
        assert issubclass(cls, db.DatabaseError)
    with _connect(sql_cluster) as conn:
        errors = ("Error", "Warning", "InterfaceError", "DatabaseError", "InternalError", "OperationalError",
                  "ProgrammingError", "IntegrityError", "DataError", "NotSupportedError")
        assert all(getattr(conn, e) is getattr(db, e) for e in errors)
        walk("hazelcast.db.Connection", "__enter__", *errors)
        walk("hazelcast.db.DatabaseError")
        cursor = conn.cursor()
        assert cursor.connection is conn and cursor.rownumber is None and cursor.rowcount == -1
        cursor.setinputsizes([10])
        cursor.setoutputsize(10)
        cursor.setoutputsize(10, 0)
        cursor.execute("CREATE MAPPING %s (__key INT, this VARCHAR) TYPE IMap OPTIONS "
                       "('keyFormat'='int', 'valueFormat'='varchar')" % name)
        assert cursor.description is None and cursor.next() is None
        cursor.executemany("SINK INTO %s VALUES (?, ?)" % name, [(i, "v%d" % i) for i in range(6)])
        conn.commit()  # no transactions: nothing to do
        cursor.execute("SELECT __key, this FROM %s ORDER BY __key" % name)
        assert [d[0] for d in cursor.description] == ["__key", "this"]
        assert cursor.description[1][1] == db.STRING and cursor.description[0][1] == db.NUMBER
        assert isinstance(cursor.description[0][6], bool)  # null_ok
        assert cursor.fetchone()[0] == 0
        assert cursor.next()[0] == 1 and cursor.rownumber == 2
        assert [r[0] for r in cursor.fetchmany(2)] == [2, 3]
        assert [r[0] for r in cursor.fetchall()] == [4, 5]
        with pytest.raises(StopIteration):
            cursor.next()
        with cursor:
            cursor.execute("SELECT __key FROM %s WHERE __key = ?" % name, (3,))
            assert [r[0] for r in iter(cursor)] == [3]
        with pytest.raises(db.ProgrammingError):
            cursor.execute("SELECT 1")  # closed by the with block
        cursor.close()  # twice is harmless
        walk("hazelcast.db.Cursor", "__enter__", "close", "connection", "description", "execute", "executemany",
             "fetchall", "fetchmany", "fetchone", "next", "rowcount", "rownumber", "setinputsizes", "setoutputsize")
        other = conn.cursor()
    with pytest.raises(db.InterfaceError):
        conn.close()  # closed by the with block; as in the official client, a second close is refused
    with pytest.raises(db.Error):
        other.execute("SELECT 1")  # its connection is closed
    walk("hazelcast.db.Connection", "close", "commit", "cursor")
    walk.assert_complete()
    assert set(walk.used) == {t for t in json.load(open(_RECORD_PATH, encoding="utf-8"))["classes"]
                              if t.startswith("hazelcast.db.")}
