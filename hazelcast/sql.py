"""SQL queries over the cluster's data: :class:`SqlService` and its results.

A statement is sent to one data member; the member answers with the first page
of rows (or an update count), and the client fetches the next pages from the
same member as it consumes them. The next page is asked for as soon as one
arrives, so that the member prepares it while the caller reads the current one.
"""

from __future__ import annotations

import random
import threading
import typing
import uuid

from hazelcast.errors import HazelcastError
from hazelcast.future import Future, ImmediateExceptionFuture, ImmediateFuture
from hazelcast.invocation import Invocation
from hazelcast.protocol.codec import sql_close_codec, sql_execute_codec, sql_fetch_codec
from hazelcast.protocol.codec.custom.sql_query_id_codec import SqlQueryId

if typing.TYPE_CHECKING:
    from hazelcast.transport import Connection
    from hazelcast.protocol.builtin import SqlPage
    from hazelcast.protocol.codec.custom.sql_column_metadata_codec import SqlColumnMetadata as _ColumnHolder
    from hazelcast.protocol.codec.custom.sql_error_codec import SqlError
    from hazelcast.proxy.context import ClientContext

_TIMEOUT_NOT_SET = -1
_DEFAULT_CURSOR_BUFFER_SIZE = 4096


class SqlExpectedResultType:
    """The kind of result a statement is expected to produce."""

    ANY = 0
    """Either rows or an update count."""

    ROWS = 1
    """Rows; a statement giving an update count fails."""

    UPDATE_COUNT = 2
    """An update count; a statement giving rows fails."""


class SqlColumnType:
    """SQL column types, with the Python type their values are given as."""

    VARCHAR = 0
    """``str``"""

    BOOLEAN = 1
    """``bool``"""

    TINYINT = 2
    """``int`` (8 bits)"""

    SMALLINT = 3
    """``int`` (16 bits)"""

    INTEGER = 4
    """``int`` (32 bits)"""

    BIGINT = 5
    """``int`` (64 bits)"""

    DECIMAL = 6
    """``decimal.Decimal``"""

    REAL = 7
    """``float`` (single precision on the member)"""

    DOUBLE = 8
    """``float``"""

    DATE = 9
    """``datetime.date``"""

    TIME = 10
    """``datetime.time``"""

    TIMESTAMP = 11
    """``datetime.datetime`` without a time zone"""

    TIMESTAMP_WITH_TIME_ZONE = 12
    """``datetime.datetime`` with a fixed-offset time zone"""

    OBJECT = 13
    """Any object the client can deserialize."""

    NULL = 14
    """The type of the ``NULL`` literal: values are always ``None``."""

    JSON = 15
    """:class:`hazelcast.core.HazelcastJsonValue`"""


class _SqlErrorCode:
    # The member's error codes (a HazelcastSqlError keeps the one it came with).
    GENERIC = -1
    CONNECTION_PROBLEM = 1001
    CANCELLED_BY_USER = 1003
    TIMEOUT = 1004
    PARTITION_DISTRIBUTION = 1005
    MAP_LOADING_IN_PROGRESS = 1007
    PARSING = 1008
    INDEX_INVALID = 1009
    OBJECT_NOT_FOUND = 1010
    DATA_EXCEPTION = 2000


class HazelcastSqlError(HazelcastError):
    """An error in the execution of an SQL statement.

    Args:
        originating_member_uuid: The member where the error happened (the
            client's own UUID for errors raised in the client).
        code: The error code, as the member reports it.
        message: What went wrong.
        cause: The error that caused this one, if any.
        suggestion: A statement the member suggests instead, if any.
    """

    def __init__(
        self,
        originating_member_uuid: typing.Optional[uuid.UUID],
        code: int,
        message: typing.Optional[str],
        cause: typing.Optional[BaseException],
        suggestion: typing.Optional[str] = None,
    ):
        super().__init__(message, cause)
        self._originating_member_uuid = originating_member_uuid
        self._code = code
        self._suggestion = suggestion

    @property
    def originating_member_uuid(self) -> typing.Optional[uuid.UUID]:
        """UUID of the member that caused or initiated the error."""
        return self._originating_member_uuid

    @property
    def suggestion(self) -> typing.Optional[str]:
        """A statement suggested to remedy the error, or ``None``."""
        return self._suggestion


