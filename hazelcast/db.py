"""A DB-API 2.0 (PEP 249) driver over the SQL service.

::

    import hazelcast.db

    with hazelcast.db.connect(host="127.0.0.1", port=5701, cluster_name="dev") as conn:
        with conn.cursor() as cursor:
            cursor.execute("SELECT __key, this FROM my_map WHERE __key > ?", (10,))
            for row in cursor.fetchall():
                print(row[0], row["this"])

Each :class:`Connection` owns a :class:`hazelcast.HazelcastClient`. There are no
transactions: :meth:`Connection.commit` does nothing and there is no rollback.
Rows are :class:`hazelcast.sql.SqlRow` objects, which index like tuples.
"""

from __future__ import annotations

import enum
import itertools
import threading
import time as _time
import typing
import urllib.parse
from datetime import date, datetime, time

from hazelcast.config import Config
from hazelcast.sql import (
    HazelcastSqlError,
    SqlColumnType,
    SqlExpectedResultType,
    SqlResult,
    SqlRow,
    SqlRowMetadata,
    _DEFAULT_CURSOR_BUFFER_SIZE,
)

if typing.TYPE_CHECKING:
    from hazelcast.client import HazelcastClient

apilevel = "2.0"
"""The DB-API level this module implements."""

threadsafety = 2
"""Threads may share the module and connections (not cursors)."""

paramstyle = "qmark"
"""Placeholders are question marks: ``WHERE a = ?``."""


class Type(enum.Enum):
    """The type of a column, as :attr:`Cursor.description` gives it."""

    NULL = 0
    STRING = 1
    BOOLEAN = 2
    DATE = 3
    TIME = 4
    DATETIME = 5
    INTEGER = 6
    FLOAT = 7
    DECIMAL = 8
    JSON = 9
    OBJECT = 10


class ColumnDescription(typing.NamedTuple):
    """The seven items PEP 249 describes a column with; the sizes are not known."""

    name: str
    type: Type
    display_size: None
    internal_size: None
    precision: None
    scale: None
    null_ok: bool


class _DBAPIType:
    # A PEP 249 type object: equal to each of the column types it groups.
    def __init__(self, *values: Type):
        self._values = values

    def __eq__(self, other: object) -> bool:
        return other in self._values

    def __ne__(self, other: object) -> bool:
        return other not in self._values

    def __hash__(self) -> int:
        return hash(self._values)


Date = date
Time = time
Timestamp = datetime
Binary = bytes
STRING = _DBAPIType(Type.STRING)
DATETIME = _DBAPIType(Type.DATE, Type.TIME, Type.DATETIME)
BINARY = _DBAPIType()
NUMBER = _DBAPIType(Type.INTEGER, Type.FLOAT, Type.DECIMAL)
ROWID = _DBAPIType()


def DateFromTicks(ticks: float) -> date:  # pylint: disable=invalid-name
    """The local date of a UNIX time."""
    return date(*_time.localtime(ticks)[:3])


def TimeFromTicks(ticks: float) -> time:  # pylint: disable=invalid-name
    """The local time of day of a UNIX time."""
    return time(*_time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks: float) -> datetime:  # pylint: disable=invalid-name
    """The local date and time of a UNIX time."""
    return datetime(*_time.localtime(ticks)[:6])


# -- the PEP 249 exceptions ------------------------------------------------------------


class Error(Exception):
    """Base of the errors of this module."""


class Warning(Exception):  # pylint: disable=redefined-builtin
    """An important warning (PEP 249); not raised by this driver."""


class InterfaceError(Error):
    """Misuse of the driver: a closed connection, a bad argument."""


class DatabaseError(Error):
    """An error of the cluster; the :class:`HazelcastSqlError` is its cause."""


class InternalError(DatabaseError):
    """Internal error of the database."""


class OperationalError(DatabaseError):
    """An error in the database's operation."""


class ProgrammingError(DatabaseError):
    """A programming error, such as using a closed cursor."""


class IntegrityError(DatabaseError):
    """Relational integrity is affected."""


class DataError(DatabaseError):
    """A problem with the processed data."""


class NotSupportedError(DatabaseError):
    """A method or type the database does not support."""


_T = typing.TypeVar("_T")


def _database_call(call: typing.Callable[[], _T]) -> _T:
    # Errors of the cluster become DatabaseError, as PEP 249 asks; the cause stays attached.
    try:
        return call()
    except StopIteration:
        raise
    except HazelcastSqlError as e:
        raise DatabaseError(str(e)) from e
    except Error:
        raise
    except Exception as e:
        raise DatabaseError(str(e)) from e


