using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// Writes rows with plain SQL statements in the context's current transaction: in one round trip where the
/// provider batches commands (Npgsql), one statement after another where it runs in process (SQLite). The
/// statements come from EF Core's own model: table and column names, and each column's type mapping with its
/// value converter (enums as names, times as UTC ticks on SQLite), so the model stays the one description of the
/// tables. It is the only way the rows of a dispute's transitions are written (its opening included: the summary
/// row, events, deadline and outbox messages), because a dispute is saved after every action and there EF Core's
/// SaveChanges spent more time on change tracking, batching and SQL generation for four rows than the database
/// spent storing them (profiled with the benchmark harness; see docs/benchmarks.md).
/// </summary>
internal sealed class TransitionWriter
{
    // Parameters a statement: SQLite finds each parameter by name in a list, so binding costs grow with the
    // square of a statement's parameters; a few hundred keep that small and still save most statements.
    private const int MaxParameters = 250;

    private static readonly ConcurrentDictionary<(IModel Model, Type Row), Table> Tables = new();

    private readonly AfterSalesDbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly DbConnection _connection;
    private readonly List<Statement> _statements = [];
    private readonly StringBuilder _text = new();
    private readonly List<(Column Column, object? Value)> _parameters = [];
    private readonly List<object> _returned = [];

    public TransitionWriter(AfterSalesDbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _connection = db.Database.GetDbConnection();
    }

    /// <summary>Adds <c>INSERT</c> of <paramref name="rows"/>, many rows to a statement.</summary>
    public TransitionWriter InsertAll<TRow>(IEnumerable<TRow> rows)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        foreach (var chunk in rows.Chunk(MaxParameters / table.Columns.Length))
        {
            var columns = table.Inserted;
            _text.Append("INSERT INTO ").Append(table.Name).Append(" (").AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                _text.Append(r == 0 ? "(" : ", (");
                for (var i = 0; i < columns.Length; i++)
                {
                    _text.Append(i == 0 ? "" : ", ").Append(columns[i].InsertSql is { } computed
                        ? string.Format(CultureInfo.InvariantCulture, computed, r + 1)
                        : Parameter(columns[i], columns[i].Property.GetValue(chunk[r])));
                }

                _text.Append(')');
            }