class SqlColumnMetadata:
    """Name, type and nullability of one result column."""

    __slots__ = ("_name", "_type", "_nullable")

    def __init__(self, name: str, column_type: int, nullable: bool, is_nullable_exists: bool = True):
        self._name = name
        self._type = column_type
        # Members before 4.2 did not send nullability: every column may be null then.
        self._nullable = nullable if is_nullable_exists else True

    @property
    def name(self) -> str:
        """Name of the column."""
        return self._name

    @property
    def type(self) -> int:
        """Type of the column, a :class:`SqlColumnType` value."""
        return self._type

    @property
    def nullable(self) -> bool:
        """``True`` if values of this column may be ``None``."""
        return self._nullable

    def __repr__(self) -> str:
        return "%s %s" % (self._name, _type_name(self._type))


def _type_name(column_type: int) -> str:
    for name, value in vars(SqlColumnType).items():
        if value == column_type and not name.startswith("_"):
            return name
    return str(column_type)


class SqlRowMetadata:
    """The columns of a row set."""

    COLUMN_NOT_FOUND = -1
    """Returned by :meth:`find_column` for a name no column has."""

    __slots__ = ("_columns", "_name_to_index")

    def __init__(self, columns: typing.List[SqlColumnMetadata]):
        self._columns = columns
        self._name_to_index = {column.name: index for index, column in enumerate(columns)}

    @property
    def columns(self) -> typing.List[SqlColumnMetadata]:
        """The columns, in the order of the statement's select list."""
        return self._columns

    @property
    def column_count(self) -> int:
        """Number of columns."""
        return len(self._columns)

    def get_column(self, index: int) -> SqlColumnMetadata:
        """Returns the metadata of the column at ``index``.

        Args:
            index: Zero-based column index.

        Raises:
            IndexError: If the index is out of range.
            AssertionError: If the index is not an int.
        """
        if not isinstance(index, int):
            raise AssertionError("index must be an integer")
        return self._columns[index]

    def find_column(self, column_name: str) -> int:
        """Returns the index of the column named ``column_name``, or
        :const:`COLUMN_NOT_FOUND` if there is none.

        Raises:
            AssertionError: If the column name is not a string.
        """
        if not isinstance(column_name, str):
            raise AssertionError("Column name must be a string")
        return self._name_to_index.get(column_name, SqlRowMetadata.COLUMN_NOT_FOUND)

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(repr(column) for column in self._columns)


class SqlRow:
    """One row of a result.

    Values are read by column name with :meth:`get_object`, by index with
    :meth:`get_object_with_index`, or with ``row[name]`` / ``row[index]``.
    """

    __slots__ = ("_row_metadata", "_row")

    def __init__(self, row_metadata: SqlRowMetadata, row: typing.List[typing.Any]):
        self._row_metadata = row_metadata
        self._row = row

    def get_object(self, column_name: str) -> typing.Any:
        """Returns the value of the column named ``column_name``.

        Raises:
            ValueError: If there is no such column.
            AssertionError: If the column name is not a string.
        """
        index = self._row_metadata.find_column(column_name)
        if index == SqlRowMetadata.COLUMN_NOT_FOUND:
            raise ValueError("Column '%s' doesn't exist" % column_name)
        return self._row[index]

    def get_object_with_index(self, column_index: int) -> typing.Any:
        """Returns the value of the column at ``column_index``.

        Raises:
            IndexError: If the index is out of range.
            AssertionError: If the index is not an int.
        """
        if not isinstance(column_index, int):
            raise AssertionError("Column index must be an integer")
        return self._row[column_index]

    @property
    def metadata(self) -> SqlRowMetadata:
        """The row's columns."""
        return self._row_metadata

    def __getitem__(self, item: typing.Union[int, str]) -> typing.Any:
        if isinstance(item, int):
            return self._row[item]
        return self.get_object(item)

    def __len__(self) -> int:
        return len(self._row)

    def __repr__(self) -> str:
        return "[%s]" % ", ".join(
            "%s %s=%r" % (column.name, _type_name(column.type), value)
            for column, value in zip(self._row_metadata.columns, self._row)
        )


class _Page:
    """The rows of one page and whether more follow."""

    __slots__ = ("rows", "is_last")

    def __init__(self, rows: typing.List[SqlRow], is_last: bool):
        self.rows = rows
        self.is_last = is_last


_END = _Page([], True)