_TYPES = {
    SqlColumnType.VARCHAR: Type.STRING,
    SqlColumnType.BOOLEAN: Type.BOOLEAN,
    SqlColumnType.TINYINT: Type.INTEGER,
    SqlColumnType.SMALLINT: Type.INTEGER,
    SqlColumnType.INTEGER: Type.INTEGER,
    SqlColumnType.BIGINT: Type.INTEGER,
    SqlColumnType.DECIMAL: Type.DECIMAL,
    SqlColumnType.REAL: Type.FLOAT,
    SqlColumnType.DOUBLE: Type.FLOAT,
    SqlColumnType.DATE: Type.DATE,
    SqlColumnType.TIME: Type.TIME,
    SqlColumnType.TIMESTAMP: Type.DATETIME,
    SqlColumnType.TIMESTAMP_WITH_TIME_ZONE: Type.DATETIME,
    SqlColumnType.OBJECT: Type.OBJECT,
    SqlColumnType.NULL: Type.NULL,
    SqlColumnType.JSON: Type.JSON,
}


def _description(metadata: SqlRowMetadata) -> typing.List[ColumnDescription]:
    columns = []
    for column in metadata.columns:
        column_type = _TYPES.get(column.type)
        if column_type is None:
            raise NotSupportedError("Unknown type code: %s" % column.type)
        columns.append(ColumnDescription(column.name, column_type, None, None, None, None, column.nullable))
    return columns


class Cursor:
    """Runs statements and reads their rows. Made by :meth:`Connection.cursor`.

    Attributes:
        arraysize: Rows :meth:`fetchmany` reads by default; also the page size
            asked of the member.
    """

    def __init__(self, conn: "Connection"):
        self.arraysize = 1
        self._conn = conn
        self._result: typing.Optional[SqlResult] = None
        self._rows: typing.Optional[typing.Iterator[SqlRow]] = None
        self._description: typing.Optional[typing.List[ColumnDescription]] = None
        self._rownumber = -1
        self._closed = False

    def __enter__(self) -> "Cursor":
        return self

    def __exit__(self, exc_type: typing.Any, exc_val: typing.Any, exc_tb: typing.Any) -> None:
        self.close()

    def __iter__(self) -> typing.Optional[typing.Iterator[SqlRow]]:
        return self._rows

    @property
    def connection(self) -> "Connection":
        """The connection that made this cursor."""
        return self._conn

    @property
    def description(self) -> typing.Optional[typing.List[ColumnDescription]]:
        """The columns of the last statement's rows, or ``None`` if it gave none."""
        return self._description

    @property
    def rowcount(self) -> int:
        """Always ``-1``: the number of rows is not known before they are read."""
        return -1

    @property
    def rownumber(self) -> typing.Optional[int]:
        """Zero-based index of the next row to fetch, or ``None`` without a row set."""
        return None if self._rownumber < 0 else self._rownumber

    def close(self) -> None:
        """Closes the cursor and the result it reads (cancelling its query)."""
        if self._closed:
            return
        self._closed = True
        self._conn._forget(self)
        result, self._result = self._result, None
        if result is not None:
            result.close()

    def execute(self, operation: str, params: typing.Optional[typing.Tuple[typing.Any, ...]] = None) -> None:
        """Runs a statement.

        Args:
            operation: The SQL statement, with ``?`` placeholders.
            params: The placeholders' values, a tuple (or ``None``).

        Raises:
            InterfaceError: If ``params`` is not a tuple or ``None``.
            ProgrammingError: If the cursor is closed.
            DatabaseError: If the statement failed.
        """
        if params is not None and not isinstance(params, tuple):
            raise InterfaceError("params must be a tuple or None")
        self._check_open()
        self._reset()
        page_size = self.arraysize if self.arraysize > 0 else _DEFAULT_CURSOR_BUFFER_SIZE
        sql = self._conn._get_client().sql
        result = _database_call(lambda: sql.execute(operation, *(params or ()), cursor_buffer_size=page_size).result())
        if result.is_row_set():
            self._result = result
            self._rownumber = 0
            self._description = _description(result.get_row_metadata())
            self._rows = _DatabaseRows(iter(result))

    def executemany(self, operation: str, seq_of_params: typing.Sequence[typing.Tuple[typing.Any, ...]]) -> None:
        """Runs a statement that gives no rows once per set of parameters.

        The statements run concurrently; this returns when all have finished.

        Raises:
            ProgrammingError: If the cursor is closed.
            DatabaseError: If a statement failed, or gave rows.
        """
        self._check_open()
        self._reset()
        sql = self._conn._get_client().sql
        futures = [
            sql.execute(operation, *params, expected_result_type=SqlExpectedResultType.UPDATE_COUNT)
            for params in seq_of_params
        ]
        for future in futures:
            _database_call(future.result)

    def fetchone(self) -> typing.Optional[SqlRow]:
        """Returns the next row, or ``None`` when there are no more.

        Raises:
            InterfaceError: If the last statement gave no rows.
        """
        rows = self._row_set("fetchone")
        row = next(rows, None)
        if row is not None:
            self._rownumber += 1
        return row

    def fetchmany(self, size: typing.Optional[int] = None) -> typing.List[SqlRow]:
        """Returns up to ``size`` next rows (``arraysize`` if not given).

        Raises:
            InterfaceError: If the last statement gave no rows.
        """
        rows = list(itertools.islice(self._row_set("fetchmany"), self.arraysize if size is None else size))
        self._rownumber += len(rows)
        return rows

    def fetchall(self) -> typing.List[SqlRow]:
        """Returns the remaining rows (for results known to be small and finite).

        Raises:
            InterfaceError: If the last statement gave no rows.
        """
        rows = list(self._row_set("fetchall"))
        self._rownumber += len(rows)
        return rows

    def next(self) -> typing.Optional[SqlRow]:
        """Returns the next row; raises ``StopIteration`` after the last one.

        Returns ``None`` if the last statement gave no rows.
        """
        if self._rows is None:
            return None
        row = next(self._rows)
        self._rownumber += 1
        return row

    def setinputsizes(self, sizes: typing.Any) -> None:
        """Does nothing, as PEP 249 allows."""

    def setoutputsize(self, size: typing.Any = None, column: typing.Any = None) -> None:
        """Does nothing, as PEP 249 allows."""

    def _row_set(self, method: str) -> typing.Iterator[SqlRow]:
        if self._rows is None:
            raise InterfaceError("%s can only be called after row returning queries" % method)
        return self._rows

    def _reset(self) -> None:
        result, self._result = self._result, None
        if result is not None:
            result.close()
        self._rows = None
        self._description = None
        self._rownumber = -1

    def _check_open(self) -> None:
        if self._closed:
            raise ProgrammingError("the cursor is closed")