            EndStatement();
        }

        return this;
    }

    /// <summary>
    /// Adds <c>UPDATE</c> of the columns in which <paramref name="row"/> differs from <paramref name="before"/>, on
    /// the condition that the stored row's concurrency token still holds <paramref name="before"/>'s; the statement
    /// returns the row's key when it updated it. Only changed columns are set because SQLite rewrites every index
    /// on a column that is set, changed or not.
    /// </summary>
    public TransitionWriter UpdateIfUnchanged<TRow>(TRow row, TRow before)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        var token = table.ConcurrencyToken ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no concurrency token.");
        _text.Append("UPDATE ").Append(table.Name).Append(" SET ");
        var first = true;
        foreach (var column in table.Columns.Where(c => !table.Key.Contains(c)))
        {
            var value = column.Property.GetValue(row);
            if (column == token || !Equals(value, column.Property.GetValue(before)))
            {
                _text.Append(first ? "" : ", ").Append(column.Name).Append(" = ").Append(Parameter(column, value));
                first = false;
            }
        }

        AppendKeyCondition(table, [.. table.Key.Select(k => k.Property.GetValue(row))]);
        _text.Append(" AND ").Append(token.Name).Append(" = ").Append(Parameter(token, token.Property.GetValue(before)))
            .Append(" RETURNING ").AppendJoin(", ", table.Key.Select(k => k.Name));
        return EndStatement();
    }

    /// <summary>Adds <c>DELETE</c> of the rows with these keys (a table with a one-column key), those there are.</summary>
    public TransitionWriter DeleteAll<TRow>(IEnumerable<object> keys)
        where TRow : class => DeleteAllWhere<TRow>(null, keys);

    /// <summary>Adds <c>DELETE</c> of the rows whose <paramref name="column"/> (the key when null) is one of <paramref name="values"/>.</summary>
    public TransitionWriter DeleteAllWhere<TRow>(string? column, IEnumerable<object> values)
        where TRow : class
    {
        var table = TableOf(typeof(TRow));
        var key = column is null ? table.Key.Single() : table.Columns.Single(c => c.Property.Name == column);
        foreach (var chunk in values.Chunk(MaxParameters))
        {
            _text.Append("DELETE FROM ").Append(table.Name).Append(" WHERE ").Append(key.Name).Append(" IN (")
                .AppendJoin(", ", chunk.Select(value => Parameter(key, value))).Append(')');
            EndStatement();
        }

        return this;
    }

    /// <summary>
    /// What the statements returned so far, the first column of each row (the keys of rows an
    /// <see cref="UpdateIfUnchanged"/> updated); kept when a later statement fails.
    /// </summary>
    public IReadOnlyList<object> Returned => _returned;

    /// <summary>
    /// Runs the statements in the context's current transaction, collecting what they return in
    /// <see cref="Returned"/>; may run again when a retried transaction runs it again.
    /// </summary>
    public Task ExecuteAsync(CancellationToken cancellationToken)
    {
        _returned.Clear();
        return RunAsync(ReadReturnedAsync, cancellationToken);
    }

    private async Task ReadReturnedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _returned.Add(reader.GetValue(0));
        }
    }

    // One statement per command: a SQLite command binds every statement against all of its parameters, so a
    // command of many statements costs statements x parameters.
    private async Task RunAsync(Func<DbDataReader, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        var timeout = _db.Database.GetCommandTimeout();
        if (_statements.Count == 0)
        {
            return;
        }

        if (_connection.CanCreateBatch)
        {
            var batch = _connection.CreateBatch();
            var parameters = _connection.CreateCommand(); // type mappings make parameters with a command
            await using (batch.ConfigureAwait(false))
            await using (parameters.ConfigureAwait(false))
            {
                batch.Transaction = transaction;
                batch.Timeout = timeout ?? batch.Timeout;
                foreach (var statement in _statements)
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = statement.Sql;
                    foreach (var (column, value) in statement.Parameters)
                    {
                        command.Parameters.Add(column.Mapping.CreateParameter(parameters, _sql.GenerateParameterName($"p{command.Parameters.Count}"), value, column.Nullable));
                    }

                    batch.BatchCommands.Add(command);
                }

                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    do
                    {
                        await read(reader, cancellationToken).ConfigureAwait(false);
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }
            }

            return;
        }

        foreach (var statement in _statements)
        {
            var command = _connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.Transaction = transaction;
                command.CommandTimeout = timeout ?? command.CommandTimeout;
                command.CommandText = statement.Sql;
                foreach (var (column, value) in statement.Parameters)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, _sql.GenerateParameterName($"p{command.Parameters.Count}"), value, column.Nullable));
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await read(reader, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private TransitionWriter EndStatement()
    {
        _statements.Add(new Statement(_text.ToString(), [.. _parameters]));
        _text.Clear();
        _parameters.Clear();
        return this;
    }

    private void AppendKeyCondition(Table table, object?[] key)
    {
        for (var i = 0; i < table.Key.Length; i++)
        {
            _text.Append(i == 0 ? " WHERE " : " AND ").Append(table.Key[i].Name).Append(" = ").Append(Parameter(table.Key[i], key[i]));
        }
    }

    // The type mapping converts the value (enum to name, time to ticks) and types the parameter as EF Core would,
    // when the statement runs.
    private string Parameter(Column column, object? value)
    {
        _parameters.Add((column, value));
        return _sql.GenerateParameterNamePlaceholder($"p{_parameters.Count - 1}");
    }

    private Table TableOf(Type row) => Tables.GetOrAdd((_db.Model, row), key =>
    {
        var entity = key.Model.FindEntityType(key.Row) ?? throw new InvalidOperationException($"{key.Row.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Column ColumnOf(IProperty property) => new(
            _sql.DelimitIdentifier(property.GetColumnName(table)!),
            property.GetRelationalTypeMapping(),
            property.PropertyInfo ?? throw new InvalidOperationException($"{key.Row.Name}.{property.Name} is not a CLR property."),
            property.IsNullable,
            _db.InsertValueSql(property),
            property.ValueGenerated.HasFlag(ValueGenerated.OnAdd));
        var columns = entity.GetProperties().Select(ColumnOf).ToArray();
        var keyColumns = entity.FindPrimaryKey()!.Properties.Select(p => columns.Single(c => c.Property == p.PropertyInfo)).ToArray();
        var token = entity.GetProperties().SingleOrDefault(p => p.IsConcurrencyToken) is { } concurrency
            ? columns.Single(c => c.Property == concurrency.PropertyInfo)
            : null;
        // A value the database assigns (an identity, a default) is left to it, unless the provider computes it in the statement.
        var inserted = columns.Where(c => c.InsertSql is not null || !c.GeneratedOnAdd).ToArray();
        return new Table(_sql.DelimitIdentifier(table.Name, table.Schema), columns, inserted, keyColumns, token);
    });

    private sealed record Statement(string Sql, (Column Column, object? Value)[] Parameters);

    private sealed record Table(string Name, Column[] Columns, Column[] Inserted, Column[] Key, Column? ConcurrencyToken);

    // InsertSql: the value at insert computed in the statement (AfterSalesDbContext.InsertValueSql), or null;
    // GeneratedOnAdd: the database assigns the value at insert (an identity, a default).
    private sealed record Column(string Name, RelationalTypeMapping Mapping, PropertyInfo Property, bool Nullable, string? InsertSql, bool GeneratedOnAdd);
}
