using Npgsql;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>
/// The PostgreSQL server named by <c>AFTERSALES_TEST_POSTGRES</c>. Without it a test skips with a message, unless
/// <c>AFTERSALES_TEST_REQUIRE_SERVICES</c> is true (CI), which fails it instead.
/// </summary>
public static class TestPostgres
{
    public static string ServerOrSkip()
    {
        if (Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES") is { Length: > 0 } server)
        {
            return server;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("AFTERSALES_TEST_REQUIRE_SERVICES"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("AFTERSALES_TEST_REQUIRE_SERVICES is true but AFTERSALES_TEST_POSTGRES names no PostgreSQL server.");
        }

        throw new SkipException("PostgreSQL is not configured: set AFTERSALES_TEST_POSTGRES to an Npgsql connection string of a login that may create databases (CI does).");
    }

    /// <summary>Drops a database a test created (its connections closed first).</summary>
    public static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
