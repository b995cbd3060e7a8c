using AfterSales.Disputes.Application;
using Npgsql;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Support;

/// <summary>A throwaway database for one test: a SQLite file, or a PostgreSQL database created and dropped.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract void Configure(AfterSalesBuilder builder);

    public abstract ValueTask DisposeAsync();

    public static TestDatabase Create(string provider) => provider switch
    {
        "sqlite" => new SqliteTestDatabase(),
        "postgres" => PostgresTestDatabase.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

/// <summary>A SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-tests", Guid.NewGuid().ToString("N"))).FullName;

    public override string Provider => "sqlite";

    public string File => Path.Combine(_folder, "aftersales.db");

    public override void Configure(AfterSalesBuilder builder) => builder.UseSqlite($"Data Source={File};Pooling=False");

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is cleaned up by the OS eventually.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh PostgreSQL database on the server named by <c>AFTERSALES_TEST_POSTGRES</c>. Without that
/// variable the test is skipped with a message saying so — unless <c>AFTERSALES_TEST_REQUIRE_SERVICES</c>
/// is <c>true</c> (as in CI), where a missing server fails the test instead.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _adminConnection;
    private readonly string _name = "aftersales_test_" + Guid.NewGuid().ToString("N")[..16];

    private PostgresTestDatabase(string adminConnection)
    {
        _adminConnection = adminConnection;
        using var connection = new NpgsqlConnection(adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        command.ExecuteNonQuery();
    }

    public override string Provider => "postgres";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _name }.ConnectionString;

    public static string? ServerConnection => Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");

    public static PostgresTestDatabase Create()
    {
        if (ServerConnection is { Length: > 0 } server)
        {
            return new PostgresTestDatabase(server);
        }

        if (string.Equals(Environment.GetEnvironmentVariable("AFTERSALES_TEST_REQUIRE_SERVICES"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("AFTERSALES_TEST_REQUIRE_SERVICES is true but AFTERSALES_TEST_POSTGRES names no PostgreSQL server.");
        }

        throw new SkipException("PostgreSQL is not configured: set AFTERSALES_TEST_POSTGRES to an Npgsql connection string of a login that may create databases (CI does).");
    }

    public override void Configure(AfterSalesBuilder builder) => builder.UsePostgres(ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
            {
                // A background worker (autovacuum, after the test's writes) is on the database, and a login that
                // is not a superuser may not end it: wait for it to finish, as the benchmarks' helper does.
                await Task.Delay(1_000);
            }
        }
    }
}