class SqlResult(typing.Iterable[SqlRow]):
    """The result of a statement: a stream of rows or an update count.

    Iterate over it to read the rows, waiting for each page as needed::

        with client.sql.execute("SELECT ...").result() as result:
            for row in result:
                print(row)

    Or without blocking: :meth:`iterator` gives Futures of the rows, one at a
    time; a Future failing with ``StopIteration`` marks the end.

    :meth:`update_count` gives the number of rows a DML statement changed.
    :meth:`close` cancels the query on the member if it still runs; results are
    also closed when the last page is read.

    Rows are iterated once: a second iterator is refused.
    """

    def __init__(
        self,
        engine: "_SqlEngine",
        connection: "Connection",
        query_id: SqlQueryId,
        cursor_buffer_size: int,
        row_metadata: typing.Optional[SqlRowMetadata],
        first_page: typing.Optional[_Page],
        update_count: int,
    ):
        self._engine = engine
        self._connection = connection
        self._query_id = query_id
        self._cursor_buffer_size = cursor_buffer_size
        self._row_metadata = row_metadata
        self._update_count = update_count
        self._lock = threading.Lock()
        self._iterated = False
        # Pages received or asked for, oldest first; a Future each.
        self._pages: typing.List[Future[_Page]] = []
        self._closed = first_page is None or first_page.is_last
        self._close_future: typing.Optional[Future[None]] = None
        if first_page is not None:
            self._pages.append(ImmediateFuture(first_page))
            if not first_page.is_last:
                self._fetch_next()

    # -- what the member sent --------------------------------------------------

    def is_row_set(self) -> bool:
        """Returns whether this result has rows (rather than an update count)."""
        return self._row_metadata is not None

    def update_count(self) -> int:
        """Returns the number of rows the statement changed, ``-1`` if this result
        is a row set, or ``0`` if the statement changes no rows (such as DDL).
        """
        return self._update_count

    def get_row_metadata(self) -> SqlRowMetadata:
        """Returns the columns of the rows.

        Raises:
            ValueError: If the result holds only an update count.
        """
        if self._row_metadata is None:
            raise ValueError("This result contains only update count")
        return self._row_metadata

    # -- iteration ---------------------------------------------------------------

    def iterator(self) -> typing.Iterator[Future[SqlRow]]:
        """Returns an iterator giving a Future per row.

        A row's Future completes once its page has arrived. After the last row,
        the next Future fails with ``StopIteration`` and ``next()`` on the
        iterator raises ``StopIteration`` afterwards.

        Raises:
            ValueError: If the result holds only an update count, or the rows
                were already iterated.
        """
        self._claim_rows()
        return _FutureRowIterator(self)

    def __iter__(self) -> typing.Iterator[SqlRow]:
        self._claim_rows()
        return self._blocking_rows()

    def _blocking_rows(self) -> typing.Iterator[SqlRow]:
        index = 0
        while True:
            page = self._page(index).result()
            yield from page.rows
            if page.is_last:
                return
            index += 1

    def _claim_rows(self) -> None:
        if self._row_metadata is None:
            raise ValueError("This result contains only update count")
        with self._lock:
            if self._iterated:
                raise ValueError("Iterator of this result can be requested only once")
            self._iterated = True

    def _page(self, index: int) -> Future[_Page]:
        # Pages are read in order: once a page is taken, the ones before it are dropped.
        with self._lock:
            if index > 0 and self._pages:
                del self._pages[0]
            if self._pages:
                return self._pages[0]
        return ImmediateFuture(_END)

    def _fetch_next(self) -> None:
        # Asks for the page after the last one asked for; called with the previous page in hand.
        page_future: Future[_Page] = Future()
        with self._lock:
            if self._close_future is not None:
                return
            self._pages.append(page_future)
        fetched = self._engine.fetch(self._connection, self._query_id, self._cursor_buffer_size, self._row_metadata)

        def arrived(done: Future[_Page]) -> None:
            error = done.exception()
            if error is not None:
                with self._lock:
                    self._closed = True
                page_future.set_exception(error)
                return
            page = done.result()
            if page.is_last:
                with self._lock:
                    self._closed = True
            else:
                self._fetch_next()
            page_future.set_result(page)

        fetched._add_inline_callback(arrived)

    # -- closing -------------------------------------------------------------------

    def close(self) -> Future[None]:
        """Releases the query's resources on the member, cancelling it if it
        still runs. A no-op for an update count or a result read to its end.

        Rows not yet read are lost: iterating further fails with a
        :class:`HazelcastSqlError` saying the query was cancelled.

        Returns:
            Future that completes when the member has closed the query; it fails
            with :class:`HazelcastSqlError` if closing failed.
        """
        with self._lock:
            if self._close_future is not None:
                return self._close_future
            already_closed = self._closed
            self._closed = True
            pending = [page for page in self._pages if not page.done()]
            self._pages = [page for page in self._pages if page.done() and page.is_success()]
            cancelled = self._engine.cancelled_error()
            if not already_closed:
                # Readers past the received pages learn that the query is gone.
                self._pages.append(ImmediateExceptionFuture(cancelled))
            self._close_future = (
                ImmediateFuture(None)
                if already_closed
                else self._engine.close(self._connection, self._query_id)
            )
        for page in pending:
            if not page.done():
                page.set_exception(cancelled)
        return self._close_future

    def __enter__(self) -> "SqlResult":
        return self

    def __exit__(self, exc_type: typing.Any, exc_value: typing.Any, traceback: typing.Any) -> None:
        self.close().result()


