using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace AfterSales.Disputes.EntityFrameworkCore.Sqlite;

/// <summary>
/// Sets every SQLite connection up as the engine expects: wait up to five seconds for a lock before
/// reporting busy (the store then retries the transaction), and <c>synchronous=NORMAL</c>, which is
/// durable in WAL mode across application crashes.
/// </summary>
/// <remarks>
/// The settings belong to SQLite's own connection, which the pool keeps open between uses, so they are set once
/// per SQLite connection rather than on every open (which every request does): that was a tenth of reading a
/// dispute.
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    // The SQLite connections already set up; an entry goes with its connection.
    private static readonly ConditionalWeakTable<sqlite3, object> s_configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsConfigured(connection))
        {
            return;
        }

        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Configured(connection);
    }

    private static bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && s_configured.TryGetValue(handle, out _);

    private static void Configured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            s_configured.AddOrUpdate(handle, s_configured);
        }
    }
}
