using System.Data.Common;
using AfterSales.Disputes.EntityFrameworkCore.Store;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Disputes.EntityFrameworkCore.PostgreSql;

/// <summary>
/// Adds PostgreSQL's locking clause to the queries the store tags with a <see cref="RowLocks"/> tag (EF writes
/// a query's tags as comment lines ahead of it), so the stores stay LINQ and free of provider SQL.
/// </summary>
internal sealed class RowLockInterceptor : DbCommandInterceptor
{
    private static readonly string s_skipLocked = "-- " + RowLocks.SkipLockedTag;
    private static readonly string s_hold = "-- " + RowLocks.HoldTag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        AddLockingClause(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        AddLockingClause(command);
        return ValueTask.FromResult(result);
    }

    private static void AddLockingClause(DbCommand command)
    {
        var sql = command.CommandText;
        if (sql.StartsWith(s_skipLocked, StringComparison.Ordinal))
        {
            command.CommandText = sql.TrimEnd().TrimEnd(';') + " FOR UPDATE SKIP LOCKED";
        }
        else if (sql.StartsWith(s_hold, StringComparison.Ordinal))
        {
            command.CommandText = sql.TrimEnd().TrimEnd(';') + " FOR UPDATE";
        }
    }
}