class _FutureRowIterator(typing.Iterator[Future[SqlRow]]):
    """Gives a Future per row; the rows of a received page come at once."""

    def __init__(self, result: SqlResult):
        self._result = result
        self._page_index = 0
        self._rows: typing.Iterator[SqlRow] = iter(())
        self._page_is_last = False
        self._exhausted = False
        self._waiting: typing.Optional[Future[SqlRow]] = None

    def __iter__(self) -> "_FutureRowIterator":
        return self

    def __next__(self) -> Future[SqlRow]:
        if self._exhausted:
            raise StopIteration
        if self._waiting is not None and not self._waiting.done():
            raise AssertionError("the previous row's Future has not completed yet")
        for row in self._rows:
            return ImmediateFuture(row)
        if self._page_is_last:
            self._exhausted = True
            return ImmediateExceptionFuture(StopIteration())
        page_future = self._result._page(self._page_index)
        self._page_index += 1
        row_future: Future[SqlRow] = Future()
        self._waiting = row_future

        def arrived(done: Future[_Page]) -> None:
            error = done.exception()
            if error is not None:
                self._exhausted = True
                row_future.set_exception(error)
                return
            page = done.result()
            self._rows = iter(page.rows)
            self._page_is_last = page.is_last
            for row in self._rows:
                row_future.set_result(row)
                return
            if page.is_last:
                self._exhausted = True
                row_future.set_exception(StopIteration())
                return
            # An empty page that is not the last: wait for the next.
            page_future_next = self._result._page(self._page_index)
            self._page_index += 1
            page_future_next.add_done_callback(arrived)

        page_future.add_done_callback(arrived)
        return row_future


class SqlService:
    """Runs SQL statements on the cluster.

    The members must have the SQL engine (the ``hazelcast-sql`` module) on
    their classpath, and mappings must be created for the data queried.

    Rows are fetched in pages of at most ``cursor_buffer_size`` rows; a result
    holds its member-side cursor until it is read to its end or closed.
    """

    def __init__(self, engine: "_SqlEngine"):
        self._engine = engine

    def execute(
        self,
        sql: str,
        *params: typing.Any,
        cursor_buffer_size: int = _DEFAULT_CURSOR_BUFFER_SIZE,
        timeout: float = _TIMEOUT_NOT_SET,
        expected_result_type: int = SqlExpectedResultType.ANY,
        schema: typing.Optional[str] = None,
    ) -> Future[SqlResult]:
        """Executes an SQL statement.

        Args:
            sql: The statement. ``?`` placeholders in it take the ``params`` in
                order.
            *params: Values of the statement's placeholders.
            cursor_buffer_size: Rows per page the member sends (positive). A
                larger page costs memory and gains some throughput.
            timeout: Execution timeout in seconds: ``0`` for none, ``-1`` to use
                the member's configured default.
            expected_result_type: A :class:`SqlExpectedResultType` value (or its
                name).
            schema: Schema in which unqualified object names are looked up
                first; ``None`` for the default search path.

        Returns:
            Future of the :class:`SqlResult`, completed when the member has
            sent the first page or the update count.

        Raises:
            HazelcastSqlError: The statement failed (through the Future).
            AssertionError: If ``sql`` or ``schema`` is not a string, ``timeout``
                is not a number or ``cursor_buffer_size`` is not an int.
            ValueError: If ``sql`` is empty, ``timeout`` is negative other than
                ``-1`` or ``cursor_buffer_size`` is not positive.
            TypeError: If ``expected_result_type`` is not a known value or name.
        """
        return self._engine.execute(sql, params, cursor_buffer_size, timeout, expected_result_type, schema)


