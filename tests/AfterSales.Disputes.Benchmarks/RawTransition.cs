using Microsoft.Data.Sqlite;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// B2: raw ADO.NET executing exactly the statements one persisted transition needs, in one transaction, on the
/// engine's own schema and data: read the dispute's new events, update the changed columns of its summary row with
/// the version check, replace its deadline, append the event and its outbox row. Values are copied from the rows the engine wrote
/// while seeding, so row sizes match.
/// </summary>
internal sealed class RawTransition : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, object[]> _summaries = [];
    private readonly Dictionary<string, object[]> _deadlines = [];
    private readonly Dictionary<string, int> _versions = [];
    private readonly Dictionary<string, int> _read = [];
    private object[] _event = [];
    private object[] _outbox = [];
    private string[] _summaryColumns = [], _eventColumns = [], _deadlineColumns = [], _outboxColumns = [];
    private long _outboxIds;
    private long _lastPosition;

    private RawTransition(SqliteConnection connection) => _connection = connection;

    public static async Task<RawTransition> OpenAsync(string file, IReadOnlyList<string> disputeIds)
    {
        var raw = new RawTransition(await RawSqlite.OpenAsync(file, "NORMAL"));
        raw._summaryColumns = await raw.ColumnsAsync("Disputes");
        raw._eventColumns = await raw.ColumnsAsync("DisputeEvents");
        raw._deadlineColumns = await raw.ColumnsAsync("Deadlines");
        raw._outboxColumns = await raw.ColumnsAsync("Outbox");
        foreach (var id in disputeIds)
        {
            raw._summaries[id] = (await raw.RowsAsync("SELECT * FROM \"Disputes\" WHERE \"Id\" = $id", id)).Single();
            raw._deadlines[id] = (await raw.RowsAsync("SELECT * FROM \"Deadlines\" WHERE \"DisputeId\" = $id", id)).Single();
            raw._versions[id] = Convert.ToInt32(raw._summaries[id][Array.IndexOf(raw._summaryColumns, "Version")], System.Globalization.CultureInfo.InvariantCulture);
        }

        raw._event = (await raw.RowsAsync("SELECT * FROM \"DisputeEvents\" WHERE \"DisputeId\" = $id", disputeIds[0])).Last();
        raw._outbox = (await raw.RowsAsync("SELECT * FROM \"Outbox\" WHERE \"DisputeId\" = $id", disputeIds[0])).Last();
        await using (var last = raw._connection.CreateCommand())
        {
            last.CommandText = "SELECT COALESCE(MAX(\"Position\"), 0) FROM \"DisputeEvents\"";
            raw._lastPosition = Convert.ToInt64(await last.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return raw;
    }

    /// <summary>One transition of <paramref name="disputeId"/>, as the engine's store would persist it.</summary>
    public async Task RunAsync(string disputeId)
    {
        var version = _versions[disputeId];
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        // Like the engine, read only the events appended since this timeline was last read (the engine keeps
        // the ones it read; see TimelineCache).
        _ = await RowsAsync("SELECT * FROM \"DisputeEvents\" WHERE \"DisputeId\" = $id AND \"Sequence\" > $after ORDER BY \"Sequence\"",
            disputeId, transaction, _read.GetValueOrDefault(disputeId));

        // A message changes two columns of the summary, and the engine sets only the columns that changed.
        var updated = await ExecuteAsync(transaction, "UPDATE \"Disputes\" SET \"UpdatedAt\" = $updated, \"Version\" = $version WHERE \"Id\" = $id AND \"Version\" = $expected RETURNING \"Id\"",
            [("$updated", _summaries[disputeId][Array.IndexOf(_summaryColumns, "UpdatedAt")]), ("$version", version + 1), ("$id", disputeId), ("$expected", version)]);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The raw transition lost its version check on {disputeId}.");
        }

        await ExecuteAsync(transaction, "DELETE FROM \"Deadlines\" WHERE \"DisputeId\" IN ($id)", [("$id", disputeId)]);
        var appended = (object[])_event.Clone();
        appended[Array.IndexOf(_eventColumns, "DisputeId")] = disputeId;
        appended[Array.IndexOf(_eventColumns, "Sequence")] = version + 1;
        appended[Array.IndexOf(_eventColumns, "Position")] = ++_lastPosition; // the one writer numbers the feed
        await InsertAsync(transaction, "DisputeEvents", _eventColumns, appended);
        await InsertAsync(transaction, "Deadlines", _deadlineColumns, _deadlines[disputeId]);
        var outbox = (object[])_outbox.Clone();
        outbox[Array.IndexOf(_outboxColumns, "Id")] = $"raw-{++_outboxIds}";
        await InsertAsync(transaction, "Outbox", _outboxColumns, outbox);
        await transaction.CommitAsync();
        _versions[disputeId] = version + 1;
        _read[disputeId] = version;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private Task<int> InsertAsync(SqliteTransaction transaction, string table, string[] columns, object[] values) =>
        ExecuteAsync(transaction, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})",
            [.. columns.Select((c, i) => ("$" + c, values[i]))]);

    private async Task<int> ExecuteAsync(SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private async Task<string[]> ColumnsAsync(string table)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return [.. columns];
    }

    private async Task<List<object[]>> RowsAsync(string sql, string disputeId, SqliteTransaction? transaction = null, int after = 0)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", disputeId);
        command.Parameters.AddWithValue("$after", after);
        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