class _DatabaseRows(typing.Iterator[SqlRow]):
    def __init__(self, rows: typing.Iterator[SqlRow]):
        self._next = rows.__next__

    def __iter__(self) -> "_DatabaseRows":
        return self

    def __next__(self) -> SqlRow:
        return _database_call(self._next)


class Connection:
    """A connection to a cluster, holding one client. Made by :func:`connect`.

    The PEP 249 exception classes are attributes of it too.
    """

    def __init__(self, config: Config):
        from hazelcast.client import HazelcastClient

        self._lock = threading.RLock()
        self._client: typing.Optional["HazelcastClient"] = HazelcastClient(config)
        self._cursors: typing.Set[Cursor] = set()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, exc_type: typing.Any, exc_val: typing.Any, exc_tb: typing.Any) -> None:
        self.close()

    def close(self) -> None:
        """Shuts the connection's client down.

        Raises:
            InterfaceError: If the connection was already closed.
        """
        with self._lock:
            client, self._client = self._client, None
            cursors, self._cursors = list(self._cursors), set()
        if client is None:
            raise InterfaceError("connection was already closed")
        for cursor in cursors:
            cursor._closed = True
        client.shutdown()

    def commit(self) -> None:
        """Does nothing (there are no transactions), but fails on a closed connection.

        Raises:
            InterfaceError: If the connection is closed.
        """
        self._get_client()

    def cursor(self) -> Cursor:
        """Returns a new cursor on this connection.

        Raises:
            InterfaceError: If the connection is closed.
        """
        with self._lock:
            if self._client is None:
                raise InterfaceError("connection is already closed")
            cursor = Cursor(self)
            self._cursors.add(cursor)
            return cursor

    def _get_client(self) -> "HazelcastClient":
        with self._lock:
            if self._client is None:
                raise InterfaceError("connection is closed")
            return self._client

    def _forget(self, cursor: Cursor) -> None:
        with self._lock:
            self._cursors.discard(cursor)

    @property
    def Error(self) -> typing.Type[Error]:  # pylint: disable=invalid-name
        return Error

    @property
    def Warning(self) -> typing.Type[Warning]:  # pylint: disable=invalid-name
        return Warning

    @property
    def InterfaceError(self) -> typing.Type[InterfaceError]:  # pylint: disable=invalid-name
        return InterfaceError

    @property
    def DatabaseError(self) -> typing.Type[DatabaseError]:  # pylint: disable=invalid-name
        return DatabaseError

    @property
    def InternalError(self) -> typing.Type[InternalError]:  # pylint: disable=invalid-name
        return InternalError

    @property
    def OperationalError(self) -> typing.Type[OperationalError]:  # pylint: disable=invalid-name
        return OperationalError

    @property
    def ProgrammingError(self) -> typing.Type[ProgrammingError]:  # pylint: disable=invalid-name
        return ProgrammingError

    @property
    def IntegrityError(self) -> typing.Type[IntegrityError]:  # pylint: disable=invalid-name
        return IntegrityError

    @property
    def DataError(self) -> typing.Type[DataError]:  # pylint: disable=invalid-name
        return DataError

    @property
    def NotSupportedError(self) -> typing.Type[NotSupportedError]:  # pylint: disable=invalid-name
        return NotSupportedError


