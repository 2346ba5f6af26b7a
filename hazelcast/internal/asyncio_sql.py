"""The asyncio face of SQL: the same engine as :mod:`hazelcast.sql`, awaited.

``await client.sql.execute(...)`` gives an :class:`SqlResult` whose rows are read
with ``async for``; pages are fetched ahead exactly as for the threaded client.
"""

from __future__ import annotations

import typing

from hazelcast.sql import (
    HazelcastSqlError,
    SqlColumnMetadata,
    SqlColumnType,
    SqlExpectedResultType,
    SqlRow,
    SqlRowMetadata,
    _DEFAULT_CURSOR_BUFFER_SIZE,
    _TIMEOUT_NOT_SET,
)
from hazelcast.sql import SqlResult as _CoreResult

if typing.TYPE_CHECKING:
    from hazelcast.sql import _SqlEngine

__all__ = [
    "HazelcastSqlError",
    "SqlColumnMetadata",
    "SqlColumnType",
    "SqlExpectedResultType",
    "SqlResult",
    "SqlRow",
    "SqlRowMetadata",
    "SqlService",
]


class SqlResult(typing.AsyncIterable[SqlRow]):
    """The result of a statement: rows to read with ``async for``, or an update count.

    ::

        async with await client.sql.execute("SELECT ...") as result:
            async for row in result:
                print(row)

    Rows are iterated once. :meth:`close` cancels the query on the member if it
    still runs.
    """

    def __init__(self, result: _CoreResult):
        self._result = result

    def iterator(self) -> typing.AsyncIterator[SqlRow]:
        """Returns the asynchronous iterator over the rows.

        Raises:
            ValueError: If the result holds only an update count, or the rows
                were already iterated.
        """
        self._result._claim_rows()
        return self._rows()

    def __aiter__(self) -> typing.AsyncIterator[SqlRow]:
        return self.iterator()

    async def _rows(self) -> typing.AsyncIterator[SqlRow]:
        index = 0
        while True:
            page = await self._result._page(index)
            for row in page.rows:
                yield row
            if page.is_last:
                return
            index += 1

    def is_row_set(self) -> bool:
        """Returns whether this result has rows (rather than an update count)."""
        return self._result.is_row_set()

    def update_count(self) -> int:
        """Returns the number of rows the statement changed, ``-1`` for a row set."""
        return self._result.update_count()

    def get_row_metadata(self) -> SqlRowMetadata:
        """Returns the columns of the rows.

        Raises:
            ValueError: If the result holds only an update count.
        """
        return self._result.get_row_metadata()

    async def close(self) -> None:
        """Releases the query's resources on the member, cancelling it if it
        still runs. A no-op for an update count or a result read to its end.
        """
        await self._result.close()

    async def __aenter__(self) -> "SqlResult":
        return self

    async def __aexit__(self, exc_type: typing.Any, exc_value: typing.Any, traceback: typing.Any) -> None:
        await self.close()


class SqlService:
    """Runs SQL statements on the cluster (see :class:`hazelcast.sql.SqlService`)."""

    def __init__(self, engine: "_SqlEngine"):
        self._engine = engine

    async def execute(
        self,
        sql: str,
        *params: typing.Any,
        cursor_buffer_size: int = _DEFAULT_CURSOR_BUFFER_SIZE,
        timeout: float = _TIMEOUT_NOT_SET,
        expected_result_type: int = SqlExpectedResultType.ANY,
        schema: typing.Optional[str] = None,
    ) -> SqlResult:
        """Executes an SQL statement.

        Args:
            sql: The statement. ``?`` placeholders in it take the ``params`` in
                order.
            *params: Values of the statement's placeholders.
            cursor_buffer_size: Rows per page the member sends (positive).
            timeout: Execution timeout in seconds: ``0`` for none, ``-1`` to use
                the member's configured default.
            expected_result_type: A :class:`SqlExpectedResultType` value (or its
                name).
            schema: Schema in which unqualified object names are looked up
                first; ``None`` for the default search path.

        Returns:
            The result, once the member has sent the first page or the update count.

        Raises:
            HazelcastSqlError: If the statement failed.
        """
        result = await self._engine.execute(sql, params, cursor_buffer_size, timeout, expected_result_type, schema)
        return SqlResult(result)