def _check_statement(
    sql: typing.Any,
    cursor_buffer_size: typing.Any,
    timeout: typing.Any,
    expected_result_type: typing.Any,
    schema: typing.Any,
) -> typing.Tuple[int, int]:
    """Validates the arguments of execute; returns (timeout in ms, result type)."""
    if not isinstance(sql, str):
        raise AssertionError("SQL must be a string, got %r" % (sql,))
    if not sql.strip():
        raise ValueError("SQL cannot be empty")
    if schema is not None and not isinstance(schema, str):
        raise AssertionError("schema must be a string or None, got %r" % (schema,))
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise AssertionError("timeout must be an integer or float, got %r" % (timeout,))
    if timeout < 0 and timeout != _TIMEOUT_NOT_SET:
        raise ValueError("timeout must be non-negative or -1, got %r" % (timeout,))
    if isinstance(cursor_buffer_size, bool) or not isinstance(cursor_buffer_size, int):
        raise AssertionError("cursor_buffer_size must be an integer, got %r" % (cursor_buffer_size,))
    if cursor_buffer_size <= 0:
        raise ValueError("cursor_buffer_size must be positive, got %r" % (cursor_buffer_size,))
    result_type = _result_type_value(expected_result_type)
    timeout_millis = -1 if timeout == _TIMEOUT_NOT_SET else int(timeout * 1000)
    return timeout_millis, result_type


def _result_type_value(value: typing.Any) -> int:
    names = {name: v for name, v in vars(SqlExpectedResultType).items() if not name.startswith("_")}
    if isinstance(value, str) and value.upper() in names:
        return names[value.upper()]
    if isinstance(value, int) and not isinstance(value, bool) and value in names.values():
        return value
    raise TypeError(
        "invalid value %r for 'expected_result_type': must be one of %s or their names"
        % (value, sorted(names.values()))
    )


def _query_id(member_uuid: uuid.UUID) -> SqlQueryId:
    # The member part names the member that runs the query; the local part is random.
    local = uuid.uuid4().int
    member = member_uuid.int
    return SqlQueryId(
        _signed64(member >> 64), _signed64(member & 0xFFFFFFFFFFFFFFFF),
        _signed64(local >> 64), _signed64(local & 0xFFFFFFFFFFFFFFFF),
    )