def connect(
    config: typing.Optional[Config] = None,
    *,
    dsn: str = "",
    user: typing.Optional[str] = None,
    password: typing.Optional[str] = None,
    host: typing.Optional[str] = None,
    port: typing.Optional[int] = None,
    cluster_name: typing.Optional[str] = None,
) -> Connection:
    """Connects to a cluster: with a :class:`Config`, a DSN, or keyword arguments.

    Args:
        config: A whole client configuration (alone).
        dsn: ``hz://[user:password@]host:port[?option=value&...]``; options are
            ``cluster.name``, ``cloud.token``, ``smart``, ``ssl``,
            ``ssl.ca.path``, ``ssl.cert.path``, ``ssl.key.path``,
            ``ssl.key.password``.
        user: User name to authenticate with.
        password: Password to authenticate with.
        host: Address of a member, ``localhost`` by default.
        port: Its port, ``5701`` by default.
        cluster_name: The cluster's name, ``dev`` by default.

    Returns:
        The connection.

    Raises:
        InterfaceError: If the arguments mix the three ways, or a DSN is invalid.
    """
    return Connection(
        _make_config(config, dsn=dsn, user=user, password=password, host=host, port=port, cluster_name=cluster_name)
    )


def _make_config(
    config: typing.Optional[Config],
    *,
    dsn: str,
    user: typing.Optional[str],
    password: typing.Optional[str],
    host: typing.Optional[str],
    port: typing.Optional[int],
    cluster_name: typing.Optional[str],
) -> Config:
    keywords_given = any(v is not None for v in (user, password, host, port, cluster_name))
    if config is not None:
        if not isinstance(config, Config):
            raise InterfaceError("config must be a hazelcast.config.Config, got %r" % (config,))
        if dsn or keywords_given:
            raise InterfaceError("config argument cannot be used with keyword arguments")
        return config
    if dsn:
        if keywords_given:
            raise InterfaceError("dsn argument cannot be used with other keyword arguments")
        return _parse_dsn(dsn)
    config = Config()
    config.cluster_members = ["%s:%s" % (host or "localhost", port or 5701)]
    if user is not None:
        config.creds_username = user
    if password is not None:
        config.creds_password = password
    if cluster_name is not None:
        config.cluster_name = cluster_name
    return config


def _boolean(text: str) -> bool:
    if text in ("true", "false"):
        return text == "true"
    raise ValueError("invalid boolean %r: must be true or false" % (text,))


# DSN query option -> (Config attribute, conversion of its text)
_DSN_OPTIONS: typing.Dict[str, typing.Tuple[str, typing.Callable[[str], typing.Any]]] = {
    "cluster.name": ("cluster_name", str),
    "cloud.token": ("cloud_discovery_token", str),
    "smart": ("smart_routing", _boolean),
    "ssl": ("ssl_enabled", _boolean),
    "ssl.ca.path": ("ssl_cafile", str),
    "ssl.cert.path": ("ssl_certfile", str),
    "ssl.key.path": ("ssl_keyfile", str),
    "ssl.key.password": ("ssl_password", str),
}


def _parse_dsn(dsn: str) -> Config:
    parsed = urllib.parse.urlparse(dsn)
    if parsed.scheme != "hz":
        raise InterfaceError("Scheme must be hz, but it is: %s" % parsed.scheme)
    config = Config()
    try:
        port = parsed.port
    except ValueError as e:
        raise InterfaceError("invalid port in DSN %r: %s" % (dsn, e)) from e
    config.cluster_members = ["%s:%s" % (parsed.hostname or "localhost", port or 5701)]
    if parsed.username:
        config.creds_username = urllib.parse.unquote(parsed.username)
    if parsed.password:
        config.creds_password = urllib.parse.unquote(parsed.password)
    for key, text in urllib.parse.parse_qsl(parsed.query):
        option = _DSN_OPTIONS.get(key)
        if option is None:
            raise InterfaceError("Unknown DSN attribute: %s" % key)
        attribute, convert = option
        try:
            setattr(config, attribute, convert(text))
        except ValueError as e:
            raise InterfaceError("invalid value %r for DSN attribute %s: %s" % (text, key, e)) from e
    return config
