using Microsoft.Data.Sqlite;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// Multiplies the disputes the engine seeded (<c>dsp-i</c> on <c>order-i</c> of <c>store-bench</c>) in SQL, so that
/// E5 and E7 get many disputes in seconds rather than hours. Copy <c>k</c> of a dispute gets the ids
/// <c>dsp-i-k</c> and <c>order-i-k</c>, in its summary row, its deadline and inside its events' details, so the
/// engine loads copies exactly as it loads the originals.
/// </summary>
internal static class SeedCopies
{
    /// <summary>
    /// Copies the <paramref name="seeded"/> disputes of <paramref name="file"/> until about <paramref name="count"/>
    /// exist. With <paramref name="stores"/> above one, the copies are spread over that many stores
    /// (<c>store-bench</c> keeps every <paramref name="stores"/>-th), as a marketplace's disputes are spread over its sellers.
    /// </summary>
    public static async Task MultiplyAsync(string file, int seeded, int count, int stores = 1)
    {
        var copies = (count + seeded - 1) / seeded - 1;
        var store = stores == 1 ? "\"StoreId\"" : $"CASE WHEN k % {stores} = 0 THEN \"StoreId\" ELSE \"StoreId\" || '-' || (k % {stores}) END";
        var storeInData = stores == 1 ? "\"Data\"" : $"REPLACE(\"Data\", '\"{Marketplace.Store}\"', '\"' || CASE WHEN k % {stores} = 0 THEN '{Marketplace.Store}' ELSE '{Marketplace.Store}-' || (k % {stores}) END || '\"')";
        await using var connection = await RawSqlite.OpenAsync(file, "NORMAL");
        await RawSqlite.ExecuteAsync(connection, "BEGIN");
        await CopyAsync(connection, "Disputes", copies, new() { ["Id"] = "\"Id\" || '-' || k", ["OrderId"] = "\"OrderId\" || '-' || k", ["StoreId"] = store });

        // Event details name their dispute, order and store ("dsp-7", "order-7", "store-bench"): the copies name theirs.
        // Each copy's events take feed positions after the originals' and the copies' before it.
        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT COALESCE(MAX(\"Position\"), 0) FROM \"DisputeEvents\"";
        var positions = Convert.ToInt64(await last.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await CopyAsync(connection, "DisputeEvents", copies, new()
        {
            ["DisputeId"] = "\"DisputeId\" || '-' || k",
            ["Position"] = $"\"Position\" + k * {positions}",
            ["Data"] = $"REPLACE(REPLACE({storeInData}, '\"' || \"DisputeId\" || '\"', '\"' || \"DisputeId\" || '-' || k || '\"'), "
                + "'\"order-' || SUBSTR(\"DisputeId\", 5) || '\"', '\"order-' || SUBSTR(\"DisputeId\", 5) || '-' || k || '\"')",
        });
        await CopyAsync(connection, "Deadlines", copies, new() { ["DisputeId"] = "\"DisputeId\" || '-' || k" });
        await RawSqlite.ExecuteAsync(connection, "COMMIT");
        await RawSqlite.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
    }

    // Copies every row of a table `copies` times, rewriting the key columns with the copy number k.
    private static async Task CopyAsync(SqliteConnection connection, string table, int copies, Dictionary<string, string> rewrite)
    {
        await using var columns = connection.CreateCommand();
        columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var names = new List<string>();
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var select = string.Join(", ", names.Select(n => rewrite.GetValueOrDefault(n, $"\"{n}\"")));
        await RawSqlite.ExecuteAsync(connection, $"""
            WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < {copies})
            INSERT INTO "{table}" SELECT {select} FROM "{table}", copies WHERE {copies} > 0
            """);
    }
}