def _signed64(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


class _SqlEngine:
    """Sends the statements, fetches and closes of one client's SQL results."""

    def __init__(self, context: "ClientContext"):
        self._context = context
        self._to_object = context.serialization_service.to_object
        self._to_data = context.serialization_service.to_data
        self._invocation_service = context.invocation_service

    def execute(
        self,
        sql: str,
        params: typing.Sequence[typing.Any],
        cursor_buffer_size: int,
        timeout: float,
        expected_result_type: typing.Any,
        schema: typing.Optional[str],
    ) -> Future[SqlResult]:
        timeout_millis, result_type = _check_statement(sql, cursor_buffer_size, timeout, expected_result_type, schema)
        from hazelcast.compact import run_with_schemas

        def send() -> Future[SqlResult]:
            parameters = [self._to_data(param) for param in params]
            return self._send_execute(sql, parameters, timeout_millis, cursor_buffer_size, schema, result_type)

        return run_with_schemas(self._context.compact_schema_service, send)

    def _send_execute(
        self,
        sql: str,
        parameters: typing.List[typing.Any],
        timeout_millis: int,
        cursor_buffer_size: int,
        schema: typing.Optional[str],
        result_type: int,
    ) -> Future[SqlResult]:
        connection = self._query_connection()
        if connection is None:
            return ImmediateExceptionFuture(
                HazelcastSqlError(
                    self._client_uuid(), _SqlErrorCode.CONNECTION_PROBLEM,
                    "Client is not connected to a data member of the cluster", None,
                )
            )
        member_uuid = connection.remote_uuid
        assert member_uuid is not None  # active connections are authenticated
        query_id = _query_id(member_uuid)
        request = sql_execute_codec.encode_request(
            sql, parameters, timeout_millis, cursor_buffer_size, schema, result_type, query_id, False
        )

        def decode(message: typing.Any) -> SqlResult:
            response = sql_execute_codec.decode_response(message)
            error = response["error"]
            if error is not None:
                raise self._member_error(error)
            metadata = response["row_metadata"]
            if metadata is None:
                return SqlResult(self, connection, query_id, cursor_buffer_size, None, None, response["update_count"])
            row_metadata = SqlRowMetadata([_column(holder) for holder in metadata])
            page = self._rows(response["row_page"], row_metadata)
            return SqlResult(self, connection, query_id, cursor_buffer_size, row_metadata, page, -1)

        invocation = Invocation(request, connection=connection, response_handler=decode)
        self._invocation_service.invoke(invocation)
        return invocation.future.continue_with(self._wrap_errors, connection)

    def fetch(
        self,
        connection: "Connection",
        query_id: SqlQueryId,
        cursor_buffer_size: int,
        row_metadata: typing.Optional[SqlRowMetadata],
    ) -> Future[_Page]:
        assert row_metadata is not None
        request = sql_fetch_codec.encode_request(query_id, cursor_buffer_size)

        def decode(message: typing.Any) -> _Page:
            response = sql_fetch_codec.decode_response(message)
            error = response["error"]
            if error is not None:
                raise self._member_error(error)
            return self._rows(response["row_page"], row_metadata)

        invocation = Invocation(request, connection=connection, response_handler=decode)
        self._invocation_service.invoke(invocation)
        return invocation.future.continue_with(self._wrap_errors, connection)

    def close(self, connection: "Connection", query_id: SqlQueryId) -> Future[None]:
        invocation = Invocation(sql_close_codec.encode_request(query_id), connection=connection)
        self._invocation_service.invoke(invocation)

        def closed(done: Future[typing.Any]) -> None:
            self._wrap_errors(done, connection)

        return invocation.future.continue_with(closed)

    def cancelled_error(self) -> HazelcastSqlError:
        return HazelcastSqlError(
            self._client_uuid(), _SqlErrorCode.CANCELLED_BY_USER, "Query was cancelled by the user", None
        )

    # -- helpers -----------------------------------------------------------------

    def _rows(self, page: typing.Optional["SqlPage"], row_metadata: SqlRowMetadata) -> _Page:
        if page is None:
            return _Page([], True)
        columns = page.columns
        to_object = self._to_object
        for index, type_id in enumerate(page.column_type_ids):
            if type_id == SqlColumnType.OBJECT:
                # Deserialized here, in the response handler, so that a Compact
                # schema the client lacks is fetched before the rows are handed out.
                columns[index] = [None if value is None else to_object(value) for value in columns[index]]
        rows = [SqlRow(row_metadata, list(values)) for values in zip(*columns)] if columns else []
        return _Page(rows, page.is_last)

    def _query_connection(self) -> typing.Optional["Connection"]:
        # Lite members hold no data and cannot run queries: prefer data members.
        manager = self._context.connection_manager
        connections = list(manager.active_connections.items())
        if not connections:
            return None
        data_members = set()
        for member in self._context.cluster_service.get_members():
            if not member.lite_member:
                data_members.add(member.uuid)
        preferred = [connection for member_uuid, connection in connections if member_uuid in data_members]
        return random.choice(preferred or [connection for _, connection in connections])

    def _client_uuid(self) -> typing.Optional[uuid.UUID]:
        return self._context.connection_manager.client_uuid

    def _member_error(self, error: "SqlError") -> HazelcastSqlError:
        return HazelcastSqlError(error.originating_member_id, error.code, error.message, None, error.suggestion)

    def _wrap_errors(self, done: Future[typing.Any], connection: "Connection") -> typing.Any:
        error = done.exception()
        if error is None:
            return done.result()
        if isinstance(error, HazelcastSqlError):
            raise error
        if not connection.live:
            raise HazelcastSqlError(
                self._client_uuid(), _SqlErrorCode.CONNECTION_PROBLEM,
                "Cluster topology changed while a query was executed: member cannot be reached: %s"
                % (connection.remote_address,), error,
            )
        raise HazelcastSqlError(self._client_uuid(), _SqlErrorCode.GENERIC, str(error), error)


def _column(holder: "_ColumnHolder") -> SqlColumnMetadata:
    return SqlColumnMetadata(holder.name, holder.type, holder.nullable)

